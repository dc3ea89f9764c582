#!/usr/bin/env bash
# A fresh pair of templated-report sets to read while tuning, so that the held-out pairs of
# run-sets.sh stay unread: reports of seed R on make_corpus's built-in sites (crawl seed C) and
# on the long-tail sites (crawl seed C+1), built as run-sets.sh builds tpl-dev / tpl-lt, then
# scanned with a winnow binary. Examples of each failure: OUT/out-*/issue12-details.txt.
#
#   eval/working-pair.sh REPORT_SEED CRAWL_SEED OUT [WINNOW_BINARY]
#   eval/working-pair.sh 31 801 /tmp/w6            # the seed-31 pair of the 2026-12-07 session
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: eval/working-pair.sh REPORT_SEED CRAWL_SEED OUT [WINNOW_BINARY]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
reports=$1 crawl=$2 out=$3
bin=${4:-$root/.build/release/winnow}
[[ $bin = /* ]] || bin=$PWD/$bin
[[ -x $bin ]] || { echo "working-pair.sh: no winnow binary at $bin" >&2; exit 2; }
evaldir=$(cd "${EVAL_DIR:-$root/../shared/eval}" && pwd)
mc=(python3 "$evaldir/make_corpus.py")
mkdir -p "$out"
specs=()
for kind in dev lt; do
  dir=$out/tpl-$kind-r$reports
  if [[ ! -s $dir/truth.json ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    python3 "$here/templated_reports.py" --count 320 --seed "$reports" --out "$dir/bases.jsonl" >&2
    if [[ $kind = lt ]]; then
      seed=$((crawl + 1))
      "${mc[@]}" --bases "$dir/bases.jsonl" --sites "$here/sites-longtail.json" --clusters 385 --seed "$seed" --out "$dir" >&2
      python3 "$here/issue12.py" variants --set "$dir" --sites "$here/sites-longtail.json" --seed "$seed" >&2
      python3 "$here/issue12.py" figures --set "$dir" --sites "$here/sites-longtail.json" >&2
    else
      "${mc[@]}" --bases "$dir/bases.jsonl" --clusters 385 --seed "$crawl" --out "$dir" >&2
      python3 "$here/issue12.py" figures --set "$dir" >&2
    fi
  fi
  scan=$out/out-tpl-$kind-r$reports
  rm -rf "$scan"
  ( cd "$root" && "$bin" scan "$dir/crawl.jsonl" --out "$scan" -q )
  specs+=("tpl-$kind-r$reports=$dir:$scan")
done
python3 "$here/issue12.py" table --eval "$evaldir" "${specs[@]}"
