#!/usr/bin/env bash
# A large generated crawl for scale benchmarks: make_corpus.py sets of several seeds,
# concatenated with fresh ids (each seed's ids prefixed with s<seed>-), until about MB megabytes.
#
# usage: bench/make-big-crawl.sh MB OUT.jsonl   (cached: an existing OUT of that size is kept)
set -euo pipefail
mb=${1:?megabytes}; out=${2:?output file}
eval_dir="$(cd "$(dirname "$0")/../.." && pwd)/shared/eval"
corpus="$eval_dir/../corpus"
work=/tmp/winnow-big-sets
mkdir -p "$work"
if [ -s "$out" ] && [ "$(( $(stat -c %s "$out") / 1000000 ))" -ge "$mb" ]; then echo "$out (cached)"; exit 0; fi
: > "$out.tmp"
seed=100
while [ "$(( $(stat -c %s "$out.tmp") / 1000000 ))" -lt "$mb" ]; do
  set_dir="$work/s$seed"
  [ -s "$set_dir/crawl.jsonl" ] || python3 "$eval_dir/make_corpus.py" --bases "$corpus/zh_base.jsonl" --bases "$corpus/en_base.jsonl" \
      --clusters 1500 --seed "$seed" --out "$set_dir" >/dev/null 2>&1
  python3 - "$set_dir/crawl.jsonl" "s$seed-" >> "$out.tmp" <<'PY'
import json, sys
path, prefix = sys.argv[1], sys.argv[2]
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    o["id"] = prefix + o["id"]
    sys.stdout.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
  seed=$((seed + 1))
done
mv "$out.tmp" "$out"
echo "$out: $(( $(stat -c %s "$out") / 1000000 )) MB from $((seed - 100)) seeds"
