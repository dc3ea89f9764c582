#!/usr/bin/env python3
"""Compare the Spark job's decisions with `winnow scan`'s on one labelled set.

    python3 compare.py --truth SET/truth.json --scan SCAN/decisions.jsonl --spark SPARK/decisions \
        [--max-f1-gap 0.005] [--require-identical] [--json]

Scores both with the figures of `shared/eval/score.py` (pairs precision/recall/F1, lost
clusters, lines F1), computed as score.py computes them but without its per-role pair loop,
which is quadratic in a cluster's size (a 50,000-copy story would take hours). Also counts
decision lines that differ from scan's. Exits 1 when a check fails:
  * pairs F1 more than --max-f1-gap below scan's, more than --max-lost lost clusters (0), or
    lines F1 not equal to scan's;
  * with --require-identical, any decision line that differs from scan's.
"""
import argparse
import glob
import json
import os
import sys
from collections import Counter, defaultdict
from math import comb

FLAG_CATEGORIES = {"boilerplate", "disclaimer", "truncated"}   # as score.py
FURNITURE = {"nav", "meta", "disclaimer", "related"}


def read_lines(path):
    """Decision lines of a file, or of a Spark output folder's part files in order."""
    paths = sorted(glob.glob(os.path.join(path, "part-*"))) if os.path.isdir(path) else [path]
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.extend(line.rstrip("\n") for line in f if line.strip())
    return out


def by_id(lines):
    return {str(d["id"]): d for d in map(json.loads, lines)}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(truth, dec):
    """score.py's pairs, lost-cluster and lines figures."""
    ids = sorted(truth)
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in ids:
        c = dec.get(i, {}).get("canonical")
        if c and c != i and c in parent:
            parent[find(i)] = find(c)
    tl = {i: truth[i]["cluster"] for i in ids}
    pl = {i: find(i) for i in ids}
    tgroups, pgroups = defaultdict(list), defaultdict(list)
    for i in ids:
        tgroups[tl[i]].append(i)
        pgroups[pl[i]].append(i)
    truth_pairs = sum(comb(len(g), 2) for g in tgroups.values())
    pred_pairs = sum(comb(len(g), 2) for g in pgroups.values())
    tp = sum(comb(v, 2) for v in Counter((tl[i], pl[i]) for i in ids).values())
    p, r, f = prf(tp, pred_pairs - tp, truth_pairs - tp)

    def kept(i):
        return dec.get(i, {}).get("decision", "keep") in ("keep", "review")

    lost = sum(1 for g in tgroups.values() if not any(kept(i) for i in g))
    ltp = lfp = lfn = 0
    for i in ids:
        flagged = set()
        for fnd in dec.get(i, {}).get("findings", []) or []:
            if fnd.get("category") in FLAG_CATEGORIES:
                flagged.update(range(int(fnd["line_start"]), int(fnd.get("line_end", fnd["line_start"])) + 1))
        for n, kind in enumerate(truth[i]["kinds"], 1):
            if kind == "title":
                continue
            fur, hit = kind in FURNITURE, n in flagged
            ltp += fur and hit
            lfp += (not fur) and hit
            lfn += fur and not hit
    return {"pairs_precision": p, "pairs_recall": r, "pairs_f1": f, "lost": lost, "lines_f1": prf(ltp, lfp, lfn)[2],
            "decided": sum(1 for i in ids if i in dec)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--scan", required=True, help="scan's decisions.jsonl")
    ap.add_argument("--spark", required=True, help="the Spark job's decisions folder (or a file)")
    ap.add_argument("--max-f1-gap", type=float, default=0.005)
    ap.add_argument("--max-lost", type=int, default=0, help="clusters the job may lose (scan's own count, on sets where scan loses some)")
    ap.add_argument("--require-identical", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    with open(a.truth, encoding="utf-8") as f:
        truth = json.load(f)
    scan_lines, spark_lines = read_lines(a.scan), read_lines(a.spark)
    scan, spark = figures(truth, by_id(scan_lines)), figures(truth, by_id(spark_lines))
    differing = sum(1 for x, y in zip(scan_lines, spark_lines) if x != y) + abs(len(scan_lines) - len(spark_lines))
    report = {"scan": scan, "spark": spark, "lines_compared": max(len(scan_lines), len(spark_lines)),
              "differing_lines": differing}
    failures = []
    if spark["pairs_f1"] < scan["pairs_f1"] - a.max_f1_gap:
        failures.append("pairs F1 %.4f is more than %.3f below scan's %.4f" % (spark["pairs_f1"], a.max_f1_gap, scan["pairs_f1"]))
    if spark["lost"] > a.max_lost:
        failures.append("%d clusters lost" % spark["lost"])
    if spark["lines_f1"] != scan["lines_f1"]:
        failures.append("lines F1 %.6f differs from scan's %.6f" % (spark["lines_f1"], scan["lines_f1"]))
    if spark["decided"] != len(truth):
        failures.append("%d of %d documents decided" % (spark["decided"], len(truth)))
    if a.require_identical and differing:
        failures.append("%d decision lines differ from scan's" % differing)
    report["failures"] = failures
    if a.json:
        print(json.dumps(report))
    else:
        for name in ("scan", "spark"):
            s = report[name]
            print("%-5s pairs P %.4f R %.4f F1 %.4f  lost %d  lines F1 %.4f  decided %d" % (
                name, s["pairs_precision"], s["pairs_recall"], s["pairs_f1"], s["lost"], s["lines_f1"], s["decided"]))
        print("decision lines differing from scan's: %d of %d" % (differing, report["lines_compared"]))
        for f in failures:
            print("FAIL: " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
