#!/usr/bin/env bash
# Whole-process scan throughput: release build, N runs (default 5), median wall time and MB/s.
#
#   scripts/bench-scan.sh                       # the eval dev set (seed 11, 1500 clusters), built if missing
#   scripts/bench-scan.sh path/to/crawl.jsonl   # any JSONL input
#   RUNS=9 WINNOW_ARGS="--no-rules" scripts/bench-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
input=${1:-}
if [[ -z $input ]]; then
  set_dir=${TMPDIR:-/tmp}/winnow-eval/dev-s11-c1500
  if [[ ! -s $set_dir/crawl.jsonl ]]; then
    python3 -c 'import opencc' 2>/dev/null || pip install -q opencc >/dev/null 2>&1
    python3 ../shared/eval/make_corpus.py --bases ../shared/corpus/zh_base.jsonl --bases ../shared/corpus/en_base.jsonl \
      --clusters 1500 --seed 11 --out "$set_dir" >&2
  fi
  input=$set_dir/crawl.jsonl
fi
swift build -c release --product winnow >&2
bin=$(swift build -c release --show-bin-path)/winnow
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8') if l.strip())/1e6)" "$input")
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$bin" scan "$input" --out "$out" -q ${WINNOW_ARGS:-}
  t1=$(date +%s.%N)
  times+=("$(python3 -c "print($t1 - $t0)")")
done
python3 - "$mb" "$(nproc)" "${times[@]}" <<'PY'
import statistics, sys
mb, cores, times = float(sys.argv[1]), sys.argv[2], sorted(float(t) for t in sys.argv[3:])
med = statistics.median(times)
print(f"scan {mb:.1f} MB on {cores} cores: median {med:.3f} s = {mb / med:.1f} MB/s  (runs: {', '.join(f'{t:.3f}' for t in times)})")
PY
