#!/usr/bin/env bash
# Languages Winnow was not tuned on: build labelled crawls from eval/multilingual/ (84 short
# news articles written for this set, 14 each in Japanese, Korean, German, French, Russian and
# Spanish, two of each language templated twins; 24 small sites, 4 per language, with their own
# navigation, bylines, counters, notices and cut marks), scan each with winnow, score with
# make_corpus's scorer.
#
#   eval/run-multilingual.sh [WINNOW_BINARY]     # default: .build/release/winnow of this checkout
#   SEEDS="1 2 3" WORK_DIR=/tmp/x EVAL_DIR=../shared/eval eval/run-multilingual.sh
#
# Every site has 2 to 10 pages, so these are long-tail sites: what Winnow knows of them comes
# from the few pages it sees. Needs python3 and OpenCC (make_corpus.py imports it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/.build/release/winnow}
[[ $bin = /* ]] || bin=$PWD/$bin
evaldir=$(cd "${EVAL_DIR:-$root/../shared/eval}" && pwd)
work=${WORK_DIR:-${TMPDIR:-/tmp}/winnow-multilingual}
mkdir -p "$work"
for seed in ${SEEDS:-1 2 3}; do
  set_dir=$work/set-$seed out=$work/out-$seed
  python3 "$evaldir/make_corpus.py" --bases "$here/multilingual/bases.jsonl" --sites "$here/multilingual/sites.json" \
    --clusters 84 --seed "$seed" --out "$set_dir" > /dev/null
  rm -rf "$out"
  (cd "$root" && "$bin" scan "$set_dir/crawl.jsonl" --out "$out" -q)
  echo "== seed $seed"
  python3 "$evaldir/score.py" --truth "$set_dir/truth.json" --decisions "$out/decisions.jsonl" | grep -E '^(pairs|recall|lost|lines)'
done
