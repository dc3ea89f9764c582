#!/usr/bin/env bash
# The Spark job against `winnow scan` on generated sets, in local mode (run by .ci/run).
#
#   integrations/spark/test.sh            # from anywhere; needs Java 17 and python3
#
# 1. installs pyspark into a venv under /tmp when missing;
# 2. builds winnow (release);
# 3. dev set (eval/make_labelled_crawl.py, 300 clusters; or the shared kit's make_corpus.py with
#    WINNOW_SPARK_SET=make_corpus): scan and the Spark job must give byte-identical decisions
#    (so pairs F1 equal, no cluster lost, lines F1 equal), with every component of more than 3
#    documents cut into pieces and star chunks (pieces.py: the cut must not change a decision);
# 4. long-tail set (make_labelled_crawl.py --sites 120 --footers 4): byte-identical decisions
#    too; its footers are marked only by their recurrence across stories, so the job must count
#    stories per line as `LineStatistics` does;
# 5. skewed set (the dev set plus one story x 4,000 copies, half of them edited): the job must
#    finish with every document decided, no cluster lost, lines F1 equal to scan's and pairs F1
#    within 0.05 of scan's (above the hot-bucket size the SimHash search links members to
#    leaders, not to their 64 nearest: README.md), components found by label propagation, and
#    no `resolve` task receiving the story's verbatim copies (they are decided like a sibling),
#    and no resolve unit above --resolve-max (300) documents: the story's distinct texts are
#    cut into star chunks.
# Env: WINNOW_SPARK_VENV (default /tmp/winnow-spark-venv), WINNOW_SPARK_WORK (default
# /tmp/winnow-spark-test), WINNOW_SPARK_SCRATCH (swift build scratch path, default .build),
# SKEW_COPIES (default 4000).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
export PATH="/opt/swift/usr/bin:$PATH"
# The dev set comes from the repository's own generator, so the test runs in any clean clone;
# WINNOW_SPARK_SET=make_corpus takes it from the shared evaluation kit beside the repository.
generator=${WINNOW_SPARK_SET:-own}
eval_dir=$root/../shared/eval
corpus=$root/../shared/corpus
if [[ $generator == make_corpus && ( ! -f $eval_dir/make_corpus.py || ! -f $corpus/zh_base.jsonl ) ]]; then
  echo "spark: WINNOW_SPARK_SET=make_corpus needs the evaluation kit at $root/../shared" >&2
  exit 2
fi
venv=${WINNOW_SPARK_VENV:-/tmp/winnow-spark-venv}
work=${WINNOW_SPARK_WORK:-/tmp/winnow-spark-test}
scratch=${WINNOW_SPARK_SCRATCH:-.build}
copies=${SKEW_COPIES:-4000}
start=$(date +%s)

command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; }
if ! "$venv/bin/python" -c 'import pyspark, opencc' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pyspark opencc
fi
py=$venv/bin/python

swift build -c release --product winnow --scratch-path "$scratch" >&2
winnow=$(swift build -c release --product winnow --scratch-path "$scratch" --show-bin-path)/winnow

rm -rf "$work" && mkdir -p "$work"
if [[ $generator == make_corpus ]]; then
  "$py" "$eval_dir/make_corpus.py" --bases "$corpus/zh_base.jsonl" --bases "$corpus/en_base.jsonl" \
    --clusters 300 --seed 11 --out "$work/dev" >&2
else
  "$py" "$root/eval/make_labelled_crawl.py" --clusters 300 --seed 11 --out "$work/dev" >&2
fi
"$py" "$here/make_skew.py" --set "$work/dev" --copies "$copies" --out "$work/skew" >&2
# The long tail: 120 sites of a few pages each under shared syndication footers no rule knows,
# which only their recurrence across stories marks (the statistics' stories-per-line table).
"$py" "$root/eval/make_labelled_crawl.py" --clusters 150 --sites 120 --footers 4 --seed 5 --out "$work/longtail" >&2

passed=0 failed=0
check() {  # check NAME COMPARE-ARGS... : scan and Spark on $work/NAME, compared
  local name=$1; shift
  local set=$work/$name
  "$winnow" scan "$set/crawl.jsonl" --out "$set/scan" -q || [[ $? == 2 ]]
  if "$py" "$here/winnow_spark.py" "$set/crawl.jsonl" --out "$set/spark" --winnow "$winnow" --master 'local[2]' \
       "${spark_args[@]}" >"$set/spark.log" 2>&1 \
     && "$py" "$here/compare.py" --truth "$set/truth.json" --scan "$set/scan/decisions.jsonl" --spark "$set/spark/decisions" "$@"; then
    passed=$((passed + 1)); echo "spark $name: ok ($(python3 -c "import json;m=json.load(open('$set/spark/metrics.json'));print(m['articles'],'articles in',m['total_seconds'],'s')"))"
  else
    failed=$((failed + 1)); echo "spark $name: FAILED (log: $set/spark.log)"; tail -20 "$set/spark.log" >&2 || true
  fi
}
spark_args=(--unit-lines 300 --resolve-max 3)
check dev --require-identical
check longtail --require-identical
resolve_max=300
spark_args=(--one-task-links 0 --hot-bucket 500 --resolve-max $resolve_max)
check skew --max-f1-gap 0.05
# The story's verbatim half must not travel to one `resolve` task: exact copies are left out of
# their component and decided like a sibling, spread over every task (its edited half, distinct
# texts, is resolved together: one component).
read -r busiest unit chunks < <(python3 -c "
import json;m=json.load(open('$work/skew/spark/metrics.json'))
print(m.get('busiest_resolve_task_documents', -1), m.get('largest_resolve_unit', -1), m.get('star_chunks', 0))" 2>/dev/null || echo -1 -1 0)
if (( busiest >= 0 && busiest < copies / 2 && unit >= 0 && unit <= resolve_max && chunks > 1 )); then
  passed=$((passed + 1)); echo "spark skew spread: ok (busiest resolve task $busiest documents, largest unit $unit, $chunks star chunks; the story has $copies copies)"
else
  failed=$((failed + 1)); echo "spark skew spread: FAILED (busiest resolve task $busiest documents, largest unit $unit, $chunks star chunks; the story has $copies copies)"
fi

echo "spark tests took $(( $(date +%s) - start )) s"
echo "spark: $passed passed, $failed failed"
[[ $failed == 0 ]]
