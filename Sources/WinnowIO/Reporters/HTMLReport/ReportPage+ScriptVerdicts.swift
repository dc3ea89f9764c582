extension ReportPage {
    /// Verdicts: kept in memory (and in localStorage under the run's key), shown on every
    /// decision and finding, listed in their own tab, downloaded as JSONL for `winnow review apply`.
    static let scriptVerdicts = #"""
const VERDICTS = ['accept', 'not-duplicate', 'false-positive', 'remove'];
const V = new Map();   // "doc id \0 rule id" -> {id, verdict, canonical?, rule?, editor, note, at}
const storeKey = () => 'winnow-report-verdicts:' + D.run.key;
function vkey(i, rule) { return D.docs.id[i] + '\u0000' + (rule || ''); }
function getVerdict(i, rule) { return V.get(vkey(i, rule)); }
function editorName() { const e = $('editor'); return e ? e.value.trim() : (S.editor || ''); }

function loadVerdicts() {
  try { S.editor = localStorage.getItem('winnow-report-editor') || ''; } catch (_) { S.editor = ''; }
  if (!S.persist) return;
  try {
    const saved = JSON.parse(localStorage.getItem(storeKey()) || '[]');
    for (const r of saved) if (r && typeof r.id === 'string' && VERDICTS.includes(r.verdict) && D.index.has(r.id)) V.set(r.id + '\u0000' + (r.rule || ''), r);
  } catch (_) { /* no storage on this browser, or damaged: verdicts stay in memory */ }
}
function saveVerdicts() {
  if (!S.persist) return;
  try { localStorage.setItem(storeKey(), JSON.stringify([...V.values()])); } catch (_) { toast(t('v.notSaved')); }
}
function setVerdict(i, rule, verdict, note, quiet) {
  const key = vkey(i, rule), cur = V.get(key);
  if (!verdict) { V.delete(key); }
  else {
    const rec = { id: D.docs.id[i], verdict: verdict, editor: editorName(), note: note != null ? note : (cur ? cur.note : ''), at: new Date().toISOString() };
    if (verdict === 'not-duplicate') rec.canonical = canonicalOf(i).id;
    if (rule) rec.rule = rule;
    V.set(key, rec);
  }
  if (quiet) return;
  saveVerdicts();
  refreshVerdictUI();
}
function toggleVerdict(i, rule, verdict) {
  const cur = getVerdict(i, rule);
  setVerdict(i, rule, cur && cur.verdict === verdict ? '' : verdict);
}
function docVerdicts(i) {
  const out = [], d = getVerdict(i, '');
  if (d) out.push(d);
  const f = D.docs.f[i], seen = new Set();
  for (let k = 0; k < f.length; k += FW) {
    const r = D.rules[f[k]][0];
    if (seen.has(r)) continue;
    seen.add(r);
    const x = getVerdict(i, r);
    if (x) out.push(x);
  }
  return out;
}
const MARKS = { 'accept': '✓', 'not-duplicate': '≠', 'remove': '✗', 'false-positive': '⚑' };
function verdictMark(i) { return docVerdicts(i).map((v) => MARKS[v.verdict]).join(''); }

// One JSON object a line: id, verdict, canonical (not-duplicate), rule (false-positive), editor, note.
function verdictLines() {
  const editor = editorName();
  const recs = [...V.values()].sort((a, b) => (D.index.get(a.id) - D.index.get(b.id)) || ((a.rule || '') < (b.rule || '') ? -1 : 1));
  return recs.map((r) => {
    const o = { id: r.id, verdict: r.verdict };
    if (r.verdict === 'not-duplicate' && r.canonical) o.canonical = r.canonical;
    if (r.verdict === 'false-positive' && r.rule) o.rule = r.rule;
    o.editor = r.editor || editor;
    o.note = r.note || '';
    return JSON.stringify(o).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  }).join('\n') + (recs.length ? '\n' : '');
}
function downloadVerdicts() {
  if (!V.size) { toast(t('v.nothing')); return; }
  if (!editorName()) { toast(t('v.needEditor')); const e = $('editor'); if (e) e.focus(); return; }
  const blob = new Blob([verdictLines()], { type: 'application/x-ndjson' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'verdicts-' + D.run.key + '.jsonl' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The decision verdict controls for one document.
function verdictBox(i, rule) {
  const box = el('div', { class: 'verdict', data: { doc: i, rule: rule || '' } });
  drawVerdictBox(box);
  return box;
}
function drawVerdictBox(box) {
  const i = Number(box.dataset.doc), rule = box.dataset.rule;
  const cur = getVerdict(i, rule);
  clear(box);
  const hasCanonical = canonicalOf(i).id !== D.docs.id[i];
  box.appendChild(el('span', { class: 'vlabel', text: t('v.your') }));
  for (const v of ['accept', 'not-duplicate', 'remove']) {
    box.appendChild(el('button', { type: 'button', class: 'vbtn v-' + v + (cur && cur.verdict === v ? ' on' : ''),
      'aria-pressed': String(!!(cur && cur.verdict === v)), disabled: v === 'not-duplicate' && !hasCanonical,
      title: t('v.' + v + '.hint'), text: t('v.' + v), events: { click: () => toggleVerdict(i, rule, v) } }));
  }
  if (cur) {
    const note = el('input', { type: 'text', class: 'note', placeholder: t('v.note'), value: cur.note || '', 'aria-label': t('v.note') });
    note.addEventListener('change', () => { cur.note = note.value; saveVerdicts(); });
    box.appendChild(note);
  }
}
function ruleVerdictButton(i, rule) {
  const cur = getVerdict(i, rule), on = !!(cur && cur.verdict === 'false-positive');
  const wrap = el('span', { class: 'rverdict', data: { doc: i, rule: rule } });
  wrap.appendChild(el('button', { type: 'button', class: 'vbtn v-false-positive' + (on ? ' on' : ''), 'aria-pressed': String(on),
    title: t('v.false-positive.hint'), text: t('v.false-positive'), events: { click: () => toggleVerdict(i, rule, 'false-positive') } }));
  if (on) {
    const note = el('input', { type: 'text', class: 'note', placeholder: t('v.note'), value: cur.note || '', 'aria-label': t('v.note') });
    note.addEventListener('change', () => { cur.note = note.value; saveVerdicts(); });
    wrap.appendChild(note);
  }
  return wrap;
}
function refreshVerdictUI() {
  for (const b of document.querySelectorAll('.verdict')) drawVerdictBox(b);
  for (const w of document.querySelectorAll('.rverdict')) w.replaceWith(ruleVerdictButton(Number(w.dataset.doc), w.dataset.rule));
  for (const n of ['documents', 'clusters']) if (VIEWS[n].list) VIEWS[n].list.redraw();
  for (const c of document.querySelectorAll('td.vmark[data-doc]')) c.textContent = verdictMark(Number(c.dataset.doc));
  const tab = $('tab-verdicts');
  if (tab) tab.textContent = t('tab.verdicts') + (V.size ? ' (' + num(V.size) + ')' : '');
  if (VIEWS.verdicts.built) VIEWS.verdicts.show();
}

VIEWS.verdicts = {
  build(root) {
    const editor = el('input', { id: 'editor', type: 'text', value: S.editor || '', placeholder: t('v.editorHint'), 'aria-label': t('v.editor') });
    editor.addEventListener('change', () => { try { localStorage.setItem('winnow-report-editor', editor.value.trim()); } catch (_) {} });
    const file = el('input', { type: 'file', accept: '.jsonl,.json,.txt', class: 'hiddenfile', id: 'import' });
    file.addEventListener('change', () => { if (file.files && file.files[0]) importVerdicts(file.files[0]); file.value = ''; });
    let armed = false;
    const clearBtn = el('button', { type: 'button', class: 'danger', text: t('v.clearAll') });
    clearBtn.addEventListener('click', () => {
      if (!armed) { armed = true; clearBtn.textContent = t('v.clearConfirm'); setTimeout(() => { armed = false; clearBtn.textContent = t('v.clearAll'); }, 4000); return; }
      V.clear(); saveVerdicts(); refreshVerdictUI(); armed = false; clearBtn.textContent = t('v.clearAll');
    });
    root.appendChild(el('div', { class: 'vtools' },
      el('label', null, t('v.editor') + ' ', editor),
      el('button', { type: 'button', class: 'primary', id: 'download', text: t('v.download'), events: { click: downloadVerdicts } }),
      el('label', { class: 'button', for: 'import', text: t('v.import') }), file, clearBtn));
    root.appendChild(el('p', { class: 'muted small', text: t('v.explain', 'verdicts-' + D.run.key + '.jsonl') }));
    this.body = el('div');
    root.appendChild(this.body);
  },
  show() {
    const body = clear(this.body);
    const recs = [...V.values()].sort((a, b) => D.index.get(a.id) - D.index.get(b.id));
    const counts = VERDICTS.map((v) => t('v.' + v) + ' ' + num(recs.filter((r) => r.verdict === v).length));
    body.appendChild(el('p', { id: 'verdict-count', text: t('v.count', num(recs.length)) + ' — ' + counts.join(' · ') }));
    if (!recs.length) { body.appendChild(el('p', { class: 'empty', text: t('v.none') })); return; }
    body.appendChild(el('table', { class: 'grid' },
      el('thead', null, el('tr', null, [t('col.id'), t('col.title'), t('col.verdict'), t('col.canonical'), t('col.rule'), t('col.note'), ''].map((h) => el('th', { text: h })))),
      el('tbody', null, recs.slice(0, 1000).map((r) => {
        const i = D.index.get(r.id);
        const note = el('input', { type: 'text', class: 'note', value: r.note || '', 'aria-label': t('v.note') });
        note.addEventListener('change', () => { r.note = note.value; saveVerdicts(); });
        return el('tr', null, el('td', null, docLink(i)), el('td', { text: clip(D.docs.title[i] || '', 60) }),
          el('td', null, el('span', { class: 'vtag v-' + r.verdict, text: t('v.' + r.verdict) })),
          el('td', { text: r.verdict === 'not-duplicate' ? (r.canonical || '') : '' }), el('td', { text: r.rule || '' }), el('td', null, note),
          el('td', null, el('button', { type: 'button', class: 'linkish', title: t('v.delete'), text: '×', events: { click: () => setVerdict(i, r.rule || '', '') } })));
      }))));
    if (recs.length > 1000) body.appendChild(el('p', { class: 'muted small', text: t('v.more', num(recs.length - 1000)) }));
    body.appendChild(el('h3', { text: t('v.preview') }));
    body.appendChild(el('pre', { class: 'preview', id: 'verdicts-preview', text: verdictLines().split('\n').slice(0, 20).join('\n') }));
  },
};
function importVerdicts(file) {
  const reader = new FileReader();
  reader.onload = () => {
    let n = 0, bad = 0;
    for (const line of String(reader.result).split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line);
        const i = D.index.get(r.id);
        if (i == null || !VERDICTS.includes(r.verdict)) { bad++; continue; }
        setVerdict(i, r.verdict === 'false-positive' ? String(r.rule || '') : '', r.verdict, String(r.note || ''), true);
        const rec = getVerdict(i, r.verdict === 'false-positive' ? String(r.rule || '') : '');
        if (rec && r.editor) rec.editor = String(r.editor);
        if (rec && r.verdict === 'not-duplicate' && typeof r.canonical === 'string') rec.canonical = r.canonical;
        n++;
      } catch (_) { bad++; }
    }
    saveVerdicts();
    refreshVerdictUI();
    toast(t('v.imported', num(n), num(bad)));
  };
  reader.readAsText(file);
}
"""#
}
