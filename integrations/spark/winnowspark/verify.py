"""Verification of candidate pairs by `winnow verify`, the judge `scan` uses.

Each document a pair names travels with its analysis record and the document frequency of each
of its sketch shingles (the IDF weights); a task writes the documents its pairs need once, then
the pairs, and reads back one line per verified direction. The judge is not ported to Python:
a port would have to reproduce 32-bit float sums in `scan`'s order and the figure rules
(`Figures`, headline checks) to give the same links, and the binary gives them by construction
at about 40,000 pairs a second on 2 cores, shuffle included (1.4 M pairs of the 50,000-copy test).
"""
import os
import struct

from pyspark.sql import Window, functions as F, types as T

from .binary import Workdir

LINK_SCHEMA = T.StructType([
    T.StructField("src", T.LongType(), False), T.StructField("dst", T.LongType(), False),
    T.StructField("kind", T.StringType(), True), T.StructField("hamming", T.LongType(), False),
    T.StructField("jaccard", T.StringType(), False), T.StructField("containment", T.StringType(), False),
    T.StructField("cut", T.BooleanType(), False), T.StructField("share", T.DoubleType(), False),
])


def frequencies(sh_df, wanted):
    """(pos, dfs): for the documents in `wanted` (pos), each sketch shingle's frequency in stories
    (what its weight counts), in sketch order, from the shingle rows that already carry it (copies
    are never wanted: they take their representative's weights)."""
    return (sh_df.join(wanted, "pos", "left_semi")
            .groupBy("pos").agg(F.sort_array(F.collect_list(F.struct("k", "sf"))).alias("kd"))
            .select("pos", F.col("kd.sf").alias("dfs")))


def hex_to_double(h):
    """A double from the hex of its bit pattern (as `winnow verify` writes it)."""
    return struct.unpack(">d", bytes.fromhex(h))[0]


def verify(spark, records, pairs, cuts, freqs, winnow, partitions):
    """Links (`LINK_SCHEMA`): every verified direction of `pairs` (a, b) and every passing cut-lead
    candidate of `cuts` (q, c); `src` is the copy, `dst` what it copies.

    Work is spread by a hash of the pair, and each document's record goes once to every task
    that needs it (not once per pair): a document in 50,000 pairs travels to at most
    `partitions` tasks, so a viral story neither floods the shuffle nor lands on one task."""
    work = (pairs.select(F.lit("pair").alias("op"), F.col("a").alias("x"), F.col("b").alias("y"))
            .union(cuts.select(F.lit("cut").alias("op"), F.col("q").alias("x"), F.col("c").alias("y")))
            .withColumn("task", F.pmod(F.hash("x", "y"), F.lit(partitions))))
    needs = work.select(F.col("x").alias("pos"), "task").union(work.select(F.col("y").alias("pos"), "task")).distinct()
    # A page with an empty sketch has no shingle rows, hence no frequencies: an empty list.
    doc_lines = (needs.join(records.select("pos", "record"), "pos").join(freqs, "pos", "left")
                 .select("task", F.lit(0).alias("order"), F.to_json(F.struct(
                     F.col("pos").alias("doc"), F.coalesce("dfs", F.array().cast("array<long>")).alias("dfs"),
                     "record")).alias("line")))
    op_lines = work.select("task", F.lit(1).alias("order"), F.concat_ws("\t", "op", "x", "y").alias("line"))
    lines = doc_lines.union(op_lines).repartition(partitions, "task")

    def run(partition):
        with Workdir() as tmp:
            path = os.path.join(tmp, "verify.txt")
            if write_documents_first(partition, path)[1] == 0:
                return
            result, _ = winnow.run(["verify", path, "--out", "-"] + winnow.match_args, tmp)
        for line in result.decode("utf-8").splitlines():
            f = line.split("\t")
            if len(f) < 7 or f[0] != "link":
                continue
            cut = len(f) > 7 and f[7] == "cut"
            yield (int(f[1]), int(f[2]), f[3], int(f[4]), f[5], f[6], cut, hex_to_double(f[6]) if cut else 0.0)

    return spark.createDataFrame(lines.rdd.mapPartitions(run), LINK_SCHEMA)


class DocumentsFirst:
    """An input file for the binary, written documents first (it reads a document before the
    lines naming it): rows of order 0 (documents) go straight to `path`, the others (work) to a
    side file appended on `close`."""

    def __init__(self, path):
        self.path, self.documents, self.works = path, 0, 0
        self.docs = open(path, "w", encoding="utf-8")
        self.ops = open(path + ".work", "w", encoding="utf-8")

    def add(self, row):
        """Writes one row (`order`, `line`)."""
        if row["order"] == 0:
            self.docs.write(row["line"] + "\n")
            self.documents += 1
        else:
            self.ops.write(row["line"] + "\n")
            self.works += 1

    def close(self):
        """Appends the work lines after the documents."""
        self.ops.close()
        with open(self.path + ".work", encoding="utf-8") as ops:
            for line in ops:
                self.docs.write(line)
        self.docs.close()


def write_documents_first(rows, path):
    """Writes rows (order 0: documents, 1: work) to `path`, documents first. Returns how many
    documents and work lines it wrote."""
    out = DocumentsFirst(path)
    for r in rows:
        out.add(r)
    out.close()
    return out.documents, out.works


def final_links(links, cuts, docs):
    """The links clustering uses: every verified pair direction, plus for each excerpt page not
    already linked some other way to a page at least as full (sketch size) the cut-lead link with
    the largest share (ties: the candidate the index returned first), as `CandidateSearch.links`
    adds them. (`winnow resolve` then drops the cut-lead link of a page whose figures stand in place
    of its article's, as `CandidateSearch.withoutLeadLinksApart` does.)"""
    pair_links = links.where("NOT cut")
    sizes = docs.select("pos", F.size("sketch").alias("size"))
    # A pair told apart by its figures alone ("figures" links: a review, no copy) links nothing.
    linked = (pair_links.where("kind != 'figures'")
              .join(sizes.select(F.col("pos").alias("src"), F.col("size").alias("src_size")), "src")
              .join(sizes.select(F.col("pos").alias("dst"), F.col("size").alias("dst_size")), "dst")
              .where("dst_size >= src_size").select(F.col("src").alias("q")).distinct())
    ranked = (links.where("cut").withColumnRenamed("src", "q").withColumnRenamed("dst", "c")
              .join(cuts, ["q", "c"]).join(linked, "q", "left_anti"))
    best = Window.partitionBy("q").orderBy(F.col("share").desc(), F.col("first_p").asc(), F.col("c").asc())
    chosen = (ranked.withColumn("r", F.row_number().over(best)).where("r = 1")
              .select(F.col("q").alias("src"), F.col("c").alias("dst"), "kind", "hamming", "jaccard", "containment", "cut", "share"))
    return pair_links.union(chosen)
