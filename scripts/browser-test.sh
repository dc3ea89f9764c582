#!/usr/bin/env bash
# Opens report.html in headless Chromium and checks it from the DOM.
#
#   scripts/browser-test.sh              # the hostile fixture, en and zh (CI runs this)
#   scripts/browser-test.sh --big 50000  # also time a synthetic 50,000-document report
#
# The fixture's articles carry <script>, <img onerror>, </script>, javascript: URLs and U+2028
# in text and titles, plus near-duplicates. The page runs its own self-test when opened with
# #selftest (deep links, j/k, /, ?, a diff with highlights, verdict JSONL, no active content,
# no alert, an inline handler refused by the CSP) and writes the results into the DOM, which
# --dump-dom prints. Chromium's console log must hold nothing (no "Uncaught", no CSP "Refused")
# but the self-test's own probe. Artefacts (DOM dumps, logs, screenshots) go to $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
OUT="${BROWSER_TEST_OUT:-$PWD/.build-browser-test}"
BIG=0
if [[ "${1:-}" == "--big" ]]; then BIG="${2:-50000}"; fi

# Chromium, and a small Chinese font so the screenshots show the text (not empty boxes).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
if ((${#need[@]})); then
  echo "browser-test: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# CI builds in .build (swift test just did); BROWSER_TEST_SCRATCH picks another build folder.
scratch=()
if [[ -n "${BROWSER_TEST_SCRATCH:-}" ]]; then scratch=(--scratch-path "$BROWSER_TEST_SCRATCH"); fi
swift build "${scratch[@]}" --product winnow >/dev/null
BIN="$(swift build "${scratch[@]}" --show-bin-path)/winnow"
rm -rf "$OUT"
mkdir -p "$OUT"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check \
    --disable-extensions --disable-background-networking --user-data-dir="$OUT/profile" --enable-logging=stderr --v=0 "$@"
}

passed=0
failed=0
# selftest NAME REPORT: open REPORT#selftest, check the self-test's verdict and the console log.
selftest() {
  local name="$1" report="$2"
  chrome --virtual-time-budget=20000 --dump-dom "file://$report#selftest" >"$OUT/$name.dom.html" 2>"$OUT/$name.chromium.log" || true
  python3 - "$OUT/$name.dom.html" "$OUT/$name.chromium.log" "$name" "$OUT/$name.counts" <<'PY' || true
import html, json, re, sys
dom_path, log_path, name, counts_path = sys.argv[1:5]
dom = open(dom_path, encoding="utf-8", errors="replace").read()
log = open(log_path, encoding="utf-8", errors="replace").read()
counts = [0, 0]
def record(good, line):
    counts[0 if good else 1] += 1
    print(("ok   " if good else "FAIL ") + name + ": " + line)
def finish():
    open(counts_path, "w").write(f"{counts[0]} {counts[1]}\n")
    sys.exit(1 if counts[1] else 0)
m = re.search(r'<pre id="selftest-result"[^>]*>(.*?)</pre>', dom, re.S)
if not m:
    record(False, f"no self-test result in the DOM ({len(dom)} bytes dumped)")
    finish()
result = json.loads(html.unescape(m.group(1)))
for c in result["checks"]:
    record(c["ok"], c["name"] + ("" if c["ok"] else " -- " + c["detail"]))
record('data-selftest="pass"' in dom, "<html data-selftest=pass>")
# The page logs nothing: any console line but the probe's one refused inline handler is a failure
# (Chromium words it "Refused to execute inline event handler…" or "Executing inline event
# handler violates…", depending on the version).
console = [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l or "Refused" in l or "Content Security Policy" in l]
probe = [l for l in console if "inline event handler" in l]
bad = [l for l in console if l not in probe[:1]]
record(len(probe) == 1, f"the CSP refused the self-test's inline handler ({len(probe)} message)")
record(not bad, "console clean" + "".join("\n     " + l.strip()[:300] for l in bad))
print(f"     {name}: first render {result.get('firstRender')} ms after navigation start")
finish()
PY
  local p=0 f=1
  if [[ -s "$OUT/$name.counts" ]]; then read -r p f <"$OUT/$name.counts" || true; fi
  passed=$((passed + p)); failed=$((failed + f))
}

# screenshot NAME REPORT[#HASH]: a PNG of the page as an editor first sees it.
screenshot() {
  local name="$1" url="$2"
  chrome --window-size=1400,1000 --hide-scrollbars --virtual-time-budget=5000 --screenshot="$OUT/$name.png" "file://$url" \
    >/dev/null 2>"$OUT/$name.screenshot.log" || true
  if [[ -s "$OUT/$name.png" ]] && [[ "$(stat -c %s "$OUT/$name.png")" -gt 10000 ]]; then
    echo "ok   screenshot: $OUT/$name.png"; passed=$((passed + 1))
  else
    echo "FAIL screenshot: $OUT/$name.png missing or blank"; failed=$((failed + 1))
  fi
}

fixture=scripts/fixtures/hostile-crawl.jsonl
"$BIN" scan "$fixture" --out "$OUT/en" -q --report-lang en
"$BIN" scan "$fixture" --out "$OUT/zh" -q --report-lang zh
selftest en "$OUT/en/report.html"
selftest zh "$OUT/zh/report.html"
screenshot overview "$OUT/en/report.html"
screenshot cluster "$OUT/en/report.html#cluster=0"

if ((BIG > 0)); then
  # Synthetic documents (no corpus text): clusters of near-duplicates with furniture lines.
  python3 - "$BIG" >"$OUT/big.jsonl" <<'PY'
import json, random, sys
n = int(sys.argv[1]); rng = random.Random(7)
words = [chr(0x4E00 + rng.randrange(3000)) for _ in range(4000)]
def sentence(): return "".join(rng.choice(words) for _ in range(rng.randrange(12, 30))) + "。"
sites = [f"site{k}.example.cn" for k in range(60)]
i = 0
while i < n:
    base = [sentence() + sentence() for _ in range(rng.randrange(5, 12))]
    title = "".join(rng.choice(words) for _ in range(14))
    for copy in range(min(n - i, rng.choice([1, 1, 1, 2, 3, 5]))):
        body = list(base)
        if copy:
            j = rng.randrange(len(body)); body[j] = body[j][:5] + rng.choice(words) + body[j][6:]
        site = rng.choice(sites)
        lines = [f"首页 > 新闻 > {site}", title] + body + ["版权所有 © 2025 保留所有权利", "相关阅读"]
        print(json.dumps({"id": f"doc-{i}", "url": f"https://{site}/a/{i}.html", "title": title,
                          "published_at": f"2025-05-{1 + copy:02d} 08:00:00", "text": "\n".join(lines)}, ensure_ascii=False))
        i += 1
PY
  "$BIN" scan "$OUT/big.jsonl" --out "$OUT/big" -q
  size=$(stat -c %s "$OUT/big/report.html")
  start=$(date +%s.%N)
  chrome --dump-dom "file://$OUT/big/report.html" 2>/dev/null | grep -o 'data-painted="[0-9]*"\|data-first-render="[0-9]*"' | tr '\n' ' ' || true
  end=$(date +%s.%N)
  echo
  echo "big: $BIG documents, report.html $((size / 1048576)) MiB, chromium start to DOM dump $(python3 -c "print(round($end - $start, 2))") s"
fi

echo "browser-test: $passed passed, $failed failed"
((failed == 0))
