"""Passes 1 and 2 of a staged run on Spark: line keys, exact line statistics, analysis records.

`winnow stats` on shards and `stats --merge` would count a story once per shard (a story
reposted on one site in several shards then looks like the site's template): measured on the
dev set, 4 shards already change 162 of 3,179 decision lines and lines F1. So the statistics
are counted exactly, as `LineStatistics.Builder` counts them in one process:

  * `winnow line-keys` prints each article's distinct line keys (and site-combined keys), its
    story and its site story;
  * Spark counts articles per site and per (site, language), distinct stories per site key and
    distinct site stories per key, over the whole batch (ids deduplicated as scan does);
  * each unit gets a small `WNLS` file with the batch's counts of just the keys its own articles
    look up (analysis looks up nothing else), plus batch totals;
  * `winnow analyze UNIT --stats UNIT.wnls` then gives every article the record `scan` gives it,
    and `winnow export-records` turns the records into rows.
"""
import json
import os

from pyspark import StorageLevel
from pyspark.sql import functions as F, types as T

from . import inputs, wnls
from .binary import Workdir, skipped_records

KEY_SCHEMA = T.StructType([
    T.StructField("pos", T.LongType(), False), T.StructField("unit", T.LongType(), False),
    T.StructField("id", T.StringType(), False), T.StructField("site", T.StringType(), False),
    T.StructField("language", T.StringType(), False), T.StructField("story", T.LongType(), False),
    T.StructField("site_story", T.LongType(), False),
    T.StructField("keys", T.ArrayType(T.LongType(), False), False),
    T.StructField("site_keys", T.ArrayType(T.LongType(), False), False),
])

RECORD_SCHEMA = T.StructType([
    T.StructField("pos", T.LongType(), False), T.StructField("id", T.StringType(), False),
    T.StructField("simhash", T.LongType(), False), T.StructField("exact", T.LongType(), False),
    T.StructField("tokens", T.LongType(), False), T.StructField("excerpt", T.BooleanType(), False),
    T.StructField("removed", T.BooleanType(), False), T.StructField("published_at", T.StringType(), True),
    T.StructField("has_title", T.BooleanType(), False), T.StructField("headline_only", T.BooleanType(), False),
    T.StructField("story", T.LongType(), True),
    T.StructField("sketch", T.ArrayType(T.LongType(), False), False),
    T.StructField("cut_lead", T.ArrayType(T.LongType(), False), False),
    T.StructField("record", T.StringType(), False),
    T.StructField("origin_file", T.StringType(), False), T.StructField("origin_line", T.LongType(), False),
])


def line_keys(spark, units, winnow, problems):
    """Pass 1: every article's line keys (DataFrame `KEY_SCHEMA`), ids unique (first wins)."""

    def run(partition):
        for unit_id, unit in partition:
            with Workdir() as work:
                path = inputs.write_unit(unit, work)
                out, err = winnow.run(["line-keys", path, "-q", "--out", "-"], work)
            problems.add(len(skipped_records(err)))
            for line in out.decode("utf-8").splitlines():
                if not line:
                    continue
                k = json.loads(line)
                yield (inputs.article_position(unit, k["line"]), unit_id, k["id"], k["site"], k["language"],
                       k["story"], k["site_story"], k["keys"], k["site_keys"])

    # Kept: the keys and the list of skipped duplicates both come from it (one binary run per unit).
    every = spark.createDataFrame(units.mapPartitions(run), KEY_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
    # Ids are unique across the batch: a later article with an earlier one's id is skipped, as scan skips it.
    first = every.groupBy("id").agg(F.min("pos").alias("pos"))
    return every.join(first, ["id", "pos"], "left_semi"), every


def batch_totals(keys):
    """Documents in the batch and per language (small: collected to the driver)."""
    per_language = {r["language"]: r["n"] for r in keys.groupBy("language").agg(F.count("*").alias("n")).collect()}
    return sum(per_language.values()), per_language


def unit_statistics(keys):
    """Per unit, the exact counts of the batch for the unit's sites and keys (rows to encode)."""
    site_docs = keys.groupBy("site").agg(F.count("*").alias("n"))
    site_language_docs = keys.groupBy("site", "language").agg(F.count("*").alias("n"))
    # Documents of one story count once per line (LineStatistics.Builder.distinctPerStory).
    site_key_docs = (keys.select(F.explode("site_keys").alias("key"), "story").distinct()
                     .groupBy("key").agg(F.count("*").alias("n")))
    key_docs = (keys.select(F.explode("keys").alias("key"), "site_story").distinct()
                .groupBy("key").agg(F.count("*").alias("n")))
    # Stories per key over all sites: a story counts once however many sites carry it.
    key_stories = (keys.select(F.explode("keys").alias("key"), "story").distinct()
                   .groupBy("key").agg(F.count("*").alias("n")))
    unit_sites = (keys.select("unit", "site").distinct().join(site_docs, "site")
                  .groupBy("unit").agg(F.collect_list(F.struct("site", "n")).alias("sites")))
    unit_site_languages = (keys.select("unit", "site", "language").distinct().join(site_language_docs, ["site", "language"])
                           .groupBy("unit").agg(F.collect_list(F.struct("site", "language", "n")).alias("site_languages")))
    unit_site_keys = (keys.select("unit", F.explode("site_keys").alias("key")).distinct().join(site_key_docs, "key")
                      .groupBy("unit").agg(F.collect_list(F.struct("key", "n")).alias("line_table")))
    unit_key_list = keys.select("unit", F.explode("keys").alias("key")).distinct()
    unit_keys = (unit_key_list.join(key_docs, "key")
                 .groupBy("unit").agg(F.collect_list(F.struct("key", "n")).alias("all_table")))
    unit_stories = (unit_key_list.join(key_stories, "key")
                    .groupBy("unit").agg(F.collect_list(F.struct("key", "n")).alias("stories_table")))
    # A unit whose pages have no text has sites but no keys: left joins keep it.
    return (unit_sites.join(unit_site_languages, "unit", "left").join(unit_site_keys, "unit", "left")
            .join(unit_keys, "unit", "left").join(unit_stories, "unit", "left"))


def encode_unit_statistics(row, total, per_language):
    """One unit's `WNLS` bytes."""
    def rows(name):
        return row[name] or []

    return wnls.encode(
        {r["site"]: r["n"] for r in rows("sites")},
        {(r["site"], r["language"]): r["n"] for r in rows("site_languages")},
        [(r["key"], r["n"]) for r in rows("line_table")],
        [(r["key"], r["n"]) for r in rows("all_table")],
        [(r["key"], r["n"]) for r in rows("stories_table")],
        total, per_language)


def analyze(spark, units, statistics, winnow, skip_positions):
    """Pass 2: each unit analysed with its statistics, records exported as rows (`RECORD_SCHEMA`).
    Articles at `skip_positions` (a later duplicate id in another unit) are dropped."""
    total, per_language = statistics["total"], statistics["per_language"]
    by_unit = statistics["rows"].rdd.map(lambda r: (r["unit"], encode_unit_statistics(r, total, per_language)))
    empty = wnls.encode({}, {}, [], [], [], total, per_language)
    skip = spark.sparkContext.broadcast(frozenset(skip_positions))

    def run(partition):
        for _, (unit, stats) in partition:
            with Workdir() as work:
                path = inputs.write_unit(unit, work)
                stats_path = os.path.join(work, "unit.wnls")
                with open(stats_path, "wb") as f:
                    f.write(stats if stats is not None else empty)
                records = os.path.join(work, "unit.wnar")
                winnow.run(["analyze", path, "--stats", stats_path, "--out", records, "-q"] + winnow.rule_args(), work,
                           capture=False)
                if not os.path.exists(records):
                    continue
                out, _ = winnow.run(["export-records", records, "--out", "-"], work)
            for line in out.decode("utf-8").splitlines():
                if not line:
                    continue
                r = json.loads(line)
                pos = inputs.article_position(unit, r["line"])
                if pos in skip.value:
                    continue
                origin_file, origin_line = inputs.article_origin(unit, r["line"])
                # In RECORD_SCHEMA order.
                yield (pos, r["id"], r["simhash"], r["exact"], r["tokens"], r["excerpt"], r["removed"], r["published_at"],
                       r["has_title"], r["headline_only"], r.get("story"), r["sketch"], r["cut_lead"], r["record"], origin_file, origin_line)

    joined = units.leftOuterJoin(by_unit)
    return spark.createDataFrame(joined.mapPartitions(run), RECORD_SCHEMA)
