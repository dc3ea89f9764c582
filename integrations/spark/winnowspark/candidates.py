"""Candidate search as Spark joins: what `CandidateSearch` does in one process.

* Exact copies: documents with the same token-sequence hash and token count (rules' removals
  left out) take part through their first document, the representative.
* Frequency of each sampled shingle over the representatives' sketches: in stories, the IDF
  weights of verification; in documents, the posting lists of the containment index.
* SimHash blocked tables (Manku et al.; `SimHashIndex`): k + 2 blocks, one table per choice of
  `blocks - k` of them; two fingerprints within Hamming distance k agree on all blocks of at
  least one table, so the table key (the fingerprint masked to its blocks) is a join key and
  `bit_count(a ^ b) <= k` the check. Each query keeps its 64 nearest hits (distance, then
  position), as `SimHashIndex.query(limit:)` does, and where more than 64 documents share a key
  also meets the key's 8 first documents in clustering order (`CandidateSearch.crowdLeaders`).
* Containment index (`ContainmentIndex`): a query probes its 24 smallest sampled shingles
  (bottom-k), skipping shingles held by more than `max_postings` documents; a document sharing at
  least 34 % of the probes used is a candidate, 64 at most. In Spark: a join of probes with
  posting lists.
* Cut-off leads (`CandidateSearch.cutLeadLinks`): the same probe join from an excerpt page's cut
  line to full articles with a headline.

Skew: a viral story or a site template makes a few join keys enormous. Posting lists are capped
(`max_postings`, as the index caps them), so a shingle key joins at most `max_postings^2` rows. A
SimHash bucket holding more than `hot_bucket` documents is "hot": its members (exact copies left
out) are compared with its `hot_leaders` leaders only (fullest documents first, as clustering
visits them, so the centre a cluster grows around is among them), members spread over salted
sub-keys of at most `salt_rows` rows, leaders replicated to each salt. Below `hot_bucket` the
search is exactly scan's; above, a member links to the leaders rather than to its 64 nearest.
"""
import itertools

from pyspark.sql import Window, functions as F

PROBES = 24              # ContainmentIndex.probe
CANDIDATE_SHARE = 0.34   # MatchSettings.candidateShare
MAX_CANDIDATES = 64      # MatchSettings.maxCandidates
MAX_CONTAINMENT = 64     # MatchSettings.maxContainmentCandidates
CROWD_LEADERS = 8        # MatchSettings.crowdLeaders


def signed(v):
    """An unsigned 64-bit value as the signed long Spark holds."""
    return v - (1 << 64) if v >= 1 << 63 else v


def table_masks(k):
    """The blocked tables of `SimHashIndex(maxDistance: k)` as bit masks: k + 2 blocks (the first
    64 % blocks one bit wider), one table per choice of blocks - k of them."""
    blocks = k + 2
    bounds, start = [], 0
    for i in range(blocks):
        width = 64 // blocks + (1 if i < 64 % blocks else 0)
        bounds.append((start, width))
        start += width
    masks = []
    for chosen in itertools.combinations(range(blocks), blocks - k):
        mask = 0
        for i in chosen:
            shift, width = bounds[i]
            mask |= ((1 << width) - 1) << shift
        masks.append(signed(mask))
    return masks


def exact_copies(records):
    """(pos, copy_of): each exact copy and its representative (the first full page of its group,
    else its first page: `CandidateSearch.exactCopies`)."""
    # A page left with its headline alone is nobody's copy (`Fingerprint.isHeadlineOnly`).
    eligible = records.where("tokens > 0 AND NOT removed AND NOT headline_only").select("pos", "exact", "tokens", "excerpt")
    first_full = F.min(F.when(~F.col("excerpt"), F.col("pos")))
    reps = eligible.groupBy("exact", "tokens").agg(F.coalesce(first_full, F.min("pos")).alias("rep"))
    return eligible.join(reps, ["exact", "tokens"]).where("pos != rep").select("pos", F.col("rep").alias("copy_of"))


def shingles(docs):
    """(pos, k, s, story): every sampled shingle of every representative, with its place in the
    sketch and the story it tells (`Fingerprint.story`; a page without a headline is a story of
    its own)."""
    story = F.coalesce(F.col("story").cast("string"), F.concat(F.lit("#"), F.col("pos").cast("string")))
    return docs.where("copy_of IS NULL").select("pos", story.alias("story"), F.posexplode("sketch").alias("k", "s"))


def document_frequencies(sh):
    """(s, df, sf): in how many representatives' sketches each shingle occurs (the posting
    lists' length) and in how many stories (what its weight counts: `ContainmentIndex`)."""
    return sh.groupBy("s").agg(F.count("*").alias("df"), F.countDistinct("story").alias("sf"))


def with_frequencies(sh, dfs):
    """(pos, k, s, df, sf): shingle rows with their document and story frequencies (one shuffle,
    reused by the posting lists and by the weights of verification)."""
    return sh.join(dfs, "s")


def postings(sh_df, max_postings):
    """(s, c): posting lists of the shingles held by at most `max_postings` documents."""
    return sh_df.where(F.col("df") <= max_postings).select("s", F.col("pos").alias("c"))


def probe_hits(probes, dfs, post, max_postings, min_df):
    """Candidates of probe rows (q, p, s): documents hit by at least 34 % of the probes used
    (probes whose shingle is held by at most `max_postings` documents). Returns (q, c, first_p,
    hits): `first_p`, the first probe that found c, orders candidates as the index returns them;
    `hits`, the probes that found it."""
    with_df = probes.join(dfs, "s", "left").withColumn("df", F.coalesce("df", F.lit(0)))
    usable = with_df.where(F.col("df") <= max_postings)
    need = (usable.groupBy("q").agg(F.count("*").alias("used"))
            .select("q", F.greatest(F.lit(1), F.ceil(F.col("used") * CANDIDATE_SHARE)).alias("need")))
    hits = (usable.where(F.col("df") >= min_df).select("q", "p", "s").join(post, "s")
            .where("c != q").groupBy("q", "c").agg(F.count("*").alias("hits"), F.min("p").alias("first_p")))
    return hits.join(need, "q").where("hits >= need").select("q", "c", "first_p", "hits")


def containment_pairs(docs, dfs, post, max_postings):
    """(a, b), a < b: pairs from the containment index."""
    probes = (docs.where("tokens > 0 AND copy_of IS NULL")
              .select(F.col("pos").alias("q"), F.posexplode(F.slice("sketch", 1, PROBES)).alias("p", "s")))
    # A probe's own shingle is in its own sketch: a posting list of one holds only the query.
    hits = probe_hits(probes, dfs, post, max_postings, min_df=2)
    # At most 64 per query, those sharing the most probes (then the lowest position), as in scan.
    best = Window.partitionBy("q").orderBy(F.col("hits").desc(), F.col("c").asc())
    kept = hits.withColumn("r", F.row_number().over(best)).where(F.col("r") <= MAX_CONTAINMENT)
    return kept.select(F.least("q", "c").alias("a"), F.greatest("q", "c").alias("b"))


def cut_lead_candidates(docs, dfs, post, max_postings):
    """(q, c, first_p): full articles with a headline that an excerpt page's cut line may start."""
    # Analysis only gives a lead line to pages whose own text is not much more than that line.
    queries = docs.where("size(cut_lead) > 0 AND has_title AND copy_of IS NULL")
    probes = queries.select(F.col("pos").alias("q"), F.posexplode(F.slice("cut_lead", 1, PROBES)).alias("p", "s"))
    hits = probe_hits(probes, dfs, post, max_postings, min_df=1)
    targets = docs.where("NOT excerpt AND has_title AND copy_of IS NULL").select(F.col("pos").alias("c"))
    return hits.join(targets, "c", "left_semi").select("q", "c", "first_p")


def simhash_pairs(docs, k, hot_bucket, hot_leaders, salt_rows):
    """(a, b), a < b: pairs from the SimHash blocked tables, each query's 64 nearest hits, plus
    the leaders of crowded keys."""
    masks = table_masks(k)
    keyed = docs.select(
        "pos", "simhash", "excerpt", F.size("sketch").alias("size"),
        (F.col("copy_of").isNull() & (F.col("tokens") > 0)).alias("query"),
        F.explode(F.array(*[F.struct(F.lit(t).alias("t"), F.col("simhash").bitwiseAND(F.lit(m)).alias("key"))
                            for t, m in enumerate(masks)])).alias("tk")).select("pos", "simhash", "excerpt", "size", "query", "tk.t", "tk.key")
    sizes = keyed.groupBy("t", "key").agg(F.count("*").alias("m"))
    keyed = keyed.join(sizes, ["t", "key"])
    near = F.expr("bit_count(a.simhash ^ b.simhash)")

    # Ordinary buckets: every pair inside, checked.
    small = keyed.where(F.col("m") <= hot_bucket).select("t", "key", "pos", "simhash")
    inside = (small.alias("a").join(small.alias("b"), ["t", "key"]).where("a.pos < b.pos")
              .select(F.col("a.pos").alias("x"), F.col("b.pos").alias("y"), near.alias("d")))

    # Hot buckets: members against the bucket's leaders, members salted, leaders replicated.
    # Exact copies are left out here (they are never candidates, only rivals for the 64 places).
    # Crowded keys (more than 64 documents, hot ones among them) rank their queries once, in the
    # order clustering visits them: hot keys take their leaders, every crowded key its crowd leaders.
    ranked_keys = (keyed.where((F.col("m") > min(hot_bucket, MAX_CANDIDATES)) & F.col("query"))
                   .withColumn("salts", F.ceil(F.col("m") / salt_rows).cast("int")))
    rank = Window.partitionBy("t", "key").orderBy(F.col("excerpt").asc(), F.col("size").desc(), F.col("pos").asc())
    ranked = ranked_keys.withColumn("r", F.row_number().over(rank)).where(F.col("r") <= max(hot_leaders, CROWD_LEADERS))
    hot = ranked_keys.where(F.col("m") > hot_bucket)
    crowded = ranked_keys.where(F.col("m") > MAX_CANDIDATES)
    leaders = (ranked.where((F.col("m") > hot_bucket) & (F.col("r") <= hot_leaders))
               .select("t", "key", "pos", "simhash", F.explode(F.sequence(F.lit(0), F.col("salts") - 1)).alias("salt")))
    # A document hot in several tables (a viral story is hot in all of them) meets the leaders of
    # its first hot table only: the same leaders, compared once instead of once per table.
    first_hot = hot.groupBy("pos").agg(F.min("t").alias("t"))
    members = (hot.join(first_hot, ["pos", "t"], "left_semi")
               .select("t", "key", "pos", "simhash", F.pmod("pos", F.col("salts")).cast("int").alias("salt")))
    across = (members.alias("a").join(leaders.alias("b"), ["t", "key", "salt"]).where("a.pos != b.pos")
              .select(F.col("a.pos").alias("x"), F.col("b.pos").alias("y"), near.alias("d")))

    found = inside.union(across).where(F.col("d") <= k)
    hits = (found.select(F.col("x").alias("q"), F.col("y").alias("c"), "d")
            .union(found.select(F.col("y").alias("q"), F.col("x").alias("c"), "d")).distinct())
    queries = docs.where("tokens > 0 AND copy_of IS NULL").select("pos")
    # A query finds itself too (distance 0), and that takes one of its 64 places, as in scan.
    hits = hits.join(queries.select(F.col("pos").alias("q")), "q", "left_semi").union(
        queries.select(F.col("pos").alias("q"), F.col("pos").alias("c"), F.lit(0).alias("d")))
    nearest = Window.partitionBy("q").orderBy("d", "c")
    kept = hits.withColumn("r", F.row_number().over(nearest)).where(F.col("r") <= MAX_CANDIDATES)
    eligible = queries.select(F.col("pos").alias("c"))
    kept = kept.where("c != q").join(eligible, "c", "left_semi").select("q", "c")

    # Every query of a crowded key also meets the key's first 8 queries in clustering order
    # (`MatchSettings.crowdLeaders`), in every table, as in scan; members salted and leaders
    # replicated as above, so a hot key is no single task.
    crowd_leaders = (ranked.where((F.col("m") > MAX_CANDIDATES) & (F.col("r") <= CROWD_LEADERS))
                     .select("t", "key", F.col("pos").alias("c"), F.col("simhash").alias("cs"),
                             F.explode(F.sequence(F.lit(0), F.col("salts") - 1)).alias("salt")))
    crowd = (crowded.select("t", "key", F.col("pos").alias("q"), "simhash", F.pmod("pos", F.col("salts")).cast("int").alias("salt"))
             .join(crowd_leaders, ["t", "key", "salt"])
             .where(F.col("q") != F.col("c")).where(F.expr("bit_count(simhash ^ cs)") <= k).select("q", "c"))
    kept = kept.union(crowd)
    return kept.select(F.least("q", "c").alias("a"), F.greatest("q", "c").alias("b"))
