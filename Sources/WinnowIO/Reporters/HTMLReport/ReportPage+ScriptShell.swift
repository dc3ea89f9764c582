extension ReportPage {
    /// Tabs, keyboard navigation, the help panel, the virtual list, and start-up (runs last).
    static let scriptShell = #"""
function showTab(name) {
  if (!TABS.includes(name)) name = 'overview';
  S.tab = name;
  for (const n of TABS) {
    const b = $('tab-' + n), v = $('view-' + n);
    if (b) { b.setAttribute('aria-selected', String(n === name)); b.classList.toggle('active', n === name); }
    if (v) v.hidden = n !== name;
  }
  const view = VIEWS[name];
  if (view && !view.built) { view.build($('view-' + name)); view.built = true; }
  if (view && view.show) view.show();
  if (name === 'overview' || name === 'verdicts' || (name === 'documents' && S.doc < 0) || (name === 'clusters' && S.cluster < 0)) setHash(name);
}

// A scrolling list that only draws the rows in view, so 50,000 rows cost as much as 50.
function VList(container, rowHeight, drawRow) {
  const sizer = el('div', { class: 'vsizer' });
  container.classList.add('vlist');
  container.appendChild(sizer);
  const list = { count: 0, rows: new Map(), pending: false };
  function draw() {
    list.pending = false;
    const top = container.scrollTop, h = container.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / rowHeight) - 8);
    const last = Math.min(list.count - 1, Math.ceil((top + h) / rowHeight) + 8);
    for (const [i, row] of list.rows) if (i < first || i > last) { row.remove(); list.rows.delete(i); }
    for (let i = first; i <= last; i++) {
      if (list.rows.has(i)) continue;
      const row = drawRow(i);
      row.classList.add('vrow');
      row.style.top = (i * rowHeight) + 'px';
      row.style.height = rowHeight + 'px';
      sizer.appendChild(row);
      list.rows.set(i, row);
    }
  }
  container.addEventListener('scroll', () => { if (!list.pending) { list.pending = true; requestAnimationFrame(draw); } });
  list.setCount = (n) => {
    list.count = n;
    sizer.style.height = (n * rowHeight) + 'px';
    list.redraw();
  };
  list.redraw = () => { for (const row of list.rows.values()) row.remove(); list.rows.clear(); draw(); };
  list.reveal = (i) => {
    const top = i * rowHeight, h = container.clientHeight || 600;
    if (top < container.scrollTop) container.scrollTop = top;
    else if (top + rowHeight > container.scrollTop + h) container.scrollTop = top + rowHeight - h;
    list.redraw();
  };
  return list;
}

function toggleHelp(force) {
  const h = $('help');
  h.hidden = force === undefined ? !h.hidden : !force;
  if (!h.hidden && !h.firstChild) {
    const keys = [['j', 'help.j'], ['k', 'help.k'], ['/', 'help.slash'], ['?', 'help.q'], ['1 2 3 4', 'help.tabs'],
                  ['a', 'help.a'], ['n', 'help.n'], ['x', 'help.x'], ['Esc', 'help.esc']];
    h.appendChild(el('div', { class: 'helpbox', role: 'dialog', 'aria-label': t('help.title') },
      el('h2', { text: t('help.title') }),
      el('table', null, keys.map((k) => el('tr', null, el('td', null, el('kbd', { text: k[0] })), el('td', { text: t(k[1]) })))),
      el('p', { class: 'muted', text: t('help.links') }),
      el('button', { type: 'button', text: t('help.close'), events: { click: () => toggleHelp(false) } })));
  }
}

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const tg = e.target;
  const typing = tg && tg.nodeType === 1 && (tg.tagName === 'INPUT' || tg.tagName === 'TEXTAREA' || tg.tagName === 'SELECT' || tg.isContentEditable);
  if (e.key === 'Escape') { toggleHelp(false); if (typing) tg.blur(); return; }
  if (typing) return;
  switch (e.key) {
    case 'j': case 'ArrowDown': if (e.key !== 'j' && S.tab !== 'documents') return; move(1); break;
    case 'k': case 'ArrowUp': if (e.key !== 'k' && S.tab !== 'documents') return; move(-1); break;
    case '/': focusSearch(); break;
    case '?': toggleHelp(); break;
    case '1': case '2': case '3': case '4': showTab(TABS[Number(e.key) - 1]); break;
    case 'a': quickVerdict('accept'); break;
    case 'n': quickVerdict('not-duplicate'); break;
    case 'x': quickVerdict('remove'); break;
    default: return;
  }
  e.preventDefault();
}
function move(step) {
  if (S.tab === 'clusters') { moveCluster(step); return; }
  if (S.tab !== 'documents') showTab('documents');
  moveDoc(step);
}
function quickVerdict(v) {
  const i = S.tab === 'clusters' ? S.member : S.tab === 'documents' ? S.doc : -1;
  if (i < 0) return;
  if (v === 'not-duplicate' && canonicalOf(i).id === D.docs.id[i]) { toast(t('verdict.noCanonical')); return; }
  toggleVerdict(i, '', v);
}

function buildChrome() {
  document.documentElement.lang = D.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('page.title');
  const tabs = $('tabs');
  for (const n of TABS) {
    tabs.appendChild(el('button', { type: 'button', id: 'tab-' + n, role: 'tab', class: 'tab', text: t('tab.' + n),
      events: { click: () => { if (n === 'documents' && S.doc >= 0) openDoc(S.doc, false); else if (n === 'clusters' && S.cluster >= 0) selectCluster(S.cluster); else showTab(n); } } }));
  }
  const info = $('runinfo');
  info.appendChild(el('span', { class: 'muted', text: t('run.generated', DTF ? DTF.format(new Date(D.run.generated)) : D.run.generated) }));
  info.appendChild(el('button', { type: 'button', class: 'helpbtn', title: t('help.title'), text: '?', events: { click: () => toggleHelp() } }));
  const app = clear($('app'));
  for (const n of TABS) app.appendChild(el('section', { id: 'view-' + n, class: 'view', role: 'tabpanel', hidden: true }));
}

function boot() {
  const src = $('data');
  try { D = JSON.parse(src.textContent); } catch (e) { $('app').textContent = 'report data unreadable: ' + e; return; }
  const loc = D.lang === 'zh' ? 'zh-CN' : 'en-US';
  NF = new Intl.NumberFormat(loc);
  NF3 = new Intl.NumberFormat(loc, { maximumFractionDigits: 3 });
  PCT = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 1 });
  DTF = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' });
  derive();
  if (location.hash.indexOf('selftest') >= 0) S.persist = false;   // the self-test never saves verdicts
  loadVerdicts();
  buildChrome();
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', route);
  const selftest = location.hash.indexOf('selftest') >= 0;
  route();
  const rendered = performance.now();
  document.documentElement.dataset.firstRender = String(Math.round(rendered));
  requestAnimationFrame(() => setTimeout(() => { document.documentElement.dataset.painted = String(Math.round(performance.now())); }, 0));
  whenReady(() => { document.documentElement.dataset.ready = String(Math.round(performance.now())); });
  if (selftest) whenReady(() => setTimeout(selfTest, 0));
}
boot();
"""#
}
