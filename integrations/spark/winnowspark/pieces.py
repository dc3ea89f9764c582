"""Giant link components cut into pieces that resolve apart, with the same decisions.

One component is one `winnow resolve` run, so a story reposted 50,000 times with small edits
(tens of thousands of distinct texts, one component) would be clustered and decided by one task.
Above `--resolve-max` documents a component is planned instead, from its links alone (integers,
no records), in one executor task as the union-find of `components` is:

1. **Stars.** `Clusterer`'s first step is a greedy pass in its visiting order (full pages
   before excerpts, larger before smaller, earliest, id): an unassigned document becomes a centre
   and takes every unassigned document linked to it as an exact or near duplicate. The plan runs
   the same pass over the component's duplicate links: each document gets its centre.
2. **Pieces.** Connected components of: each document with its centre, each exact copy with its
   representative, and every other link (partial copies and excerpts, which move whole clusters
   in the clusterer's second step; figure conflicts, which the decider reads at both ends). A
   centre left alone may join the cluster whose canonical it duplicates (`Clusterer.
   joinCanonicals`): linked to the canonical of exactly one star alone in its piece, it is that
   star's *joiner*; otherwise its piece is joined to the pieces of what it duplicates.
   A piece is a union of whole stars closed under every step that looks beyond a star, and the
   greedy pass restricted to whole stars picks the same centres (a document's centre is in its
   piece; a centre outside it could not have taken it), so resolving a piece alone gives each
   of its documents the decision the whole component gives it.
3. **Chunks.** A piece that is one star and its exact copies, with no other link, is one
   cluster: its canonical is the earliest among the centre and its full near-equal members
   (computed here as `Clusterer.canonical` computes it), and each member's decision is its
   re-verification against that canonical. Such a star is split into chunks of its members;
   every chunk also receives the centre and the canonical (decided in the first chunk only), and
   the centre's `hidden` count carries the members of the other chunks, so every chunk states
   the cluster's true size. Its joiners go to every chunk too: whether one joins depends on the
   centre and the canonical alone, so every chunk decides it alike and counts it alike.

Pieces that are larger still (a star whose excerpts link it to others) are resolved whole.
"""
from collections import defaultdict

from pyspark.sql import functions as F, types as T

from .unionfind import UnionFind
from .verify import hex_to_double

PLAN_SCHEMA = T.StructType([
    T.StructField("pos", T.LongType(), False), T.StructField("unit", T.StringType(), False),
    T.StructField("emit", T.BooleanType(), False), T.StructField("extra", T.LongType(), False),
])

DUPLICATE_KINDS = ("exact", "near-duplicate")

# `Clusterer.canonical`: a full copy at least this share of the centre's size may be the canonical.
CANONICAL_SIZE_SHARE = 0.95


def plan(spark, placed, docs, links, resolve_max, jaccard):
    """(pos, unit, emit, extra) for the documents of components with more than `resolve_max`
    documents in `placed` (pos, comp, copy_of, hidden): the resolve unit each goes to (a
    document may go to several: `emit` says which one writes its decision) and the copies a
    unit's centre counts beyond its own (`extra`). `links` are the clustering links."""
    counts = placed.groupBy("comp").agg(F.count("*").alias("n"))
    giant = counts.where(F.col("n") > resolve_max).select("comp")
    keys = docs.select("pos", "excerpt", F.size("sketch").alias("size"), "published_at", "id")
    members = placed.select("pos", "comp", "copy_of", "hidden").join(giant, "comp", "left_semi").join(keys, "pos")
    doc_items = members.rdd.map(lambda r: ("d", r["pos"], r["excerpt"], r["size"], r["published_at"], r["id"],
                                           r["copy_of"], r["hidden"] or 0))
    link_items = (links.join(members.select(F.col("pos").alias("src")), "src", "left_semi")
                  .rdd.map(lambda r: ("l", r["src"], r["dst"], r["kind"], r["jaccard"])))
    planned = doc_items.union(link_items).repartition(1).mapPartitions(lambda rows: plan_pieces(rows, resolve_max, jaccard))
    return spark.createDataFrame(planned, PLAN_SCHEMA)


def visiting_key(doc):
    """`Clusterer.precedes`: full pages first, larger first, then `Clusterer.earlier`."""
    return (doc["excerpt"], -doc["size"]) + earlier_key(doc)


def earlier_key(doc):
    """`Clusterer.earlier`: earliest `published_at` first (missing dates last), then id."""
    return (doc["published"] is None, doc["published"] or "", doc["id"])


def is_duplicate_link(kind, jaccard_hex, jaccard):
    """A link the clusterer's greedy pass follows: exact, near duplicate, or a partial copy at
    the near-duplicate Jaccard threshold."""
    if kind in DUPLICATE_KINDS:
        return True
    return kind == "partial" and hex_to_double(jaccard_hex) >= jaccard


def plan_pieces(rows, resolve_max, jaccard):
    """The plan rows for one partition holding every document and link of the giant components."""
    docs, duplicate_links, other_links = {}, [], []
    for r in rows:
        if r[0] == "d":
            docs[r[1]] = {"excerpt": r[2], "size": r[3], "published": r[4], "id": r[5], "copy_of": r[6], "hidden": r[7]}
        elif is_duplicate_link(r[3], r[4], jaccard):
            duplicate_links.append((r[1], r[2], r[3]))
        else:
            other_links.append((r[1], r[2]))
    copies = {p: d["copy_of"] for p, d in docs.items() if d["copy_of"] is not None}
    centre, kind_to_centre = stars(docs, copies, duplicate_links)
    sets = UnionFind(docs)
    for p, c in centre.items():
        sets.union(p, c)
    for copy, rep in copies.items():
        if rep in sets:
            sets.union(copy, rep)
    linked = set()

    def join(a, b):
        sets.union(a, b)
        linked.update((a, b))

    for src, dst in other_links:
        if src in sets and dst in sets:
            join(src, dst)
    # A centre left alone may join the cluster whose canonical it duplicates
    # (`Clusterer.joinCanonicals`). Into a star alone in its piece (its canonical known here) it
    # goes as a joiner, copied into each of the star's chunks; anywhere else its piece is joined.
    simple = {}
    for piece in grouped(docs, sets).values():
        heads = [p for p in piece if centre.get(p) == p]
        if len(heads) == 1 and not any(p in linked for p in piece):
            simple[heads[0]] = canonical_of(heads[0], piece, docs, copies, kind_to_centre)
    taken = {c for p, c in centre.items() if p != c}
    populated = taken | set(copies.values())  # clusters with members: their canonicals are targets
    targets = defaultdict(set)
    for src, dst, _ in duplicate_links:
        # The clusterer ignores links touching an exact copy, and a lone centre's links only lead somewhere.
        if centre.get(src) == src and src not in taken and dst in docs and dst not in copies:
            targets[src].add(dst)
    joiners = defaultdict(list)
    for d, ts in targets.items():
        into = {centre[t] for t in ts if centre.get(t) in simple and centre[t] in populated and simple[centre[t]] == t}
        beyond = [t for t in ts if centre.get(t) not in simple or (centre[t] not in taken and centre[t] in populated)]
        if len(into) == 1 and not beyond and d in simple and d not in populated:
            joiners[into.pop()].append(d)
        else:
            for t in beyond + [simple[c] for c in into]:
                join(d, t)
    for head, ds in joiners.items():
        for d in ds:
            sets.union(head, d)  # resolved with the star: whole, or copied into each chunk
    for label, piece in grouped(docs, sets).items():
        heads = [p for p in piece if centre.get(p) == p and p in simple and p in taken]
        if len(piece) <= resolve_max or any(p in linked for p in piece) or len(heads) != 1:
            for p in piece:
                yield (p, str(label), True, 0)
        else:
            yield from chunks(label, heads[0], piece, docs, copies, kind_to_centre, set(joiners[heads[0]]), resolve_max)


def grouped(docs, sets):
    """Documents by the root of their set."""
    out = defaultdict(list)
    for p in docs:
        out[sets.root(p)].append(p)
    return out


def canonical_of(c, piece, docs, copies, kind_to_centre):
    """`Clusterer.canonical` of the star of centre `c` (with its exact copies) in `piece`: the
    earliest among the centre and its full near-equal members."""
    def kind(x):
        if x in copies:
            rep = copies[x]
            return "exact" if rep == c else kind_to_centre.get(rep)
        return kind_to_centre.get(x)

    full = docs[c]["size"] * CANONICAL_SIZE_SHARE
    candidates = [c] + [x for x in piece if x != c and kind(x) in DUPLICATE_KINDS
                        and not docs[x]["excerpt"] and docs[x]["size"] >= full]
    return min(candidates, key=lambda p: earlier_key(docs[p]))


def stars(docs, copies, duplicate_links):
    """Each clustered document's centre (`Clusterer`'s greedy pass), and the kind of each
    member's link to its centre. Exact copies are left to follow their representative."""
    duplicates_of = defaultdict(list)
    kinds = {}
    for src, dst, kind in duplicate_links:
        if src in copies or dst in copies or src not in docs or dst not in docs:
            continue
        duplicates_of[dst].append(src)
        kinds[(src, dst)] = kind
    centre, kind_to_centre = {}, {}
    for d in sorted((p for p in docs if p not in copies), key=lambda p: visiting_key(docs[p])):
        if d in centre:
            continue
        centre[d] = d
        for v in duplicates_of[d]:
            if v not in centre:
                centre[v] = d
                kind_to_centre[v] = kinds[(v, d)]
    return centre, kind_to_centre


def chunks(label, c, piece, docs, copies, kind_to_centre, joiners, resolve_max):
    """Plan rows splitting one star of centre `c` (its exact copies, and the lone centres that
    may join it with theirs) over several resolve units."""
    star = [p for p in piece if p not in joiners and copies.get(p) not in joiners]
    canonical = canonical_of(c, star, docs, copies, kind_to_centre)
    replicated = [c]
    if canonical != c:
        replicated.append(canonical)
        if canonical in copies and copies[canonical] != c:
            replicated.append(copies[canonical])
    # Whether a lone centre joins depends on the centre and the canonical only: every chunk
    # decides it alike, and counts it alike in the cluster's size.
    replicated += sorted(p for p in piece if p in joiners or copies.get(p) in joiners)
    # A copy travels with its representative (resolve needs both), unless that is in every chunk.
    groups = defaultdict(list)
    for x in sorted(p for p in piece if p not in replicated):
        rep = copies.get(x)
        groups[rep if rep is not None and rep not in replicated else x].append(x)
    room = max(1, resolve_max - len(replicated))
    planned, current = [], []
    for anchor in sorted(groups):
        if current and len(current) + len(groups[anchor]) > room:
            planned.append(current)
            current = []
        current.extend(groups[anchor])
    if current:
        planned.append(current)
    weight = {x: 1 + docs[x]["hidden"] for x in piece}
    total = sum(weight[x] for x in piece if x not in replicated)
    for j, chunk in enumerate(planned):
        unit = "%d.%d" % (label, j)
        for x in chunk:
            yield (x, unit, True, 0)
        elsewhere = total - sum(weight[x] for x in chunk)
        for x in replicated:
            yield (x, unit, j == 0, elsewhere if x == c else 0)
