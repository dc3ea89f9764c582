extension ReportPage {
    /// A line and word diff (Myers' O(ND) algorithm), for the kept bodies of a cluster's members.
    static let scriptDiff = #"""
// Edit script between arrays a and b: [op, i, j] with op 0 (same), -1 (only in a), 1 (only in b).
// Common ends are trimmed first; past maxD edits the middle is reported as replaced whole.
function diffSeq(a, b, maxD) {
  const n = a.length, m = b.length;
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;
  const A = a.slice(pre, n - suf), B = b.slice(pre, m - suf);
  const ops = [];
  for (let i = 0; i < pre; i++) ops.push([0, i, i]);
  const mid = myers(A, B, maxD);
  if (mid) { for (const o of mid) ops.push([o[0], o[1] < 0 ? -1 : o[1] + pre, o[2] < 0 ? -1 : o[2] + pre]); }
  else {
    for (let i = 0; i < A.length; i++) ops.push([-1, i + pre, -1]);
    for (let j = 0; j < B.length; j++) ops.push([1, -1, j + pre]);
  }
  for (let k = 0; k < suf; k++) ops.push([0, n - suf + k, m - suf + k]);
  return ops;
}
function myers(a, b, maxD) {
  const n = a.length, m = b.length;
  if (!n || !m) return a.map((_, i) => [-1, i, -1]).concat(b.map((_, j) => [1, -1, j]));
  const off = n + m + 1, v = new Int32Array(2 * off + 2), trace = [];
  let done = false;
  const limit = Math.min(n + m, maxD);
  for (let d = 0; d <= limit && !done; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = (k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) { done = true; break; }
    }
  }
  if (!done) return null;
  const ops = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const tv = trace[d], V = (k) => tv[k + d + 1];
    const k = x - y;
    const prevK = (k === -d || (k !== d && V(k - 1) < V(k + 1))) ? k + 1 : k - 1;
    const prevX = V(prevK), prevY = prevX - prevK;
    while (x > prevX && y > prevY) { ops.push([0, x - 1, y - 1]); x--; y--; }
    if (d > 0) { if (x === prevX) ops.push([1, -1, y - 1]); else ops.push([-1, x - 1, -1]); }
    x = prevX; y = prevY;
  }
  return ops.reverse();
}
// Words for the diff: one Han/kana character each, runs of other letters and digits, spaces, marks.
const TOKEN_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{P}\p{S}]+|\s+|[\s\S]/gu;
function tokens(s) { return s.match(TOKEN_RE) || []; }

// Two lines as spans, changed words marked: [left nodes, right nodes, share of text unchanged].
function wordDiff(l, r) {
  const a = tokens(l), b = tokens(r);
  const ops = diffSeq(a, b, 400);
  const left = [], right = [];
  let same = 0;
  const push = (list, cls, s) => {
    const last = list[list.length - 1];
    if (last && last.cls === cls) last.s += s; else list.push({ cls: cls, s: s });
  };
  for (const o of ops) {
    if (o[0] === 0) { push(left, '', a[o[1]]); push(right, '', b[o[2]]); same += a[o[1]].length; }
    else if (o[0] < 0) push(left, 'del', a[o[1]]);
    else push(right, 'ins', b[o[2]]);
  }
  const toNodes = (list) => list.map((p) => p.cls ? el('mark', { class: p.cls, text: p.s }) : document.createTextNode(p.s));
  return [toNodes(left), toNodes(right), same / Math.max(1, l.length, r.length)];
}

// Character-bigram Dice similarity of two lines, 0…1 (works for Chinese as well as English).
function similarity(a, b) {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map();
  for (let i = 0; i + 1 < a.length; i++) { const g = a.substr(i, 2); grams.set(g, (grams.get(g) || 0) + 1); }
  let common = 0;
  for (let i = 0; i + 1 < b.length; i++) { const g = b.substr(i, 2), c = grams.get(g); if (c) { common++; grams.set(g, c - 1); } }
  return 2 * common / (a.length + b.length - 2);
}
// Which removed line became which added line in a changed block: the in-order pairing with the
// most similarity (lines less than a third alike stay unpaired, shown removed and added).
function pairLines(a, b) {
  const n = a.length, m = b.length;
  if (!n || !m) return [];
  if (n * m > 40000) return [...Array(Math.min(n, m)).keys()].map((k) => [k, k]);
  const sim = a.map((x) => b.map((y) => similarity(x, y)));
  const best = [...Array(n + 1)].map(() => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    const s = sim[i - 1][j - 1];
    best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], s >= 0.33 ? best[i - 1][j - 1] + s : 0);
  }
  const pairs = [];
  let i = n, j = m;
  while (i > 0 && j > 0) {
    const s = sim[i - 1][j - 1];
    if (s >= 0.33 && best[i][j] === best[i - 1][j - 1] + s) { pairs.push([i - 1, j - 1]); i--; j--; }
    else if (best[i][j] === best[i - 1][j]) i--;
    else j--;
  }
  return pairs.reverse();
}

// Side-by-side rows for two kept bodies ([line number, text] each): aligned by a line diff,
// changed line pairs diffed word by word, long unchanged runs folded.
function diffTable(aLines, bLines) {
  const ops = diffSeq(aLines.map((l) => l[1]), bLines.map((l) => l[1]), 3000);
  const rows = [];
  const stats = { same: 0, changed: 0, removed: 0, added: 0 };
  const row = (cls, la, ta, lb, tb) => el('tr', { class: cls },
    el('td', { class: 'ln', text: la == null ? '' : la }), el('td', { class: 'tx' + (cls === 'del' || cls === 'chg' ? ' l' : '') }, ta),
    el('td', { class: 'ln', text: lb == null ? '' : lb }), el('td', { class: 'tx' + (cls === 'ins' || cls === 'chg' ? ' r' : '') }, tb));
  let i = 0;
  while (i < ops.length) {
    if (ops[i][0] === 0) {
      let j = i;
      while (j < ops.length && ops[j][0] === 0) j++;
      const run = ops.slice(i, j);
      stats.same += run.length;
      const eq = (o) => row('eq', aLines[o[1]][0], aLines[o[1]][1], bLines[o[2]][0], bLines[o[2]][1]);
      if (run.length > 8) {
        run.slice(0, 3).forEach((o) => rows.push(eq(o)));
        const hidden = run.slice(3, run.length - 3);
        const fold = el('tr', { class: 'fold' }, el('td', { colspan: 4 },
          el('button', { type: 'button', class: 'linkish', text: t('diff.fold', num(hidden.length)) })));
        fold.addEventListener('click', () => { const frag = document.createDocumentFragment(); hidden.forEach((o) => frag.appendChild(eq(o))); fold.replaceWith(frag); });
        rows.push(fold);
        run.slice(run.length - 3).forEach((o) => rows.push(eq(o)));
      } else run.forEach((o) => rows.push(eq(o)));
      i = j;
      continue;
    }
    const del = [], ins = [];
    while (i < ops.length && ops[i][0] !== 0) { if (ops[i][0] < 0) del.push(ops[i][1]); else ins.push(ops[i][2]); i++; }
    const emitDel = (k) => { rows.push(row('del', aLines[k][0], el('mark', { class: 'del', text: aLines[k][1] }), null, '')); stats.removed++; };
    const emitIns = (k) => { rows.push(row('ins', null, '', bLines[k][0], el('mark', { class: 'ins', text: bLines[k][1] }))); stats.added++; };
    let di = 0, ii = 0;
    for (const [p, q] of pairLines(del.map((k) => aLines[k][1]), ins.map((k) => bLines[k][1]))) {
      while (di < p) emitDel(del[di++]);
      while (ii < q) emitIns(ins[ii++]);
      const [l, r] = wordDiff(aLines[del[p]][1], bLines[ins[q]][1]);
      rows.push(row('chg', aLines[del[p]][0], l, bLines[ins[q]][0], r));
      stats.changed++;
      di = p + 1; ii = q + 1;
    }
    while (di < del.length) emitDel(del[di++]);
    while (ii < ins.length) emitIns(ins[ii++]);
  }
  return { table: el('table', { class: 'diff', id: 'diff' }, el('tbody', null, rows)), stats: stats };
}
"""#
}
