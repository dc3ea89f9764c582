"""Clusters and decisions: link components in Spark, `scan`'s clusterer inside each component.

`Clusterer` builds clusters without chaining (a centre takes only its direct duplicates; copies
and excerpts join the cluster of what contains them best) and `Decider` re-verifies members
against the chosen canonical. Every step follows a verified link or stays inside one cluster, so
a cluster never spans two connected components of the link graph. The job therefore:

1. finds the connected components of the links: a union-find in one executor task while the
   link graph is small (a Spark job costs seconds, a union-find of a million links one second),
   else min-label propagation with pointer jumping (labels only decrease; each round a few
   shuffles; rounds grow with the log of a component's diameter);
2. hash-partitions documents and links by component, many components per task;
3. runs `winnow resolve` on each task's whole components: the same clusterer, canonical policy
   and decider as `scan`, so each document gets `scan`'s decision. Exact copies beyond the
   representative, the group's earliest full copy and one sibling per excerpt flag stay out of
   their component (counted in its size); a second `winnow resolve`, spread by position, gives
   each the decision of its sibling under its own id. A component of more than `--resolve-max`
   documents is cut first (`pieces`): into pieces that resolve apart with the same decisions,
   and a star (one centre and its duplicates, nothing else linked) into chunks.

A component's cost is linear in its links, and links per document are capped by candidate
search (64 SimHash hits, 8 crowd leaders a table, capped posting lists, hot-bucket leaders);
with exact copies left out and stars chunked, a 50,000-page story is resolved by every task.
"""
import json
import os

from pyspark import AccumulatorParam
from pyspark.sql import functions as F, types as T

from . import pieces
from .binary import Workdir
from .unionfind import UnionFind
from .verify import DocumentsFirst

DECISION_SCHEMA = T.StructType([T.StructField("pos", T.LongType(), False), T.StructField("json", T.StringType(), False)])


def components(spark, edges, one_task_max, partitions, max_rounds=64):
    """(v, comp): the smallest position of each linked document's component. Up to
    `one_task_max` links, one executor task runs a union-find (a job of one stage: link graphs
    of a batch are small next to its sketches); above, rounds of label propagation."""
    pairs = edges.rdd.map(lambda r: (r[0], r[1]))
    if pairs.count() <= one_task_max:
        labels = pairs.repartition(1).mapPartitions(union_find)
    else:
        labels = propagate_labels(pairs, partitions, max_rounds)
    return spark.createDataFrame(labels, COMPONENT_SCHEMA)


COMPONENT_SCHEMA = T.StructType([T.StructField("v", T.LongType(), False), T.StructField("comp", T.LongType(), False)])


def union_find(edges):
    """(vertex, smallest vertex of its component) for the edges of one partition."""
    sets = UnionFind()
    for u, v in edges:
        sets.union(u, v)
    for x in sets:
        yield (x, sets.root(x))


def propagate_labels(pairs, partitions, max_rounds):
    """Distributed components: every vertex takes the smallest label of its neighbours, then
    jumps to its label's label (pointer jumping), until no label changes. Labels only decrease
    and stay inside the component, so they end at its smallest vertex."""
    adjacency = (pairs.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).groupByKey(partitions)
                 .mapValues(lambda ns: sorted(set(ns))).persist())
    labels = adjacency.map(lambda kv: (kv[0], min(kv[0], kv[1][0])), preservesPartitioning=True)
    for _ in range(max_rounds):
        offers = adjacency.join(labels).flatMap(lambda kv: [(n, kv[1][1]) for n in kv[1][0]]).reduceByKey(min, partitions)
        lowered = labels.union(offers).reduceByKey(min, partitions)
        jumped = (lowered.map(lambda kv: (kv[1], kv[0])).join(lowered)
                  .map(lambda kv: (kv[1][0], kv[1][1])).partitionBy(partitions).persist())
        changed = jumped.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = jumped
        if changed == 0:
            adjacency.unpersist()
            return labels
    raise RuntimeError("link components did not converge in %d rounds" % max_rounds)


def resolve(spark, records, docs, freqs, links, comps, winnow, partitions, resolve_max, jaccard):
    """Decision rows (pos, json) for every document, how many documents the busiest `winnow
    resolve` task received, and the shape of the resolve units (the largest; pieces and star
    chunks planned for giant components).

    Exact copies beyond a few per group are left out of their component (`hidden_copies`): the
    component is resolved with its representative counting them, then each left-out copy takes
    the decision of a sibling that was resolved (`winnow resolve` with `like` lines, spread by
    position). Components of more than `resolve_max` documents are cut into pieces and chunks
    that resolve apart with the same decisions (`pieces`). `links` must be the clustering links
    (`cluster_edges`)."""
    hidden = hidden_copies(docs).persist()
    counts = hidden.groupBy(F.col("copy_of").alias("pos")).agg(F.count("*").alias("hidden"))
    # Where each resolved document goes (light rows; the records join them last).
    placed = (docs.select("pos", "copy_of").join(hidden.select("pos"), "pos", "left_anti")
              .join(counts, "pos", "left")
              .join(comps, docs.pos == comps.v, "left").drop("v")
              .withColumn("comp", F.coalesce("comp", "pos")).persist())
    planned = pieces.plan(spark, placed, docs, links, resolve_max, jaccard)
    units = (placed.join(planned, "pos", "left")
             .select("pos", "copy_of", F.coalesce("unit", F.col("comp").cast("string")).alias("unit"),
                     F.coalesce("emit", F.lit(True)).alias("emit"),
                     (F.coalesce("hidden", F.lit(0)) + F.coalesce("extra", F.lit(0))).alias("hidden")))
    # A fresh plan: the planned rows come from one task's Python, and Spark need not print (or
    # re-plan) the whole job behind them at every use.
    units = spark.createDataFrame(units.rdd, units.schema).persist()
    per_unit = units.groupBy("unit").count()
    shape = {"largest_resolve_unit": per_unit.agg(F.max("count")).first()[0] or 0,
             "planned_pieces": units.where(~F.col("unit").contains(".")).join(planned.select("pos"), "pos", "left_semi")
             .select("unit").distinct().count(),
             "star_chunks": per_unit.where(F.col("unit").contains(".")).count()}
    placed.unpersist()
    doc_lines = (units.join(records.select("pos", "record", "origin_file", "origin_line"), "pos").join(freqs, "pos", "left")
                 .select("unit", F.lit(0).alias("order"), "emit", F.to_json(F.struct(
                     F.col("pos").alias("doc"), F.coalesce("dfs", F.array().cast("array<long>")).alias("dfs"), "copy_of",
                     "hidden", "origin_file", "origin_line", "record")).alias("line")))
    src_units = units.select(F.col("pos").alias("src"), "unit")
    dst_units = units.select(F.col("pos").alias("dst"), "unit")
    link_lines = (links.join(src_units, "src").join(dst_units, ["dst", "unit"])
                  .select("unit", F.lit(1).alias("order"), F.lit(True).alias("emit"), F.concat_ws(
                      "\t", F.lit("link"), "src", "dst", "kind", "hamming", "jaccard", "containment").alias("line")))
    # Units go to tasks by a hash, but the chunks "LABEL.K" of one star to consecutive tasks:
    # a dozen chunks hashed over a few tasks would pile up on some.
    part = F.split("unit", "[.]")
    slot = F.when(F.col("unit").contains("."), part.getItem(0).cast("long") + part.getItem(1).cast("long")).otherwise(F.xxhash64("unit"))
    lines = (doc_lines.union(link_lines).withColumn("slot", slot).rdd.map(lambda r: (r["slot"], r))
             .partitionBy(partitions, lambda slot: slot).values())
    sent = spark.sparkContext.accumulator(0, MaxAccumulator())
    resolved = spark.createDataFrame(lines.mapPartitions(lambda rows: run_resolve(rows, winnow, sent)),
                                     DECISION_SCHEMA).persist()
    resolved.count()
    units.unpersist()

    # The left-out copies, each with its sibling's decision line, spread by position.
    like_lines = (hidden.join(resolved.select(F.col("pos").alias("sibling"), F.col("json").alias("like")), "sibling")
                  .join(records.select("pos", "record", "origin_file", "origin_line"), "pos")
                  .select("pos", F.lit("").alias("unit"), F.lit(0).alias("order"), F.lit(True).alias("emit"), F.to_json(F.struct(
                      F.col("pos").alias("doc"), "like", "origin_file", "origin_line", "record")).alias("line"))
                  .repartition(partitions, "pos"))
    alike = spark.createDataFrame(like_lines.rdd.mapPartitions(lambda rows: run_resolve(rows, winnow, None)), DECISION_SCHEMA)
    return resolved.union(alike), sent, shape


def hidden_copies(docs):
    """(pos, copy_of, sibling): the exact copies a component leaves out, each with the copy it
    is decided like. Kept in the component are the representative, the group's earliest full
    copy (published first, then id: `Clusterer.earlier`; it may become the canonical) and, per
    excerpt flag, the lowest position among the other copies (the sibling). Only aggregations
    and joins on the group: no task holds a whole group."""
    copies = docs.where("copy_of IS NOT NULL").select("pos", "copy_of", "excerpt", "published_at", "id")
    earliest = (copies.where("NOT excerpt").groupBy("copy_of")
                .agg(F.min(F.struct(F.col("published_at").isNull().alias("undated"), "published_at", "id", "pos"))
                     .getField("pos").alias("earliest")))
    others = copies.join(earliest, "copy_of", "left").where("earliest IS NULL OR pos != earliest")
    siblings = others.groupBy("copy_of", "excerpt").agg(F.min("pos").alias("sibling"))
    return others.join(siblings, ["copy_of", "excerpt"]).where("pos != sibling").select("pos", "copy_of", "sibling")


def run_resolve(rows, winnow, sent):
    """`winnow resolve` on one task's lines: (pos, decision json) rows. Whole components share
    one run; each chunk of a star (`pieces`, unit "LABEL.K") has a run of its own, since its
    centre and canonical also go to the star's other chunks, and writes no decision for the
    documents it received only as context (`emit` false)."""
    with Workdir() as tmp:
        runs, silent = {}, set()
        for r in rows:
            name = r["unit"] if "." in r["unit"] else ""
            if name not in runs:
                runs[name] = DocumentsFirst(os.path.join(tmp, "resolve-%d.txt" % len(runs)))
            runs[name].add(r)
            if r["order"] == 0 and not r["emit"]:
                silent.add((r["unit"], json.loads(r["line"])["doc"]))
        for out in runs.values():
            out.close()
        if sent is not None:
            sent.add(sum(out.documents for out in runs.values()))
        for name, out in runs.items():
            result, _ = winnow.run(["resolve", out.path, "--out", "-"] + winnow.match_args, tmp)
            for line in result.decode("utf-8").splitlines():
                if line:
                    pos, _, decision = line.partition("\t")
                    if (name, int(pos)) not in silent:
                        yield (int(pos), decision)


class MaxAccumulator(AccumulatorParam):
    """The largest value added: the documents of the busiest `resolve` task."""

    def zero(self, value):
        return 0

    def addInPlace(self, a, b):
        return max(a, b)


def copy_edges(docs):
    """An exact copy is linked to its representative (it joins that cluster)."""
    return docs.where("copy_of IS NOT NULL").select(F.col("pos").alias("src"), F.col("copy_of").alias("dst"))


def cluster_edges(links, docs):
    """The links clustering follows: none touching a document a rule removes (it stays alone)."""
    removed = docs.where("removed").select(F.col("pos").alias("p"))
    return (links.join(removed, links.src == removed.p, "left_anti")
            .join(removed, links.dst == removed.p, "left_anti"))
