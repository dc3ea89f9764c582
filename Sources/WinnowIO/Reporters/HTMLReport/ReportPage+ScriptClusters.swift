extension ReportPage {
    /// The clusters view: a list of clusters, biggest first; the canonical beside a chosen member
    /// with their kept bodies diffed, the similarity figures, and why the canonical won.
    static let scriptClusters = #"""
VIEWS.clusters = {
  build(root) {
    if (!D.clusters.length) { root.appendChild(el('p', { class: 'empty', text: t('cl.none') })); return; }
    const listBox = el('div', { class: 'listpane' });
    this.detail = el('div', { class: 'detail', id: 'cluster-detail' }, el('p', { class: 'muted', text: t('cl.pick') }));
    root.appendChild(el('div', { class: 'split' }, el('div', { class: 'side' },
      el('div', { class: 'listhead', text: t('cl.count', num(D.clusters.length)) }), listBox), this.detail));
    this.list = VList(listBox, 46, (r) => {
      const c = D.clusterOrder[r], canon = D.clusters[c][0];
      return el('div', { class: 'crow' + (c === S.cluster ? ' selected' : ''), data: { cluster: c }, events: { click: () => selectCluster(c) } },
        el('span', { class: 'size', text: num(D.clusters[c][1].length + 1) }),
        el('span', { class: 'ttl', text: D.docs.title[canon] || D.docs.id[canon] }),
        el('span', { class: 'sub', text: D.docs.id[canon] + ' · ' + (D.sites[D.docs.site[canon]] || '') }));
    });
    this.list.setCount(D.clusters.length);
  },
  show() { if (this.list) this.list.redraw(); },
};

function moveCluster(step) {
  if (!D.clusters.length) return;
  const r = S.cluster < 0 ? (step > 0 ? 0 : D.clusters.length - 1) : Math.max(0, Math.min(D.clusters.length - 1, D.clusterRank[S.cluster] + step));
  selectCluster(D.clusterOrder[r]);
}

function selectCluster(c, member) {
  if (!(c >= 0 && c < D.clusters.length)) c = D.clusterOrder.length ? D.clusterOrder[0] : -1;
  if (S.tab !== 'clusters') showTab('clusters');
  const view = VIEWS.clusters;
  if (c < 0 || !view.detail) return;
  const changed = S.cluster !== c;
  S.cluster = c;
  const members = D.clusters[c][1];
  if (member == null) member = changed || members.indexOf(S.member) < 0 ? members[0] : S.member;
  S.member = member;
  setHash('cluster=' + c);
  view.list.reveal(D.clusterRank[c]);
  whenReady(() => { if (S.cluster === c && S.member === member) drawCluster(c, member); });
}

// The cluster's detail: why the canonical won, the members' figures, the diff with one member.
function drawCluster(c, member) {
  const [canon, members] = D.clusters[c];
  const box = clear(VIEWS.clusters.detail);
  const d = D.docs;
  const kept = new Map([canon].concat(members).map((i) => [i, keptLines(i)]));
  const keptChars = (i) => kept.get(i).reduce((s, l) => s + l[1].length, 0);

  box.appendChild(el('h2', null, t('cl.title', num(D.clusterRank[c] + 1), num(members.length + 1))));

  // Why the canonical won: Winnow keeps the fullest copy (complete pages before excerpts, then
  // the most text), and among near-equal full copies the earliest published.
  const all = [canon].concat(members);
  const longest = Math.max(...all.map(keptChars));
  const pubs = all.map((i) => d.pub[i]).filter((p) => p);
  const earliest = pubs.length ? pubs.reduce((a, b) => (a < b ? a : b)) : '';
  const facts = [];
  if (!d.ex[canon]) facts.push(t('cl.factFull'));
  if (keptChars(canon) === longest) facts.push(t('cl.factLongest', num(longest)));
  if (d.pub[canon] && d.pub[canon] === earliest) facts.push(t('cl.factEarliest', d.pub[canon]));
  box.appendChild(el('div', { class: 'why', title: t('cl.whyRule') },
    el('b', { text: t('cl.why') + ': ' }),
    el('ul', null, d.why[canon].map((r) => el('li', { text: r })), facts.map((f) => el('li', { class: 'fact', text: f }))),
    el('div', { class: 'muted small', text: t('cl.whyRule') })));

  // Members with their figures against the canonical; the chosen one is diffed below.
  const shown = all.length > 300 ? all.slice(0, 300).concat(member != null && all.indexOf(member) >= 300 ? [member] : []) : all;
  const rows = shown.map((i) => {
    const m = d.m[i];
    const isCanon = i === canon;
    return el('tr', { class: 'clickable' + (i === member ? ' selected' : '') + (isCanon ? ' canon' : ''),
      events: { click: () => { if (!isCanon) selectCluster(c, i); } } },
      el('td', null, isCanon ? el('b', { text: t('cl.canonical') }) : badge(d.dec[i])),
      el('td', null, docLink(i)),
      el('td', { text: D.sites[d.site[i]] || '' }),
      el('td', { text: d.pub[i] }),
      el('td', { class: 'num', text: num(keptChars(i)) }),
      el('td', { text: m ? t('kind.' + MKIND[m[0]]) : '' }),
      el('td', { class: 'num', text: m ? num(m[1]) : '' }),
      el('td', { class: 'num', text: m ? fig(m[2]) : '' }),
      el('td', { class: 'num', text: m ? fig(m[3]) : '' }),
      el('td', { class: 'vmark', data: { doc: i }, text: verdictMark(i) }));
  });
  box.appendChild(el('div', { class: 'scrollx' }, el('table', { class: 'grid members' },
    el('thead', null, el('tr', null, [t('col.decision'), t('col.id'), t('col.site'), t('col.published'), t('col.keptChars'),
      t('col.kind'), t('col.hamming'), t('col.jaccard'), t('col.containment'), ''].map((h) => el('th', { text: h })))),
    el('tbody', null, rows))));
  if (shown.length < all.length) box.appendChild(el('p', { class: 'muted small', text: t('cl.moreMembers', num(all.length - shown.length)) }));

  if (member == null) return;
  const m = d.m[member];
  box.appendChild(el('div', { class: 'pairhead' },
    el('div', null, el('b', { text: t('cl.canonical') + ': ' }), docLink(canon), ' ', el('span', { class: 'ttl', text: d.title[canon] })),
    el('div', null, el('b', { text: t('cl.member') + ': ' }), docLink(member), ' ', el('span', { class: 'ttl', text: d.title[member] }))));
  if (m) box.appendChild(el('p', { class: 'figures' }, t('cl.figures', t('kind.' + MKIND[m[0]]), num(m[1]), fig(m[2]), fig(m[3]))));
  box.appendChild(el('ul', { class: 'reasons' }, d.why[member].map((r) => el('li', { text: r }))));
  box.appendChild(verdictBox(member, ''));
  const diff = diffTable(kept.get(canon), kept.get(member));
  const st = diff.stats;
  box.appendChild(el('p', { class: 'muted small', id: 'diff-stats', text: t('diff.stats', num(st.same), num(st.changed), num(st.removed), num(st.added)) }));
  box.appendChild(el('div', { class: 'difflegend' }, el('mark', { class: 'del', text: t('diff.onlyCanonical') }), ' ', el('mark', { class: 'ins', text: t('diff.onlyMember') })));
  box.appendChild(el('div', { class: 'scrollx' }, diff.table));
}
"""#
}
