#!/usr/bin/env bash
# Whole-process time of `winnow check` on one draft against an archive of N articles
# (default 100,000): release build, median of RUNS runs (default 5), plus the archive's size.
#
#   bench/check-archive.sh                 # 100,000 articles
#   bench/check-archive.sh 1000000         # any size
#   RUNS=9 SCRATCH=.build-check bench/check-archive.sh
#
# The archive is built once with `winnow scan --index` over generated articles (random Chinese
# and English text; no corpus text) and kept in $TMPDIR/winnow-check-bench-N/ for later runs.
# Timed, with the bundled rules: a lightly edited repost of an archived article with a pasted disclaimer (exit 1: the
# lookup, the match and the line matching all run), a clean draft (exit 0), and the same repost
# with the band indexes ignored (the in-memory fallback of archives written before schema v5).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${RUNS:-5}
scratch=${SCRATCH:-.build}
dir=${TMPDIR:-/tmp}/winnow-check-bench-$n
swift build -c release --scratch-path "$scratch" --product winnow >&2
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/winnow
mkdir -p "$dir"
if [[ ! -s $dir/archive.sqlite ]]; then
  python3 - "$n" "$dir" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20251129)
words = ("the minister said on monday that growth would slow in markets report city council river bridge "
         "school teachers students farmers harvest weather storm police court judge hospital doctors "
         "company shares profit energy solar wind train station airport museum festival team match").split()
def han(k): return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(k))
def zh_sentence(): return "，".join(han(rng.randint(6, 14)) for _ in range(rng.randint(2, 4))) + "。"
def en_sentence():
    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 18)))
    return s[0].upper() + s[1:] + "."
def article(i):
    zh = i % 3 != 0
    sentence = zh_sentence if zh else en_sentence
    title = han(rng.randint(10, 20)) if zh else " ".join(rng.choice(words) for _ in range(8)).title()
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 4))) if not zh else "".join(sentence() for _ in range(rng.randint(2, 4)))
                  for _ in range(rng.randint(4, 9))]
    return title, paragraphs
with open(f"{out}/crawl.jsonl", "w", encoding="utf-8") as f:
    for i in range(n):
        title, paragraphs = article(i)
        f.write(json.dumps({"id": f"bench-{i}", "url": f"https://site{i % 200}.example/{i}.html", "title": title,
                            "published_at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00:00",
                            "text": "\n".join([title] + paragraphs)}, ensure_ascii=False) + "\n")
        if i == n // 2:
            p = list(paragraphs)
            p[1] = p[1][4:]
            p.insert(2, "（本报综合报道）" if i % 3 else "(Reporting by our staff.)")
            with open(f"{out}/repost.md", "w", encoding="utf-8") as d:
                d.write(f"# {title}\n\n" + "\n\n".join(p) + "\n\n本文仅代表作者观点，不代表本站立场。如有侵权请联系删除。\n")
title, paragraphs = article(n + 1)
with open(f"{out}/clean.md", "w", encoding="utf-8") as d:
    d.write(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n")
PY
  rm -f "$dir"/archive.sqlite*
  t0=$(date +%s)
  "$bin" scan "$dir/crawl.jsonl" --out "$dir/out" --index "$dir/archive.sqlite" -q
  echo "built the archive of $n articles in $(( $(date +%s) - t0 )) s" >&2
fi
"$bin" index stats "$dir/archive.sqlite"
python3 - "$bin" "$dir" "$runs" "$(nproc)" "$PWD/rules" <<'PY'
import os, statistics, subprocess, sys, time
bin, d, runs, cores, rules = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d) if f.startswith("archive.sqlite") and not f.endswith(".lock"))
print(f"archive on disk: {size / 1e6:.1f} MB (archive.sqlite and its WAL files)")
cases = [("repost + disclaimer", ["repost.md"], {}, 1), ("clean draft", ["clean.md"], {}, 0),
         ("repost, no band indexes", ["repost.md"], {"WINNOW_TEST_NO_BAND_INDEX": "1"}, 1)]
for name, files, env, expected in cases:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run([bin, "check", *files, "--index", "archive.sqlite", "--rules", rules, "-q"], cwd=d, env={**os.environ, **env},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if r.returncode != expected:
            sys.exit(f"{name}: exit {r.returncode}, expected {expected}\n{r.stdout.decode()}{r.stderr.decode()}")
    times.sort()
    print(f"check ({name}) on {cores} cores: median {statistics.median(times) * 1000:.0f} ms  (runs: {', '.join(f'{t * 1000:.0f}' for t in times)})")
print(subprocess.run([bin, "check", "repost.md", "--index", "archive.sqlite", "--rules", rules, "-q"], cwd=d, stdout=subprocess.PIPE).stdout.decode().strip())
PY
