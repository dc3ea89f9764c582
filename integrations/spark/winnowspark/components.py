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
   each the decision of its sibling under its own id.

A component's cost is linear in its links, and links per document are capped by candidate
search (64 SimHash hits, 8 crowd leaders a table, capped posting lists, hot-bucket leaders);
with exact copies left out a 50,000-page story sends its distinct texts to one task, not its
copies.
"""
import os

from pyspark import AccumulatorParam
from pyspark.sql import functions as F, types as T

from .binary import Workdir
from .verify import write_documents_first

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
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        a, b = root(u), root(v)
        if a != b:
            # The smaller position becomes the root: it is the component's label.
            parent[max(a, b)] = min(a, b)
    for x in list(parent):
        yield (x, root(x))


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


def resolve(spark, records, docs, freqs, links, comps, winnow, partitions):
    """Decision rows (pos, json) for every document, and how many documents the largest
    `winnow resolve` run of whole components received.

    Exact copies beyond a few per group are left out of their component (`hidden_copies`): the
    component is resolved with its representative counting them, then each left-out copy takes
    the decision of a sibling that was resolved (`winnow resolve` with `like` lines, spread by
    position). A story copied 50,000 times is clustered as its distinct texts in one task; its
    copies are decided in every task. `links` must be the clustering links (`cluster_edges`)."""
    hidden = hidden_copies(docs).persist()
    counts = hidden.groupBy(F.col("copy_of").alias("pos")).agg(F.count("*").alias("hidden"))
    doc_rows = (records.select("pos", "record", "origin_file", "origin_line")
                .join(hidden.select("pos"), "pos", "left_anti")
                .join(docs.select("pos", "copy_of"), "pos")
                .join(counts, "pos", "left")
                .join(comps, records.pos == comps.v, "left").drop("v")
                .withColumn("comp", F.coalesce("comp", "pos"))
                .join(freqs, "pos", "left"))
    doc_lines = doc_rows.select("comp", F.lit(0).alias("order"), F.to_json(F.struct(
        F.col("pos").alias("doc"), F.coalesce("dfs", F.array().cast("array<long>")).alias("dfs"), "copy_of", "hidden",
        "origin_file", "origin_line", "record")).alias("line"))
    link_lines = (links.join(comps, links.src == comps.v).select("comp", F.lit(1).alias("order"), F.concat_ws(
        "\t", F.lit("link"), "src", "dst", "kind", "hamming", "jaccard", "containment").alias("line")))
    lines = doc_lines.union(link_lines).repartition(partitions, "comp")
    sent = spark.sparkContext.accumulator(0, MaxAccumulator())
    resolved = spark.createDataFrame(lines.rdd.mapPartitions(lambda rows: run_resolve(rows, winnow, sent)),
                                     DECISION_SCHEMA).persist()
    resolved.count()

    # The left-out copies, each with its sibling's decision line, spread by position.
    like_lines = (hidden.join(resolved.select(F.col("pos").alias("sibling"), F.col("json").alias("like")), "sibling")
                  .join(records.select("pos", "record", "origin_file", "origin_line"), "pos")
                  .select("pos", F.lit(0).alias("order"), F.to_json(F.struct(
                      F.col("pos").alias("doc"), "like", "origin_file", "origin_line", "record")).alias("line"))
                  .repartition(partitions, "pos"))
    alike = spark.createDataFrame(like_lines.rdd.mapPartitions(lambda rows: run_resolve(rows, winnow, None)), DECISION_SCHEMA)
    return resolved.union(alike), sent


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
    """`winnow resolve` on one task's lines: (pos, decision json) rows."""
    with Workdir() as tmp:
        path = os.path.join(tmp, "resolve.txt")
        documents = write_documents_first(rows, path)[0]
        if documents == 0:
            return
        if sent is not None:
            sent.add(documents)
        result, _ = winnow.run(["resolve", path, "--out", "-"] + winnow.match_args, tmp)
    for line in result.decode("utf-8").splitlines():
        if line:
            pos, _, decision = line.partition("\t")
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
