extension ReportPage {
    /// The overview: counts by decision, reason, site and rule, inline-SVG charts, inputs and timings.
    static let scriptOverview = #"""
const SVGNS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const k of Object.keys(attrs || {})) {
    if (k === 'text') e.textContent = String(attrs[k]);
    else if (!/^on/i.test(k)) e.setAttribute(k, String(attrs[k]));
  }
  for (let i = 2; i < arguments.length; i++) if (arguments[i]) e.appendChild(arguments[i]);
  return e;
}
function figure(title, chart, note) {
  return el('figure', { class: 'chartbox' }, el('figcaption', { text: title }), chart, note ? el('p', { class: 'muted small', text: note }) : null);
}
// Horizontal bars: rows of [label, value, onClick?].
function hbars(title, rows) {
  const W = 520, rowH = 22, labelW = 210, H = Math.max(1, rows.length) * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', class: 'chart', 'aria-label': title });
  s.appendChild(svg('title', { text: title }));
  rows.forEach((r, i) => {
    const y = 4 + i * rowH, w = Math.max(1, (W - labelW - 70) * r[1] / max);
    const g = svg('g', { class: r[2] ? 'clickable' : '' },
      svg('title', { text: r[0] + ': ' + num(r[1]) }),
      svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', class: 'lbl', text: clip(r[0], 30) }),
      svg('rect', { x: labelW, y: y + 3, width: w, height: rowH - 7, rx: 2, class: 'bar' }),
      svg('text', { x: labelW + w + 5, y: y + 15, class: 'val', text: num(r[1]) }));
    if (r[2]) g.addEventListener('click', r[2]);
    s.appendChild(g);
  });
  if (!rows.length) s.appendChild(svg('text', { x: 8, y: 16, class: 'lbl', text: t('ov.none') }));
  return figure(title, s);
}
// Vertical bars: columns of [label, value].
function vbars(title, cols, note) {
  const W = 520, H = 200, padB = 28, padL = 40, colW = (W - padL - 10) / Math.max(1, cols.length);
  const max = Math.max(1, ...cols.map((c) => c[1]));
  const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', class: 'chart', 'aria-label': title });
  s.appendChild(svg('title', { text: title }));
  s.appendChild(svg('line', { x1: padL, y1: H - padB, x2: W - 6, y2: H - padB, class: 'axis' }));
  s.appendChild(svg('text', { x: padL - 4, y: 14, 'text-anchor': 'end', class: 'val', text: num(max) }));
  cols.forEach((c, i) => {
    const h = (H - padB - 20) * c[1] / max, x = padL + i * colW + 4;
    s.appendChild(svg('g', null,
      svg('title', { text: c[0] + ': ' + num(c[1]) }),
      svg('rect', { x: x, y: H - padB - h, width: Math.max(2, colW - 8), height: Math.max(c[1] ? 1 : 0, h), rx: 2, class: 'bar' }),
      svg('text', { x: x + (colW - 8) / 2, y: H - padB - h - 4, 'text-anchor': 'middle', class: 'val', text: c[1] ? num(c[1]) : '' }),
      svg('text', { x: x + (colW - 8) / 2, y: H - 10, 'text-anchor': 'middle', class: 'lbl', text: c[0] })));
  });
  return figure(title, s, note);
}
function table(headers, rows, numeric) {
  return el('table', { class: 'grid' },
    el('thead', null, el('tr', null, headers.map((h, i) => el('th', { class: numeric && numeric[i] ? 'num' : null, text: h })))),
    el('tbody', null, rows.map((r) => el('tr', r.events ? { class: 'clickable', events: r.events, title: t('ov.clickFilter') } : null,
      r.cells.map((c, i) => el('td', { class: numeric && numeric[i] ? 'num' : null }, c))))));
}
function filterDocs(key, value) {
  for (const k of Object.keys(S.filters)) S.filters[k] = '';
  S.filters[key] = String(value);
  S.doc = -1;
  showTab('documents');
  syncFilterControls();
  applyFilters();
}

function reasonKey(i) {
  const d = D.docs, dec = d.dec[i];
  if (dec === 0) return d.cs[i] > 1 ? 'canonical' : 'unique';
  if (dec === 3) return 'rule-review';
  const m = d.m[i];
  if (m) return MKIND[m[0]];
  const why = d.why[i][0] || '';
  return why.indexOf('removed by rule') === 0 ? 'rule-remove' : 'other';
}

VIEWS.overview = { build(root) {
  const d = D.docs, n = D.n;
  const byDec = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) byDec[d.dec[i]]++;
  const cards = el('div', { class: 'cards' },
    el('div', { class: 'card' }, el('b', { text: num(n), data: { count: 'total', value: n } }), el('span', { text: t('ov.documents') })),
    DEC.map((k, j) => el('div', { class: 'card clickable d-' + k, title: t('ov.clickFilter'), events: { click: () => filterDocs('dec', j) } },
      el('b', { text: num(byDec[j]), data: { count: k, value: byDec[j] } }), el('span', { text: t('dec.' + k) }),
      el('small', { text: n ? pct(byDec[j] / n) : '' }))),
    el('div', { class: 'card clickable', events: { click: () => showTab('clusters') } },
      el('b', { text: num(D.clusters.length), data: { count: 'clusters', value: D.clusters.length } }), el('span', { text: t('ov.clusters') })),
    el('div', { class: 'card' }, el('b', { text: num(D.run.counters.linesFlagged) }), el('span', { text: t('ov.linesStripped') })),
    el('div', { class: 'card' }, el('b', { text: num(D.run.problemCount) }), el('span', { text: t('ov.skipped') })));
  root.appendChild(cards);

  // Decisions by reason.
  const byReason = new Map();
  for (let i = 0; i < n; i++) { const k = d.dec[i] + '|' + reasonKey(i); byReason.set(k, (byReason.get(k) || 0) + 1); }
  const reasonRows = [...byReason].sort((a, b) => b[1] - a[1]).map(([k, v]) => {
    const [dec, why] = k.split('|');
    return { cells: [badge(Number(dec)), t('reason.' + why), num(v)], events: { click: () => filterDocs('dec', dec) } };
  });

  // Sites.
  const sites = D.sites.map((name, s) => ({ name: name, s: s, docs: 0, dropped: 0, stripped: 0 }));
  for (let i = 0; i < n; i++) {
    const e = sites[d.site[i]];
    e.docs++; if (d.dec[i] === 1 || d.dec[i] === 2) e.dropped++; e.stripped += D.stripCount[i];
  }
  const siteRows = sites.slice().sort((a, b) => b.docs - a.docs || (a.name < b.name ? -1 : 1)).slice(0, 60)
    .map((e) => ({ cells: [e.name || t('ov.noSite'), num(e.docs), num(e.dropped), num(e.stripped)], events: { click: () => filterDocs('site', e.s) } }));

  // Rules (by rule id; a rule id keeps one category).
  const rules = new Map();
  for (let i = 0; i < n; i++) {
    const f = d.f[i], seen = new Set();
    for (let k = 0; k < f.length; k += FW) {
      const id = D.rules[f[k]][0];
      let e = rules.get(id);
      if (!e) { e = { id: id, cat: D.rules[f[k]][1], lines: 0, docs: 0 }; rules.set(id, e); }
      e.lines += f[k + 4] - f[k + 3] + 1;
      if (!seen.has(id)) { seen.add(id); e.docs++; }
    }
  }
  const ruleList = [...rules.values()].sort((a, b) => b.lines - a.lines || (a.id < b.id ? -1 : 1));
  const ruleRows = ruleList.map((e) => ({ cells: [e.id, el('span', { class: 'cat c-' + e.cat, text: t('cat.' + e.cat) }), num(e.lines), num(e.docs)],
    events: { click: () => filterDocs('rule', e.id) } }));

  // Charts.
  const buckets = [['2', 2, 2], ['3', 3, 3], ['4', 4, 4], ['5', 5, 5], ['6–10', 6, 10], ['11–20', 11, 20], ['21–50', 21, 50], ['51+', 51, 1e12]];
  const sizes = buckets.map((b) => [b[0], 0]);
  for (const c of D.clusters) { const size = c[1].length + 1; const j = buckets.findIndex((b) => size >= b[1] && size <= b[2]); if (j >= 0) sizes[j][1]++; }
  const charts = el('div', { class: 'charts' },
    vbars(t('ov.chartSizes'), sizes, t('ov.chartSizesNote')),
    hbars(t('ov.chartRules'), ruleList.slice(0, 12).map((e) => [e.id, e.lines, () => filterDocs('rule', e.id)])),
    hbars(t('ov.chartSites'), sites.filter((e) => e.stripped > 0).sort((a, b) => b.stripped - a.stripped).slice(0, 12)
      .map((e) => [e.name || t('ov.noSite'), e.stripped, () => filterDocs('site', e.s)])));
  root.appendChild(charts);

  const cols = el('div', { class: 'columns' });
  cols.appendChild(el('div', null, el('h2', { text: t('ov.byReason') }),
    table([t('col.decision'), t('col.reason'), t('col.documents')], reasonRows, [0, 0, 1])));
  cols.appendChild(el('div', null, el('h2', { text: t('ov.byRule') }),
    ruleRows.length ? table([t('col.rule'), t('col.category'), t('col.lines'), t('col.documents')], ruleRows, [0, 0, 1, 1]) : el('p', { class: 'muted', text: t('ov.none') })));
  cols.appendChild(el('div', null, el('h2', { text: t('ov.bySite') }),
    table([t('col.site'), t('col.documents'), t('col.dropped'), t('col.lines')], siteRows, [0, 1, 1, 1]),
    sites.length > 60 ? el('p', { class: 'muted small', text: t('ov.moreSites', num(sites.length - 60)) }) : null));

  // The run: inputs, stage timings, skipped records.
  const stages = Object.keys(D.run.seconds);
  const run = el('div', null, el('h2', { text: t('ov.run') }),
    el('h3', { text: t('ov.inputs') }), el('ul', { class: 'inputs' }, D.run.inputs.map((x) => el('li', null, el('code', { text: x })))),
    el('h3', { text: t('ov.timings') }),
    stages.length ? table([t('col.stage'), t('col.wall'), t('col.cpu')], stages.map((s) => ({ cells: [D.t['stage.' + s] ? t('stage.' + s) : s, secs(D.run.seconds[s]), secs(D.run.cpu[s] || 0)] })), [0, 1, 1])
      : el('p', { class: 'muted', text: t('ov.none') }),
    el('p', { class: 'muted small', text: t('ov.counters', num(D.run.counters.articles), num(D.run.counters.excerpts), num(D.run.counters.archiveMatches), num(D.run.revisions)) }),
    D.run.notArticles.length ? [el('h3', { text: t('ov.notArticles') }), table([t('col.reason'), t('col.records')], D.run.notArticles.map((r) => ({ cells: [r[0], num(r[1])] })), [0, 1])] : null,
    D.run.problems.length ? [el('h3', { text: t('ov.problems', num(D.run.problemCount)) }),
      el('ul', { class: 'problems' }, D.run.problems.map((p) => el('li', null, el('code', { text: p[0] }), ' ', p[1])))] : null);
  cols.appendChild(run);
  root.appendChild(cols);
} };
"""#
}
