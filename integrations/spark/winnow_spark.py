#!/usr/bin/env python3
"""Winnow's stages on Apache Spark, with `winnow scan`'s decisions.

    spark-submit integrations/spark/winnow_spark.py INPUTS... --out DIR --winnow PATH/TO/winnow [--rules DIR]

Reads JSONL files, WARC/WET crawls and folders of pages (any Hadoop path), pipes units of
input through the shipped `winnow` binary for the per-article work (line keys, analysis), and
resolves duplicates with Spark joins (exact copies, SimHash blocked tables, the containment
index), `winnow verify` on candidate pairs, link components, and `winnow resolve` on whole
components. Writes DIR/decisions/part-*.txt (JSON Lines in input order: concatenated, the
`decisions.jsonl` of `winnow scan`) and DIR/metrics.json. See README.md beside this file.
"""
import argparse
import json
import os
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the checkout clean of __pycache__

from pyspark import StorageLevel  # noqa: E402
from pyspark.sql import SparkSession, functions as F  # noqa: E402

from winnowspark import analysis, candidates, components, inputs, metrics, verify  # noqa: E402
from winnowspark.binary import Winnow  # noqa: E402

SPILL = StorageLevel.MEMORY_AND_DISK


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", help="JSONL files, WARC/WET crawls, folders (Hadoop paths)")
    p.add_argument("--out", required=True, help="output folder (decisions/, metrics.json)")
    p.add_argument("--winnow", required=True, help="the winnow binary to ship to executors (a release build)")
    p.add_argument("--rules", help="rule folder to ship (default: ./rules when present, as scan)")
    p.add_argument("--no-rules", action="store_true", help="built-in detectors only")
    p.add_argument("--simhash-distance", type=int, default=6, help="SimHash Hamming distance k (scan's default 6)")
    p.add_argument("--jaccard", type=float, default=0.5, help="near-duplicate Jaccard threshold (scan's default)")
    p.add_argument("--containment", type=float, default=0.7, help="partial-copy containment threshold (scan's default)")
    p.add_argument("--unit-lines", type=int, default=2000, help="JSONL lines per winnow process (default 2000)")
    p.add_argument("--partitions", type=int, default=0, help="tasks for verification and resolution (default: 2 x cores)")
    p.add_argument("--postings-cap", type=int, default=1000,
                   help="largest posting list probed: scan uses max(64, N/100); the cap keeps shingle keys bounded "
                        "(identical to scan below 100,000 articles with the default)")
    p.add_argument("--hot-bucket", type=int, default=1000,
                   help="SimHash bucket size above which members are compared with its leaders only")
    p.add_argument("--hot-leaders", type=int, default=64, help="leaders a hot bucket's members are compared with")
    p.add_argument("--salt-rows", type=int, default=2000, help="members of a hot bucket per salted sub-key")
    p.add_argument("--shuffle-partitions", type=int, default=0,
                   help="spark.sql.shuffle.partitions unless configured (default: 4 x cores in local mode)")
    p.add_argument("--one-task-links", type=int, default=2_000_000,
                   help="link graphs up to this many links get their components from one union-find task; "
                        "larger ones from distributed label propagation (0: always distributed)")
    p.add_argument("--resolve-max", type=int, default=2_000,
                   help="documents of a link component above which it is cut into pieces and chunks that resolve "
                        "apart, with the same decisions (pieces.py)")
    p.add_argument("--master", help="Spark master when run without spark-submit (e.g. local[2])")
    p.add_argument("--driver-memory", help="driver JVM memory when run without spark-submit (local mode: all of it)")
    return p.parse_args(argv)


def session(args):
    builder = SparkSession.builder.appName("winnow")
    if args.master:
        builder = builder.master(args.master)
    if args.driver_memory:
        builder = builder.config("spark.driver.memory", args.driver_memory)
    # The status store keeps every stage's shuffle figures for metrics.json.
    spark = builder.config("spark.ui.retainedStages", "100000").getOrCreate()
    sc = spark.sparkContext
    if args.shuffle_partitions:
        spark.conf.set("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    elif not sc.getConf().contains("spark.sql.shuffle.partitions") and sc.master.startswith("local"):
        # 200 shuffle tasks per join cost more than the joins on one machine.
        spark.conf.set("spark.sql.shuffle.partitions", str(4 * sc.defaultParallelism))
    return spark


def ship(spark, args):
    """Ships this package, the binary and the rule folder to the executors."""
    sc = spark.sparkContext
    source = os.path.join(HERE, "winnowspark")
    if os.path.isdir(source):
        # Run from a checkout: zip the package for the executors. (In cluster deploy mode the
        # script travels alone: give the package with --py-files winnowspark.zip instead.)
        package = os.path.join(tempfile.mkdtemp(prefix="winnowspark-"), "winnowspark.zip")
        with zipfile.ZipFile(package, "w") as z:
            for name in sorted(os.listdir(source)):
                if name.endswith(".py"):
                    z.write(os.path.join(source, name), "winnowspark/" + name)
        sc.addPyFile(package)
    sc.addFile(os.path.abspath(args.winnow))
    rules = None
    if not args.no_rules:
        folder = args.rules or ("rules" if os.path.isdir("rules") else None)
        if folder:
            sc.addFile(os.path.abspath(folder), recursive=True)
            rules = os.path.basename(os.path.abspath(folder))
    match = ["--simhash-distance", str(args.simhash_distance), "--jaccard", repr(args.jaccard),
             "--containment", repr(args.containment)]
    return Winnow(os.path.basename(args.winnow), rules, args.no_rules, match)


def run(spark, args):
    sc = spark.sparkContext
    clock = metrics.Clock(spark)
    winnow = ship(spark, args)
    partitions = args.partitions or 2 * sc.defaultParallelism

    # Units of input, read once and kept (pass 2 reads them again).
    files = inputs.list_inputs(spark, args.inputs)
    units = inputs.units(spark, files, args.unit_lines).persist(SPILL)
    unit_count = units.count()
    clock.lap("read")

    # Pass 1: line keys and the batch's exact line statistics.
    problems = sc.accumulator(0)
    keys, every_key = analysis.line_keys(spark, units, winnow, problems)
    keys = keys.persist(SPILL)
    total, per_language = analysis.batch_totals(keys)
    # Positions of articles whose id an earlier article has (rare: collected, then broadcast).
    duplicates = [r["pos"] for r in every_key.select("pos").subtract(keys.select("pos")).collect()]
    statistics = {"rows": analysis.unit_statistics(keys), "total": total, "per_language": per_language}
    clock.lap("statistics")

    # Pass 2: analysis records.
    records = analysis.analyze(spark, units, statistics, winnow, duplicates).persist(SPILL)
    articles = records.count()
    keys.unpersist()
    every_key.unpersist()
    units.unpersist()
    clock.lap("analyze")

    # Candidate search.
    docs = (records.drop("record", "origin_file", "origin_line")
            .join(candidates.exact_copies(records), "pos", "left").persist(SPILL))
    sh = candidates.shingles(docs)
    dfs = candidates.document_frequencies(sh).persist(SPILL)
    sh_df = candidates.with_frequencies(sh, dfs).persist(SPILL)
    max_postings = min(args.postings_cap, max(64, articles // 100))
    post = candidates.postings(sh_df, max_postings)
    pairs = (candidates.simhash_pairs(docs, args.simhash_distance, args.hot_bucket, args.hot_leaders, args.salt_rows)
             .union(candidates.containment_pairs(docs, dfs, post, max_postings)).distinct().persist(SPILL))
    cuts = candidates.cut_lead_candidates(docs, dfs, post, max_postings).persist(SPILL)
    pair_count, cut_count = pairs.count(), cuts.count()
    clock.lap("candidates")

    # Verification.
    wanted = (pairs.select(F.col("a").alias("pos")).union(pairs.select(F.col("b").alias("pos")))
              .union(cuts.select(F.col("q").alias("pos"))).union(cuts.select(F.col("c").alias("pos"))).distinct())
    freqs = verify.frequencies(sh_df, wanted).persist(SPILL)
    links = verify.verify(spark, records, pairs, cuts, freqs, winnow, partitions).persist(SPILL)
    final = verify.final_links(links, cuts, docs)
    cluster_links = components.cluster_edges(final, docs).persist(SPILL)
    link_count = cluster_links.count()
    sh_df.unpersist()
    clock.lap("verify")

    # Components, clusters and decisions.
    edges = cluster_links.select("src", "dst").union(components.copy_edges(docs))
    comps = components.components(spark, edges, args.one_task_links, partitions).persist(SPILL)
    sizes = comps.groupBy("comp").agg(F.count("*").alias("n"))
    largest = sizes.agg(F.max("n")).first()[0] or 1
    component_count = sizes.count()
    decisions, busiest, shape = components.resolve(spark, records, docs, freqs, cluster_links, comps, winnow,
                                                   partitions, max(1, args.resolve_max), args.jaccard)
    decisions = decisions.persist(SPILL)
    decided = decisions.count()
    out = os.path.join(args.out, "decisions")
    decisions.orderBy("pos").select("json").write.mode("overwrite").text(out)
    kinds = {r["k"]: r["n"] for r in decisions.groupBy(F.get_json_object("json", "$.decision").alias("k"))
             .agg(F.count("*").alias("n")).collect()}
    clock.lap("decide")

    written, read = metrics.shuffle_bytes(spark)
    figures = {
        "inputs": [f.origin for f in files], "units": unit_count, "articles": articles, "decided": decided,
        "skipped_records": problems.value, "duplicate_ids": len(duplicates), "decisions": kinds,
        "candidate_pairs": pair_count, "cut_candidates": cut_count, "links": link_count,
        "linked_components": component_count, "largest_component": largest, "max_postings": max_postings,
        "busiest_resolve_task_documents": busiest.value,
        "seconds": clock.seconds, "total_seconds": clock.total(),
        "articles_per_second": round(articles / max(clock.total(), 1e-9), 1),
        "shuffle_write_bytes": written, "shuffle_read_bytes": read,
        "shuffle_write_bytes_per_article": round(written / max(articles, 1), 1),
        "shuffle_write_bytes_per_article_by_stage": {k: round(v / max(articles, 1), 1) for k, v in clock.shuffle.items()},
        "cores": sc.defaultParallelism,
    }
    figures.update(shape)
    if decided != articles:
        raise RuntimeError("%d articles but %d decisions" % (articles, decided))
    return figures


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spark = session(args)
    spark.sparkContext.setLogLevel("WARN")
    try:
        figures = run(spark, args)
        text = json.dumps(figures, indent=2, sort_keys=True)
        if "://" in args.out and not args.out.startswith("file:"):
            # A cluster file system: one small text file, written by Spark.
            spark.createDataFrame([(text,)], "value string").coalesce(1).write.mode("overwrite").text(args.out + "/metrics")
        else:
            local = args.out[len("file:"):] if args.out.startswith("file:") else args.out
            with open(os.path.join(local, "metrics.json"), "w") as f:
                f.write(text + "\n")
    finally:
        spark.stop()
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
