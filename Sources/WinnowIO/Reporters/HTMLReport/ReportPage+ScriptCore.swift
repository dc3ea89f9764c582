extension ReportPage {
    /// The page's foundation: guards against data running script, data access, DOM helpers that
    /// only ever set text (never markup), formatting for the interface language, routing by hash.
    static let scriptCore = #"""
'use strict';
// Nothing from the data may ever run script: record any dialog it would open (the self-test
// checks this list stays empty) and any uncaught error.
window.__alerts = [];
window.__errors = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = function (m) { window.__alerts.push(name + ':' + String(m)); return null; };
}
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });

let D = null;        // the data block (everything but the texts)
const CHUNKS = [];   // parsed blocks of texts (see textOf)
const DEC = ['keep', 'merge', 'remove', 'review'];
const MKIND = ['exact', 'near-duplicate', 'partial', 'excerpt'];
const SEV = ['info', 'warning', 'error'];
const ACT = ['flag', 'strip', 'review', 'remove'];
const CATS = ['boilerplate', 'disclaimer', 'truncated', 'moderation', 'quality', 'custom'];
const FW = 7;        // ints per finding: rule, severity, action, first line, last line, message, outside region
const S = { tab: 'overview', doc: -1, cluster: -1, member: -1, filtered: null, persist: true,
            filters: { dec: '', cat: '', site: '', rule: '', verdict: '', q: '' } };
let NF = null, NF3 = null, PCT = null, DTF = null;
const TABS = ['overview', 'clusters', 'documents', 'verdicts'];
const VIEWS = {};   // tab name -> { build(root), show() }, filled in by each view's part of the script

function t(key) {
  let s = (D && D.t && Object.prototype.hasOwnProperty.call(D.t, key)) ? D.t[key] : key;
  for (let i = 1; i < arguments.length; i++) s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
  return s;
}
function num(n) { return NF ? NF.format(n) : String(n); }
function fig(x) { return NF3 ? NF3.format(x) : String(x); }
function pct(x) { return PCT ? PCT.format(x) : String(Math.round(x * 100)) + '%'; }
function secs(x) { return t('fmt.seconds', NF3 ? NF3.format(x) : String(x)); }
function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + '…' : s; }

// Elements are built with text nodes and attributes only; data is never parsed as markup.
function el(tag, attrs) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (let i = 2; i < arguments.length; i++) add(e, arguments[i]);
  return e;
}
function setAttrs(e, attrs) {
  if (!attrs) return;
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (/^on/i.test(k) || k === 'style' || k === 'srcdoc') throw new Error('refused attribute ' + k);
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'text') e.textContent = String(v);
    else if (k === 'events') { for (const ev of Object.keys(v)) e.addEventListener(ev, v[ev]); }
    else if (k === 'data') { for (const dk of Object.keys(v)) e.dataset[dk] = String(v[dk]); }
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}
function add(e, kid) {
  if (kid == null || kid === false) return;
  if (Array.isArray(kid)) { for (const k of kid) add(e, k); return; }
  e.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
function $(id) { return document.getElementById(id); }

// Only http(s) addresses become links, and they never tell the site where they came from.
function safeUrl(u) {
  if (!u) return null;
  try {
    const x = new URL(String(u));
    return (x.protocol === 'http:' || x.protocol === 'https:') ? x.href : null;
  } catch (_) { return null; }
}
function extLink(u, label) {
  const h = safeUrl(u);
  if (!h) return el('span', { class: 'url unsafe', text: u, title: t('url.notLinked') });
  return el('a', { href: h, target: '_blank', rel: 'noopener noreferrer', class: 'url', text: label || u });
}
function docLink(i, label) {
  return el('a', { href: '#doc=' + encodeURIComponent(D.docs.id[i]), class: 'doclink', text: label || D.docs.id[i] });
}
function badge(dec) { return el('span', { class: 'badge d-' + DEC[dec], text: t('dec.' + DEC[dec]) }); }

// The texts sit after the script, in blocks the browser may still be reading while the overview
// is drawn: anything that shows text waits for the whole page (whenReady), then parses only the
// block it needs. Exact copies share one text (docs.tx numbers the distinct texts).
function ready() { return document.readyState !== 'loading'; }
function whenReady(fn) {
  if (ready()) { fn(); return; }
  document.addEventListener('DOMContentLoaded', () => fn(), { once: true });
}
function guarded(fn) { return function () { const args = arguments; whenReady(() => fn.apply(null, args)); }; }
function textOf(i) {
  if (!ready()) return '';
  const u = D.docs.tx[i], starts = D.tstarts;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= u) lo = mid; else hi = mid - 1; }
  let chunk = CHUNKS[lo];
  if (!chunk) {
    const s = $('texts-' + lo);
    try { chunk = s ? JSON.parse(s.textContent) : []; } catch (e) { chunk = []; window.__errors.push('texts-' + lo + ': ' + e); }
    if (s) s.textContent = '';   // the parsed copy is all the page needs
    CHUNKS[lo] = chunk;
  }
  const x = chunk[u - starts[lo]];
  return typeof x === 'string' ? x : '';
}
function linesOf(i) { return textOf(i).split('\n'); }
function strippedSet(i) {
  const s = D.docs.s[i], out = new Set();
  for (let k = 0; k + 1 < s.length; k += 2) for (let n = s[k]; n <= s[k + 1]; n++) out.add(n);
  return out;
}
// The kept body: the original lines minus stripped lines, blank lines at both ends trimmed
// (as clean.jsonl has it). Each entry is [original line number, text].
function keptLines(i) {
  const lines = linesOf(i), drop = strippedSet(i), kept = [];
  for (let j = 0; j < lines.length; j++) if (!drop.has(j + 1)) kept.push([j + 1, lines[j]]);
  const blank = (l) => /^[ \t\r]*$/.test(l[1]);
  let lo = 0, hi = kept.length;
  while (lo < hi && blank(kept[lo])) lo++;
  while (hi > lo && blank(kept[hi - 1])) hi--;
  return kept.slice(lo, hi);
}
function catOfRule(r) { const c = CATS.indexOf(D.rules[r] ? D.rules[r][1] : ''); return c < 0 ? CATS.length - 1 : c; }
function canonicalOf(i) {
  const c = D.docs.can[i];
  if (c >= 0) return { index: c, id: D.docs.id[c], run: '' };
  const x = D.canx.get(i);
  return x ? { index: -1, id: x.id, run: x.run } : { index: i, id: D.docs.id[i], run: '' };
}

// Per-document figures the filters and charts use, computed once.
function derive() {
  const d = D.docs, n = d.id.length;
  D.n = n;
  D.index = new Map();
  for (let i = 0; i < n; i++) if (!D.index.has(d.id[i])) D.index.set(d.id[i], i);
  D.ruleCat = D.rules.map((_, r) => catOfRule(r));
  D.catMask = new Uint8Array(n);
  D.stripCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = d.f[i];
    let m = 0;
    for (let k = 0; k < f.length; k += FW) m |= 1 << D.ruleCat[f[k]];
    D.catMask[i] = m;
    const s = d.s[i];
    let c = 0;
    for (let k = 0; k + 1 < s.length; k += 2) c += s[k + 1] - s[k] + 1;
    D.stripCount[i] = c;
  }
  D.canx = new Map(d.canx.map((e) => [e[0], { id: e[1], run: e[2] }]));
  D.clusterOf = new Int32Array(n).fill(-1);
  D.clusters.forEach((c, ci) => { D.clusterOf[c[0]] = ci; for (const m of c[1]) D.clusterOf[m] = ci; });
  D.clusterOrder = D.clusters.map((_, i) => i)
    .sort((a, b) => (D.clusters[b][1].length - D.clusters[a][1].length) || (a - b));
  D.clusterRank = new Int32Array(D.clusters.length);
  D.clusterOrder.forEach((c, r) => { D.clusterRank[c] = r; });
}

// Routing: #overview, #clusters, #cluster=N, #documents, #doc=ID, #verdicts (and #selftest).
function parseHash() {
  const out = {};
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    let v = i < 0 ? true : part.slice(i + 1);
    if (typeof v === 'string') { try { v = decodeURIComponent(v); } catch (_) { v = ''; } }
    out[i < 0 ? part : part.slice(0, i)] = v;
  }
  return out;
}
function setHash(h) {
  const want = '#' + h;
  if (location.hash === want) return;
  try { history.replaceState(null, '', want); } catch (_) { /* some file: setups refuse; the view still changes */ }
}
function route() {
  const h = parseHash();
  if (typeof h.doc === 'string') {
    const i = D.index.get(h.doc);
    if (i != null) { openDoc(i, true); return; }
    showTab('documents');
    toast(t('doc.notFound', h.doc));
    return;
  }
  if (typeof h.cluster === 'string') { showTab('clusters'); selectCluster(Number(h.cluster) || 0); return; }
  for (const name of TABS) if (h[name]) { showTab(name); return; }
  showTab(S.tab);
}

function toast(msg) {
  const e = $('toast');
  e.textContent = msg;
  e.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { e.hidden = true; }, 4000);
}
"""#
}
