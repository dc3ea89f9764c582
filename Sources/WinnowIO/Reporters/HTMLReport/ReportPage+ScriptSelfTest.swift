extension ReportPage {
    /// The in-page self-test, run only when the page is opened with `#selftest`
    /// (`scripts/browser-test.sh`): it uses the page as an editor would and writes the results into
    /// the DOM (`<html data-selftest="pass|fail">` and `<pre id="selftest-result">` holding JSON),
    /// where `chromium --headless --dump-dom` shows them. It never saves verdicts.
    static let scriptSelfTest = #"""
async function selfTest() {
  const R = { ok: true, checks: [], firstRender: Number(document.documentElement.dataset.firstRender) };
  const check = (name, cond, detail) => {
    R.checks.push({ name: name, ok: !!cond, detail: detail == null ? '' : String(detail).slice(0, 400) });
    if (!cond) R.ok = false;
  };
  const tick = (ms) => new Promise((r) => setTimeout(r, ms || 0));
  const press = (key) => (document.activeElement || document.body).dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true, cancelable: true }));
  const activeContent = () => {
    const bad = [];
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(e.tagName + '[' + a.name + ']');
      if (e.tagName === 'A' && e.hasAttribute('href') && !/^(https?:|#|blob:)/i.test(e.getAttribute('href'))) bad.push('a[href=' + e.getAttribute('href') + ']');
      if (e.tagName === 'A' && e.target === '_blank' && !/noopener/.test(e.rel)) bad.push('a without noopener');
      if (['IMG', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'FORM'].includes(e.tagName)) bad.push(e.tagName);
    }
    const scripts = [...document.scripts].filter((s) => s.type !== 'application/json');
    if (scripts.length !== 1) bad.push(scripts.length + ' executable scripts');
    return bad;
  };
  try {
    showTab('overview');
    const count = (k) => { const e = document.querySelector('[data-count="' + k + '"]'); return e ? Number(e.dataset.value) : NaN; };
    check('overview-total', count('total') === D.n, count('total') + ' of ' + D.n);
    check('overview-decisions-add-up', DEC.reduce((s, k) => s + count(k), 0) === D.n);
    check('overview-charts', document.querySelectorAll('#view-overview svg.chart').length >= 3);

    check('clusters-exist', D.clusters.length > 0, D.clusters.length);
    let marks = 0;
    for (const c of D.clusterOrder.slice(0, 30)) {
      for (const m of D.clusters[c][1]) {
        selectCluster(c, m);
        marks = document.querySelectorAll('#diff mark.ins, #diff mark.del').length;
        if (marks) break;
      }
      if (marks) break;
    }
    check('cluster-diff-highlighted', marks > 0, marks + ' marks');
    check('cluster-why-shown', !!document.querySelector('#cluster-detail .why li'));
    const c0 = S.cluster;
    press('j');
    check('cluster-key-j', D.clusters.length < 2 || S.cluster !== c0, S.cluster);

    location.hash = '#doc=' + encodeURIComponent(D.docs.id[0]);
    await tick(30);
    check('deep-link', S.tab === 'documents' && S.doc === 0 && !!$('doc-id') && $('doc-id').textContent === D.docs.id[0], location.hash);
    press('j');
    const second = S.filtered.length > 1 ? S.filtered[1] : S.filtered[0];
    check('key-j-next-document', S.doc === second && $('doc-id').textContent === D.docs.id[second], S.doc);
    check('hash-follows-selection', parseHash().doc === D.docs.id[second], location.hash);
    press('j'); press('k');
    check('key-k-previous-document', S.doc === second, S.doc);
    press('k');
    check('key-k-first-document', S.doc === S.filtered[0], S.doc);
    press('?');
    check('key-help-opens', !$('help').hidden);
    press('Escape');
    check('key-escape-closes-help', $('help').hidden);
    press('/');
    check('key-slash-focuses-search', document.activeElement === $('search'));
    press('Escape');

    let shown = 0;
    const wrong = [];
    for (let i = 0; i < D.n && shown < 60; i++) {
      const title = D.docs.title[i], text = textOf(i);
      if (!/[<>&\u2028\u2029]|javascript:/i.test(title + text + D.docs.url[i])) continue;
      openDoc(i, false);
      shown++;
      if ($('doc-title').textContent !== (title || D.docs.id[i])) wrong.push(D.docs.id[i] + ': title');
      const lines = [...document.querySelectorAll('#doc-text .line .tx')].map((e) => e.textContent).join('\n');
      if (text.split('\n').length <= 4000 && lines !== text) wrong.push(D.docs.id[i] + ': text');
    }
    check('hostile-text-shown-as-text', wrong.length === 0, shown + ' documents; ' + wrong.join(', '));

    const expect = (pred) => { let n = 0; for (let i = 0; i < D.n; i++) if (pred(i)) n++; return n; };
    for (let j = 0; j < DEC.length; j++) {
      S.filters.dec = String(j); await new Promise((r) => applyFilters(r));
      if (S.filtered.length !== expect((i) => D.docs.dec[i] === j)) check('filter-decision-' + DEC[j], false, S.filtered.length);
    }
    S.filters.dec = '';
    const q = 'script';
    S.filters.q = q; await new Promise((r) => applyFilters(r));
    const re = /script/i;
    check('search', S.filtered.length === expect((i) => re.test(D.docs.id[i]) || re.test(D.docs.title[i]) || re.test(textOf(i))), S.filtered.length);
    S.filters.q = ''; await new Promise((r) => applyFilters(r));

    const merged = [...Array(D.n).keys()].find((i) => i > 0 && canonicalOf(i).id !== D.docs.id[i]);
    const withFinding = [...Array(D.n).keys()].find((i) => D.docs.f[i].length > 0);
    setVerdict(0, '', 'accept', 'looks right');
    if (merged != null) setVerdict(merged, '', 'not-duplicate', 'different event');
    if (withFinding != null) setVerdict(withFinding, D.rules[D.docs.f[withFinding][0]][0], 'false-positive', '');
    const lines = verdictLines().trim().split('\n').map((l) => JSON.parse(l));
    const okShape = lines.every((o) => typeof o.id === 'string' && VERDICTS.includes(o.verdict) && typeof o.editor === 'string' && typeof o.note === 'string'
      && (o.verdict !== 'not-duplicate' || typeof o.canonical === 'string') && (o.verdict !== 'false-positive' || typeof o.rule === 'string'));
    check('verdicts-jsonl', okShape && lines.length === 1 + (merged != null ? 1 : 0) + (withFinding != null ? 1 : 0), verdictLines());
    showTab('verdicts');
    check('verdicts-listed', document.querySelectorAll('#view-verdicts tbody tr').length === lines.length);
    V.clear(); refreshVerdictUI();

    const bad = activeContent();
    check('no-active-content', bad.length === 0, bad.join(', '));
    check('no-alerts', window.__alerts.length === 0, window.__alerts.join(' | '));
    check('no-errors', window.__errors.length === 0, window.__errors.join(' | '));
    check('no-policy-violations', window.__violations.length === 0, window.__violations.join(' | '));
    // The policy is in force: an inline handler (as a crawled page would carry) must not run.
    // This probe is the run's only expected "Refused to execute inline event handler" message.
    const probe = document.createElement('button');
    probe.setAttribute(['on', 'click'].join(''), 'window.__cspProbe = 1');
    document.body.appendChild(probe);
    probe.click();
    probe.remove();
    await tick(20);
    check('policy-blocks-inline-handlers', !window.__cspProbe && window.__violations.length === 1, window.__violations.join(' | '));
  } catch (e) {
    check('exception', false, (e && e.stack) || e);
  }
  R.painted = Number(document.documentElement.dataset.painted || 0);
  document.body.appendChild(el('pre', { id: 'selftest-result', text: JSON.stringify(R) }));
  document.documentElement.dataset.selftest = R.ok ? 'pass' : 'fail';
}
"""#
}
