extension ReportPage {
    /// The documents view: filters, text search, a virtual list, and the original text with
    /// stripped lines shaded by category and labelled with rule id and message.
    static let scriptDocuments = #"""
const FILTERS = [['dec', 'f.decision'], ['cat', 'f.category'], ['site', 'f.site'], ['rule', 'f.rule'], ['verdict', 'f.verdict']];
VIEWS.documents = {
  build(root) {
    const d = D.docs;
    const siteCount = new Int32Array(D.sites.length);
    for (let i = 0; i < D.n; i++) siteCount[d.site[i]]++;
    const ruleIds = [...new Set(D.rules.map((r) => r[0]))].sort();
    const options = {
      dec: DEC.map((k, j) => [String(j), t('dec.' + k)]),
      cat: CATS.map((c) => [c, t('cat.' + c)]),
      site: D.sites.map((s, j) => [String(j), (s || t('ov.noSite')) + ' (' + num(siteCount[j]) + ')', siteCount[j]])
        .sort((a, b) => b[2] - a[2] || (a[1] < b[1] ? -1 : 1)),
      rule: ruleIds.map((r) => [r, r]),
      verdict: [['any', t('f.anyVerdict')], ['none', t('f.noVerdict')]].concat(VERDICTS.map((v) => [v, t('v.' + v)])),
    };
    const bar = el('div', { class: 'filters' });
    for (const [key, label] of FILTERS) {
      const sel = el('select', { id: 'f-' + key, 'aria-label': t(label) }, el('option', { value: '', text: t(label) + ': ' + t('f.all') }),
        options[key].map((o) => el('option', { value: o[0], text: o[1] })));
      sel.addEventListener('change', () => { S.filters[key] = sel.value; applyFilters(); });
      bar.appendChild(sel);
    }
    const search = el('input', { id: 'search', type: 'search', placeholder: t('f.search'), 'aria-label': t('f.search'), autocomplete: 'off' });
    let timer = 0;
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { S.filters.q = search.value; applyFilters(); }, 250); });
    search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(timer); S.filters.q = search.value; applyFilters(); search.blur(); } });
    bar.appendChild(search);
    bar.appendChild(el('button', { type: 'button', class: 'linkish', text: t('f.clear'), events: { click: () => {
      for (const k of Object.keys(S.filters)) S.filters[k] = '';
      syncFilterControls(); applyFilters();
    } } }));
    bar.appendChild(el('span', { id: 'doc-count', class: 'muted' }));
    root.appendChild(bar);
    const listBox = el('div', { class: 'listpane' });
    root.appendChild(el('div', { class: 'split' }, el('div', { class: 'side' }, listBox),
      el('div', { class: 'detail', id: 'viewer' }, el('p', { class: 'muted', text: t('doc.pick') }))));
    this.list = VList(listBox, 46, (r) => {
      const i = S.filtered[r];
      return el('div', { class: 'drow' + (i === S.doc ? ' selected' : ''), events: { click: () => openDoc(i, false) } },
        badge(d.dec[i]),
        el('span', { class: 'vmark', text: verdictMark(i) }),
        el('span', { class: 'ttl', text: d.title[i] || d.id[i] }),
        el('span', { class: 'sub', text: d.id[i] + ' · ' + (D.sites[d.site[i]] || '') + (D.stripCount[i] ? ' · ' + t('doc.stripped', num(D.stripCount[i])) : '') }));
    });
    applyFilters();
  },
  show() { if (this.list) this.list.redraw(); },
};

function syncFilterControls() {
  for (const [key] of FILTERS) { const s = $('f-' + key); if (s) s.value = S.filters[key]; }
  const q = $('search'); if (q) q.value = S.filters.q;
}
function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
// Filters the documents into S.filtered (ascending). Without a text search this is one quick
// pass; a search reads the texts in slices of ~30 ms so the page stays responsive, showing its
// progress. A newer call supersedes a running one; `done` runs when the list is complete.
let filterRun = 0;
function applyFilters(done) {
  const run = ++filterRun, f = S.filters, d = D.docs, out = [];
  const dec = f.dec === '' ? -1 : Number(f.dec);
  const cat = f.cat === '' ? 0 : 1 << Math.max(0, CATS.indexOf(f.cat));
  const site = f.site === '' ? -1 : Number(f.site);
  const rules = f.rule === '' ? null : new Set(D.rules.map((r, j) => (r[0] === f.rule ? j : -1)).filter((j) => j >= 0));
  const re = f.q ? new RegExp(escapeRe(f.q), 'i') : null;
  if (re && !ready()) { whenReady(() => { if (run === filterRun) applyFilters(done); }); return; }
  const c = $('doc-count');
  let i = 0;
  const step = () => {
    if (run !== filterRun) return;
    const until = performance.now() + 30;
    for (; i < D.n; i++) {
      if (re && (i & 255) === 0 && i && performance.now() > until) break;
      if (dec >= 0 && d.dec[i] !== dec) continue;
      if (cat && !(D.catMask[i] & cat)) continue;
      if (site >= 0 && d.site[i] !== site) continue;
      if (rules) { const fs = d.f[i]; let hit = false; for (let k = 0; k < fs.length && !hit; k += FW) hit = rules.has(fs[k]); if (!hit) continue; }
      if (f.verdict) {
        const v = docVerdicts(i);
        if (f.verdict === 'any' ? !v.length : f.verdict === 'none' ? v.length : !v.some((x) => x.verdict === f.verdict)) continue;
      }
      if (re && !(re.test(d.id[i]) || re.test(d.title[i]) || re.test(textOf(i)))) continue;
      out.push(i);
    }
    if (i < D.n) {
      if (c) c.textContent = t('f.searching', pct(i / D.n));
      setTimeout(step, 0);
      return;
    }
    S.filtered = Int32Array.from(out);
    if (c) c.textContent = t('f.count', num(out.length), num(D.n));
    const view = VIEWS.documents;
    if (view.list) { view.list.setCount(out.length); if (S.doc >= 0 && docPos(S.doc) >= 0) view.list.reveal(docPos(S.doc)); }
    if (done) done();
  };
  step();
}
function docPos(i) {
  const a = S.filtered;
  if (!a) return -1;
  let lo = 0, hi = a.length - 1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (a[mid] === i) return mid; if (a[mid] < i) lo = mid + 1; else hi = mid - 1; }
  return -1;
}
function moveDoc(step) {
  const a = S.filtered;
  if (!a || !a.length) return;
  const p = docPos(S.doc);
  const next = p < 0 ? (step > 0 ? 0 : a.length - 1) : Math.max(0, Math.min(a.length - 1, p + step));
  openDoc(a[next], false);
}
function focusSearch() {
  showTab('documents');
  const q = $('search');
  if (q) { q.focus(); q.select(); }
}
function openDoc(i, fromRoute) {
  if (!(i >= 0 && i < D.n)) return;
  S.doc = i;
  if (S.tab !== 'documents') showTab('documents');
  if (docPos(i) < 0) { for (const k of Object.keys(S.filters)) S.filters[k] = ''; syncFilterControls(); applyFilters(); }
  setHash('doc=' + encodeURIComponent(D.docs.id[i]));
  VIEWS.documents.list.reveal(docPos(i));
  whenReady(() => {
    if (S.doc !== i) return;
    renderViewer(i);
    if (!fromRoute) { const v = $('viewer'); if (v) v.scrollTop = 0; }
  });
}

function linesLabel(a, b) { return a === b ? t('doc.line', num(a)) : t('doc.linesRange', num(a), num(b)); }

function renderViewer(i) {
  const v = clear($('viewer')), d = D.docs;
  const canon = canonicalOf(i), m = d.m[i], ci = D.clusterOf[i];
  v.appendChild(el('div', { class: 'dochead' },
    el('h2', { id: 'doc-title', text: d.title[i] || d.id[i] }),
    el('div', { class: 'meta' },
      el('code', { id: 'doc-id', text: d.id[i] }),
      D.sites[d.site[i]] ? [' · ', el('span', { text: D.sites[d.site[i]] })] : null,
      d.pub[i] ? [' · ', el('span', { text: d.pub[i] })] : null,
      d.lang[i] ? [' · ', el('span', { text: d.lang[i] })] : null,
      d.ex[i] ? [' · ', el('span', { class: 'chip', text: t('doc.excerpt') })] : null,
      d.url[i] ? [' · ', extLink(d.url[i])] : null)));
  v.appendChild(el('div', { class: 'decision' },
    badge(d.dec[i]), ' ',
    canon.id !== d.id[i] ? [t('doc.canonical') + ' ', canon.index >= 0 ? docLink(canon.index) : el('code', { text: canon.id }),
      canon.run ? ' ' + t('doc.fromRun', canon.run) : ''] : null,
    m ? el('span', { class: 'figures', text: ' ' + t('cl.figures', t('kind.' + MKIND[m[0]]), num(m[1]), fig(m[2]), fig(m[3])) }) : null,
    ci >= 0 ? [' · ', el('a', { href: '#cluster=' + ci, text: t('doc.cluster', num(D.clusters[ci][1].length + 1)) })] : null,
    el('ul', { class: 'reasons' }, d.why[i].map((r) => el('li', { text: r })))));
  v.appendChild(verdictBox(i, ''));

  const f = d.f[i];
  if (f.length) {
    const rows = [];
    for (let k = 0; k < f.length; k += FW) {
      const rule = D.rules[f[k]][0], cat = CATS[D.ruleCat[f[k]]];
      rows.push(el('tr', null,
        el('td', null, el('button', { type: 'button', class: 'linkish', text: linesLabel(f[k + 3], f[k + 4]),
          events: { click: () => { const line = $('L' + f[k + 3]); if (line) line.scrollIntoView({ block: 'center' }); } } })),
        el('td', null, el('code', { text: rule })),
        el('td', null, el('span', { class: 'cat c-' + cat, text: t('cat.' + cat) })),
        el('td', { text: t('sev.' + SEV[f[k + 1]]) + ' · ' + t('act.' + ACT[f[k + 2]]) + (f[k + 6] ? ' · ' + t('doc.outside') : '') }),
        el('td', { text: D.msgs[f[k + 5]] }),
        el('td', null, ruleVerdictButton(i, rule))));
    }
    v.appendChild(el('details', { class: 'findings', open: true }, el('summary', { text: t('doc.findings', num(f.length / FW)) }),
      el('table', { class: 'grid' }, el('tbody', null, rows))));
  }
  v.appendChild(renderText(i));
}

// The original text, line by line: stripped lines shaded by their finding's category, each
// finding labelled where it starts with its rule id, message and action.
function renderText(i) {
  const lines = linesOf(i), strip = strippedSet(i), f = D.docs.f[i];
  const lineCat = new Map(), labels = new Map();
  for (let k = 0; k < f.length; k += FW) {
    const c = D.ruleCat[f[k]];
    for (let n = f[k + 3]; n <= f[k + 4]; n++) if (!lineCat.has(n) || (f[k + 2] === 1 && strip.has(n))) lineCat.set(n, c);
    if (!labels.has(f[k + 3])) labels.set(f[k + 3], []);
    labels.get(f[k + 3]).push(k);
  }
  const box = el('div', { class: 'text', id: 'doc-text' });
  const cap = 4000;
  const drawLines = (from, to) => {
    const frag = document.createDocumentFragment();
    for (let j = from; j < to; j++) {
      const n = j + 1;
      for (const k of labels.get(n) || []) {
        const cat = CATS[D.ruleCat[f[k]]];
        frag.appendChild(el('div', { class: 'flabel c-' + cat },
          el('code', { text: D.rules[f[k]][0] }), ' ', el('span', { text: D.msgs[f[k + 5]] }), ' ',
          el('span', { class: 'muted', text: linesLabel(f[k + 3], f[k + 4]) + ' · ' + t('cat.' + cat) + ' · ' + t('act.' + ACT[f[k + 2]]) })));
      }
      const c = lineCat.get(n);
      const cls = 'line' + (strip.has(n) ? ' stripped' : c != null ? ' flagged' : '') + (c != null ? ' c-' + CATS[c] : '');
      frag.appendChild(el('div', { class: cls, id: 'L' + n }, el('span', { class: 'ln', text: n }), el('span', { class: 'tx', text: lines[j] })));
    }
    return frag;
  };
  box.appendChild(drawLines(0, Math.min(lines.length, cap)));
  if (lines.length > cap) {
    const more = el('button', { type: 'button', class: 'linkish', text: t('doc.moreLines', num(lines.length - cap)) });
    more.addEventListener('click', () => { more.replaceWith(drawLines(cap, lines.length)); });
    box.appendChild(more);
  }
  return box;
}
"""#
}
