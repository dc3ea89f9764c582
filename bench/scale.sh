#!/usr/bin/env bash
# Scale benchmark for nightly runs (issue "a night's crawl on one machine"): whole process,
# release build, median of N runs, `/usr/bin/time -v` for peak RSS, on inputs of growing size:
#
#   dev      the eval dev set (make_corpus.py seed 11, 1,500 clusters, ~9.4 MB of text)
#   100 MB   bench/make-big-crawl.sh 100 (make_corpus.py seeds 100, 101, … with fresh ids)
#   250 MB   bench/make-big-crawl.sh 250
#   1 GB     bench/make-big-crawl.sh 1000   (only with SIZES including 1000: ~20 minutes to generate)
#
# usage: bench/scale.sh [WINNOW_BINARY]     env: RUNS (default 5; 1 for inputs over 200 MB),
#        SIZES (default "dev 100 250"), BIG_DIR (default /tmp), WINNOW_ARGS (default --no-html-report)
# Prints, per input: MB of input file, median seconds, MB/s, median peak RSS (MB), decisions per kind.
# Needs the shared evaluation kit beside the repository (../shared) to generate the inputs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ -n ${1:-} ]]; then bin=$1; else swift build -c release --product winnow >&2; bin=$(swift build -c release --show-bin-path)/winnow; fi
sizes=${SIZES:-dev 100 250}
big=${BIG_DIR:-/tmp}
args=${WINNOW_ARGS:---no-html-report}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%-8s %9s %9s %8s %9s  %s\n" input "file MB" "median s" "MB/s" "RSS MB" "decisions"
for size in $sizes; do
  if [[ $size == dev ]]; then
    input=/tmp/winnow-eval/dev-s11-c1500/crawl.jsonl
    [[ -s $input ]] || RUNS=1 scripts/bench-scan.sh >/dev/null 2>&1
  else
    input=$big/big$size.jsonl
    bash bench/make-big-crawl.sh "$size" "$input" >&2
  fi
  mb=$(echo "scale=1; $(stat -c %s "$input") / 1000000" | bc)
  runs=${RUNS:-5}
  [[ $size != dev && $size -gt 200 && -z ${RUNS:-} ]] && runs=1
  : > "$out/t"; : > "$out/r"
  for _ in $(seq "$runs"); do
    rm -rf "$out/o"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$out/time" "$bin" scan "$input" --out "$out/o" -q $args || [[ $? == 1 || $? == 2 ]]
    read -r secs kb < "$out/time"
    echo "$secs" >> "$out/t"; echo $((kb / 1024)) >> "$out/r"
  done
  s=$(median < "$out/t"); r=$(median < "$out/r")
  kinds=$(python3 -c "
import json, collections, sys
c = collections.Counter(json.loads(l)['decision'] for l in open(sys.argv[1]))
print(' '.join('%s %d' % kv for kv in sorted(c.items())))" "$out/o/decisions.jsonl")
  printf "%-8s %9s %9s %8s %9s  %s\n" "$size" "$mb" "$s" "$(echo "scale=1; $mb / $s" | bc)" "$r" "$kinds"
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
