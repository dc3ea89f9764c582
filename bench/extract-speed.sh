#!/usr/bin/env bash
# Whole-process extraction speed: `winnow scan` over a folder of HTML pages beside trafilatura
# (the best open-source extractor on the article-extraction benchmark) on the same pages, in the
# same run, median of N rounds taken in turn. Also scores both with score_extract.py when the
# benchmark's truth is there.
#
# usage: bench/extract-speed.sh [PAGES_DIR] [ROUNDS]
#   PAGES_DIR  *.html / *.html.gz pages (default /work/shared/corpus/html_pages/html)
#   ROUNDS     rounds per tool (default 5)
# trafilatura comes from PyPI into a private virtualenv (/tmp/winnow-bench-venv) the first time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
pages="${1:-/work/shared/corpus/html_pages/html}"
rounds="${2:-5}"
score="$root/../shared/eval/score_extract.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

venv=/tmp/winnow-bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi

(cd "$root" && swift build -c release --product winnow >/dev/null)
winnow="$root/.build/release/winnow"

# The same bytes for both tools: plain .html files in one folder.
mkdir -p "$work/pages"
python3 - "$pages" "$work/pages" <<'PY'
import glob, gzip, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(os.path.join(src, "*.html")) + glob.glob(os.path.join(src, "*.html.gz"))):
    name = os.path.basename(path)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as f, open(os.path.join(dst, name.removesuffix(".gz")), "wb") as out:
        shutil.copyfileobj(f, out)
PY
bytes=$(cat "$work"/pages/*.html | wc -c)
count=$(ls "$work"/pages/*.html | wc -l)

cat > "$work/trafilatura_run.py" <<'PY'
import glob, json, os, sys
import trafilatura
src, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for path in sorted(glob.glob(os.path.join(src, "*.html"))):
        with open(path, "rb") as page:
            html = page.read()
        text = trafilatura.extract(html) or ""
        f.write(json.dumps({"id": os.path.basename(path), "text": text}, ensure_ascii=False) + "\n")
PY

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$work/w.txt"; : > "$work/t.txt"
for _ in $(seq "$rounds"); do
  rm -rf "$work/out"
  seconds "$winnow" scan "$work/pages" --out "$work/out" --no-html-report -q >> "$work/w.txt"
  seconds "$venv/bin/python" "$work/trafilatura_run.py" "$work/pages" "$work/traf.jsonl" >> "$work/t.txt"
done
w=$(median < "$work/w.txt"); t=$(median < "$work/t.txt")
mb=$(echo "scale=2; $bytes / 1000000" | bc)
printf "%d pages, %s MB of HTML, %s rounds each, %s cores\n" "$count" "$mb" "$rounds" "$(nproc)"
printf "%-14s %8s s  %8s MB/s\n" "winnow scan" "$w" "$(echo "scale=1; $mb / $w" | bc)"
printf "%-14s %8s s  %8s MB/s\n" "trafilatura" "$t" "$(echo "scale=1; $mb / $t" | bc)"
printf "speed-up       %sx\n" "$(echo "scale=1; $t / $w" | bc)"
if [ -f "$score" ]; then
  echo "quality (score_extract.py):"
  printf "  winnow       "; python3 "$score" "$work/out/clean.jsonl" | sed -n 2p | sed 's/^this run *//'
  printf "  trafilatura  "; python3 "$score" "$work/traf.jsonl" | sed -n 2p | sed 's/^this run *//'
fi
