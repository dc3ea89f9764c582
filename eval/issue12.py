#!/usr/bin/env python3
"""Helpers of eval/run-sets.sh (issue 12 evaluation sets).

  issue12.py bases    --corpus DIR --zh N --en N --seed S --out FILE
      a deterministic sample of the shared base articles (so that a set has enough of each language)
  issue12.py variants --set DIR --sites SITES.json --seed S
      rewrite the cut excerpts of a make_corpus crawl the way long-tail listings show them: cut
      marks that only end an excerpt are removed where make_corpus also put them in front,
      English excerpts get words glued where a listing collapsed line breaks ("itsexecutive"),
      Chinese ones a stray space at the wrap, and stand-alone excerpt pages of sites that
      rarely mark cuts lose their mark. Only text inside lines changes, so truth.json stays
      valid. Pages of sites seen fewer than --min-pages (2) times are dropped, and so are
      surplus pages (reposts first) of sites seen more than --max-pages (10) times, from both
      crawl.jsonl and truth.json. Writes DIR/variants.json (per stand-alone excerpt page: site, mark, glued, wrapspace).
  issue12.py figures --set DIR [--sites SITES.json]
      for the templated-report sets: a copy in which make_corpus changed a figure (op
      change_number, when the changed number is not part of a date) is a different report, so it
      gets a cluster of its own in truth.json (or, when the change made it another report of the
      set word for word, that report's); stand-alone excerpts
      that are also, word for word, the start of a report of another cluster (a near twin that
      differs only after the cut) are dropped, since no tool could tell where they belong.
      Writes DIR/reports.json (cluster -> base report and its twin) for the table.
  issue12.py table    --eval DIR NAME=SET_DIR:OUT_DIR ...
      one row of figures per scanned set (score.py's figures plus false merges and the causes
      of `review` decisions); writes OUT_DIR/issue12-details.txt with examples of each failure.
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from math import comb

TS = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
FURNITURE = {"nav", "meta", "disclaimer", "related"}
NUM = re.compile(r"\d+(?:[.,]\d+)*")
DATE_BEFORE = re.compile(r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]* $|\d+[年月]$|-$")
DATE_AFTER = re.compile(r"[年月日时:-]")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def site_key(doc_id):
    return doc_id.rsplit("-", 1)[0]


# ---------------------------------------------------------------- bases
def cmd_bases(a):
    r = random.Random(a.seed)
    out = []
    for lang, n in (("zh", a.zh), ("en", a.en)):
        docs = read_jsonl(os.path.join(a.corpus, f"{lang}_base.jsonl"))
        out += r.sample(docs, min(n, len(docs)))
    with open(a.out, "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- variants
def glue(text, r):
    """Collapse simulated line breaks of a listing without a space: one glued join per wrap width."""
    words = text.split(" ")
    width = r.randint(35, 70)
    out, col, glued = [words[0]], len(words[0]), 0
    for w in words[1:]:
        if col + 1 + len(w) > width and out[-1] and w:
            out[-1] += w
            col = len(w)
            glued += 1
        else:
            out.append(w)
            col += 1 + len(w)
    return " ".join(out), glued > 0


def wrapspace(text, r):
    width = r.randint(18, 36)
    parts = [text[i:i + width] for i in range(0, len(text), width)]
    return " ".join(parts), len(parts) > 1


def cmd_variants(a):
    with open(a.sites, encoding="utf-8") as f:
        sites = {s["key"]: s for s in json.load(f)}
    crawl_path = os.path.join(a.set, "crawl.jsonl")
    with open(os.path.join(a.set, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    docs = read_jsonl(crawl_path)
    r = random.Random(a.seed)
    # long-tail sites: keep each site between --min-pages and --max-pages pages (surplus reposts go first)
    by_site = defaultdict(list)
    for d in docs:
        if site_key(d["id"]) in sites:
            by_site[site_key(d["id"])].append(d["id"])
    drop = set()
    pref = {"repost": 0, "partial": 1, "original": 2, "excerpt_orphan": 3, "excerpt": 4}
    for key, members in sorted(by_site.items()):
        if len(members) < a.min_pages:
            drop.update(members)
        elif len(members) > a.max_pages:
            order = sorted(members, key=lambda i: (pref.get(truth[i]["role"], 5), r.random()))
            drop.update(order[: len(members) - a.max_pages])
    docs = [d for d in docs if d["id"] not in drop]
    truth = {i: t for i, t in truth.items() if i not in drop}
    variants = {}
    changed = 0
    for d in docs:
        site = sites.get(site_key(d["id"]))
        if site is None:
            continue
        t = truth[d["id"]]
        lines = d["text"].split("\n")
        kinds = t["kinds"]
        assert len(lines) == len(kinds), d["id"]
        standalone = t["role"] in ("excerpt", "excerpt_orphan")
        targets = [i for i, k in enumerate(kinds) if k == "body"] if standalone else []
        if site["related_style"] != "titles":
            targets += [i for i in range(len(lines) - 1)
                        if kinds[i] == "related" and kinds[i + 1] == "related" and TS.match(lines[i + 1]) and not TS.match(lines[i])]
        mark = site["ellipsis"]
        for i in targets:
            s = lines[i]
            if mark and site.get("x_suffix_only") and s.startswith(mark):
                s = s[len(mark):]
            is_doc = standalone and kinds[i] == "body"
            if is_doc and mark and s.endswith(mark) and r.random() > site.get("ellipsis_rate", 0.7):
                s = s[: -len(mark)]          # this site usually leaves the cut unmarked
            g = w = False
            if site["lang"] == "en" and r.random() < site.get("x_glue", 0):
                s, g = glue(s, r)
            if site["lang"] == "zh" and r.random() < site.get("x_wrapspace", 0):
                s, w = wrapspace(s, r)
            if s.strip() and s != lines[i]:
                lines[i] = s
                changed += 1
            if is_doc:
                variants[d["id"]] = {"site": site["key"], "mark": mark if mark and lines[i].endswith(mark) else "",
                                     "glued": g, "wrapspace": w}
        d["text"] = "\n".join(lines)
    tmp = crawl_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    os.replace(tmp, crawl_path)
    with open(os.path.join(a.set, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)
    with open(os.path.join(a.set, "variants.json"), "w", encoding="utf-8") as f:
        json.dump(variants, f, ensure_ascii=False, indent=0)
    print(f"variants: {len(drop)} pages dropped to keep {a.min_pages}-{a.max_pages} pages a site, {len(docs)} left; "
          f"{changed} excerpt lines rewritten; {len(variants)} stand-alone excerpt pages", file=sys.stderr)


# ---------------------------------------------------------------- figures
def cmd_figures(a):
    import opencc
    t2s = opencc.OpenCC("t2s")
    crawl_path = os.path.join(a.set, "crawl.jsonl")
    with open(os.path.join(a.set, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    docs = read_jsonl(crawl_path)
    def norm(s):
        return re.sub(r"\s+", "", t2s.convert(unicodedata.normalize("NFKC", s)))

    def body(d):
        return "\n".join(l for l, k in zip(d["text"].split("\n"), truth[d["id"]]["kinds"]) if k == "body")

    def figures(text):   # numbers that are not part of a date or time
        out = Counter()
        for m in NUM.finditer(text):
            before, after = text[: m.start()], text[m.end():]
            if not (DATE_BEFORE.search(before) or DATE_AFTER.match(after)):
                out[m.group()] += 1
        return out

    originals = {truth[d["id"]]["cluster"]: figures(norm(body(d))) for d in docs if truth[d["id"]]["role"] == "original"}
    # which report each cluster is, and which reports are near twins (for the false-merge count)
    bases = {norm(b["text"]): b for b in read_jsonl(os.path.join(a.set, "bases.jsonl"))}
    reports = {}
    for d in docs:
        b = bases.get(norm(body(d))) if truth[d["id"]]["role"] == "original" else None
        if b:
            reports[truth[d["id"]]["cluster"]] = {"base": b["id"], "twin_of": b.get("twin_of")}
    # the text each original states, to tell a changed copy that became another report verbatim
    original_of = {norm(body(d)): truth[d["id"]]["cluster"] for d in docs if truth[d["id"]]["role"] == "original"}
    split = 0
    changed_to = {}   # (report, figures gained) -> the cluster of the first copy changed that way
    for d in docs:
        t = truth[d["id"]]
        if "change_number" in t["ops"] and t["cluster"] in originals:
            text = norm(body(d))
            if text in original_of and original_of[text] != t["cluster"]:
                # the change made it another report of the set word for word (near twins differ
                # in one figure): a copy of that one
                t["cluster"] = original_of[text]
                split += 1
            elif figures(text) - originals[t["cluster"]]:   # a figure the report does not have
                # two copies of one report that gained the same figures are one report
                added = tuple(sorted((figures(text) - originals[t["cluster"]]).items()))
                t["cluster"] = changed_to.setdefault((t["cluster"], added), f"{t['cluster']}-n{d['id']}")
                split += 1

    marks = {"...", "…", "……"}
    if a.sites:
        with open(a.sites, encoding="utf-8") as f:
            marks |= {s["ellipsis"] for s in json.load(f)}
    marks = sorted({norm(m) for m in marks if norm(m)}, key=len, reverse=True)
    bodies = {}
    for d in docs:
        t = truth[d["id"]]
        if t["role"] not in ("excerpt", "excerpt_orphan"):
            body = "".join(l for l, k in zip(d["text"].split("\n"), t["kinds"]) if k == "body")
            bodies.setdefault(t["cluster"], []).append(norm(body))
    drop = set()
    for d in docs:
        t = truth[d["id"]]
        if t["role"] not in ("excerpt", "excerpt_orphan"):
            continue
        chunk = norm("".join(l for l, k in zip(d["text"].split("\n"), t["kinds"]) if k == "body"))
        for m in marks:
            if chunk.endswith(m):
                chunk = chunk[: -len(m)]
                break
        for m in marks:
            if chunk.startswith(m):
                chunk = chunk[len(m):]
                break
        if any(chunk and chunk in b for c, bs in bodies.items() if c != t["cluster"] for b in bs):
            drop.add(d["id"])
    docs = [d for d in docs if d["id"] not in drop]
    truth = {i: t for i, t in truth.items() if i not in drop}
    with open(crawl_path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(a.set, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)
    with open(os.path.join(a.set, "reports.json"), "w", encoding="utf-8") as f:
        json.dump(reports, f)
    print(f"figures: {split} copies with a changed figure split into clusters of their own; "
          f"{len(drop)} ambiguous excerpts dropped", file=sys.stderr)


# ---------------------------------------------------------------- table
def fmt(x, nd=3):
    return "  -" if x is None else f"{x:.{nd}f}".lstrip("0") if x < 1 else f"{x:.{nd - 1}f}"


def analyse(name, set_dir, out_dir, score_mod):
    with open(os.path.join(set_dir, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    dec = score_mod.load_decisions(os.path.join(out_dir, "decisions.jsonl"))
    s = score_mod.score(truth, dec)
    docs = {d["id"]: d for d in read_jsonl(os.path.join(set_dir, "crawl.jsonl"))}
    ids = sorted(truth)
    tl = {i: truth[i]["cluster"] for i in ids}
    pl = score_mod.predicted_clusters(ids, dec)
    pgroups, tgroups = defaultdict(list), defaultdict(list)
    for i in ids:
        pgroups[pl[i]].append(i)
        tgroups[tl[i]].append(i)
    tp = sum(comb(v, 2) for v in Counter((tl[i], pl[i]) for i in ids).values())
    fm_pairs = sum(comb(len(g), 2) for g in pgroups.values()) - tp
    fm_links = [i for i in ids if dec.get(i, {}).get("canonical") not in (None, "", i)
                and dec[i]["canonical"] in tl and tl[dec[i]["canonical"]] != tl[i]]

    rpath = os.path.join(set_dir, "reports.json")
    reports = json.load(open(rpath, encoding="utf-8")) if os.path.exists(rpath) else None

    def same_figures(ci, ck):
        """Two clusters that are the same templated report but for a figure or a name."""
        ri, rk = ci.split("-n")[0], ck.split("-n")[0]
        if ri == rk:
            return "changed-figure copy"
        bi, bk = (reports.get(ri) or {}), (reports.get(rk) or {})
        if bi and bk and (bi.get("twin_of") == bk["base"] or bk.get("twin_of") == bi["base"]):
            return "near twin"
        return ""

    fm_fig = sum(1 for i in fm_links if same_figures(tl[i], tl[dec[i]["canonical"]])) if reports is not None else None

    def lines_of(i):
        return docs[i]["text"].split("\n")

    det = [f"# {name}: {set_dir} scanned into {out_dir}", ""]
    det.append(f"## false merges: {len(fm_links)} documents linked to a document of another cluster ({fm_pairs} pairs)")
    for i in fm_links:
        c = dec[i]["canonical"]
        kind = same_figures(tl[i], tl[c]) if reports is not None else ""
        det.append(f"- {i} ({truth[i]['role']}, {tl[i]}) -> {c} ({truth[c]['role']}, {tl[c]}){' [' + kind + ']' if kind else ''}: {dec[i].get('decision')}; "
                   f"{'; '.join(dec[i].get('reasons', []))}")
        det.append(f"    {i} title: {docs[i]['title']}")
        det.append(f"    {c} title: {docs[c]['title']}")
        bi = [l for l, k in zip(lines_of(i), truth[i]['kinds']) if k == 'body']
        bc = [l for l, k in zip(lines_of(c), truth[c]['kinds']) if k == 'body']
        only_i, only_c = [l for l in bi if l not in bc], [l for l in bc if l not in bi]
        det.append(f"    body lines only in {i}: {' / '.join(only_i)[:240]}")
        det.append(f"    body lines only in {c}: {' / '.join(only_c)[:240]}")

    # stand-alone excerpt pages whose article is in the archive: linked or not, by cut style
    vpath = os.path.join(set_dir, "variants.json")
    variants = json.load(open(vpath, encoding="utf-8")) if os.path.exists(vpath) else {}
    exc = [i for i in ids if truth[i]["role"] == "excerpt" and len(tgroups[tl[i]]) > 1]
    linked = {i: any(pl[j] == pl[i] for j in tgroups[tl[i]] if j != i) for i in exc}
    buckets = {"glued": [], "nomark": [], "marked": []}
    for i in exc:
        v = variants.get(i)
        if v is None:
            continue
        buckets["glued" if v["glued"] else "nomark" if not v["mark"] else "marked"].append(linked[i])
    exc_by = "/".join(f"{sum(b) / len(b):.2f}".lstrip("0") if b else "-" for b in buckets.values())
    exc_n = "/".join(str(len(b)) for b in buckets.values())
    by_mark = defaultdict(list)
    for i in exc:
        if i in variants:
            by_mark[repr(variants[i]["mark"]) + ("+glued" if variants[i]["glued"] else "")
                    + ("+wrapspace" if variants[i]["wrapspace"] else "")].append(linked[i])
    missed = [i for i in exc if not linked[i]]
    det += ["", f"## excerpt pages not linked to their article: {len(missed)} of {len(exc)} "
                f"(glued/nomark/marked linked {exc_by}, of {exc_n})"]
    if by_mark:
        det.append("linked by cut mark: " + ", ".join(f"{m} {sum(v)}/{len(v)}" for m, v in sorted(by_mark.items())))
    for i in missed:
        body = [l for l, k in zip(lines_of(i), truth[i]["kinds"]) if k == "body"]
        stripped = [f"{f['line_start']}-{f['line_end']}:{f['rule']}" for f in dec.get(i, {}).get("findings", [])
                    if f.get("action") == "strip"]
        kept = [n for n, k in enumerate(truth[i]["kinds"], 1) if k in FURNITURE
                and not any(f.get("action") == "strip" and f["line_start"] <= n <= f["line_end"] for f in dec.get(i, {}).get("findings", []))]
        det.append(f"- {i} variant {variants.get(i)} decision {dec.get(i, {}).get('decision')} "
                   f"canonical {dec.get(i, {}).get('canonical')} reasons {dec.get(i, {}).get('reasons')}")
        det.append(f"    excerpt: {body[0][:160] if body else ''}")
        det.append(f"    furniture lines kept (not stripped): {[lines_of(i)[n - 1][:60] for n in kept][:8]}")
        det.append(f"    stripped: {stripped[:10]}")

    # review decisions: caused by a match in article text or in page furniture
    rev = [i for i in ids if dec.get(i, {}).get("decision") == "review"]
    cause = Counter()
    det += ["", f"## review decisions: {len(rev)}"]
    for i in rev:
        kinds = truth[i]["kinds"]
        hits = []
        for f in dec[i].get("findings", []) or []:
            if f.get("action") != "review":
                continue
            for n in range(int(f["line_start"]), int(f.get("line_end", f["line_start"])) + 1):
                if 1 <= n <= len(kinds):
                    hits.append((kinds[n - 1], f["rule"], lines_of(i)[n - 1]))
        body = any(k in ("body", "title") for k, _, _ in hits)
        figures = any(r.startswith("reads like a copy of") for r in dec[i].get("reasons", []))
        cause["body" if body else "furniture" if hits else "figures" if figures else "unknown"] += 1
        if figures and not hits:
            det.append(f"- {i} [figures] {dec[i]['reasons'][0][:160]}")
        for k, rule, text in hits[:3]:
            det.append(f"- {i} [{'body' if body else 'furniture'}] {rule} on a {k} line: {text[:120]}")
    with open(os.path.join(out_dir, "issue12-details.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(det) + "\n")

    site_pages = Counter(site_key(i) for i in ids if not i.startswith("raw-"))
    rr = s["recall_by_role"]
    return {
        "set": name, "docs": len(ids), "sites": len(site_pages),
        "pp": f"{min(site_pages.values())}-{max(site_pages.values())}" if site_pages else "-",
        "P": s["pairs"]["precision"], "R": s["pairs"]["recall"], "F1": s["pairs"]["f1"],
        "excR": rr.get("excerpt"), "partR": rr.get("partial"), "exc g/n/m": exc_by,
        "linP": s["lines"]["precision"], "linR": s["lines"]["recall"], "linF1": s["lines"]["f1"],
        "discR": s["line_recall_by_kind"].get("disclaimer"), "lost": s["lost_clusters"],
        "FMpairs": fm_pairs, "FMdocs": len(fm_links), "FMfig": "-" if fm_fig is None else fm_fig,
        "review": len(rev), "rv-body": cause["body"], "rv-furn": cause["furniture"], "rv-fig": cause["figures"],
    }


def cmd_table(a):
    sys.path.insert(0, a.eval)
    import score as score_mod  # the shared scorer (pairs, roles, lost, lines)
    rows = []
    for spec in a.sets:
        name, rest = spec.split("=", 1)
        set_dir, out_dir = rest.split(":", 1)
        rows.append(analyse(name, set_dir, out_dir, score_mod))
    cols = list(rows[0])
    cells = [[r[c] if isinstance(r[c], (str, int)) else fmt(r[c]) for c in cols] for r in rows]
    widths = [max(len(c), *(len(str(row[k])) for row in cells)) for k, c in enumerate(cols)]
    print("  ".join(c.rjust(w) if k else c.ljust(w) for k, (c, w) in enumerate(zip(cols, widths))))
    for row in cells:
        print("  ".join(str(v).rjust(w) if k else str(v).ljust(w) for k, (v, w) in enumerate(zip(row, widths))))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bases")
    b.add_argument("--corpus", required=True)
    b.add_argument("--zh", type=int, required=True)
    b.add_argument("--en", type=int, required=True)
    b.add_argument("--seed", type=int, required=True)
    b.add_argument("--out", required=True)
    v = sub.add_parser("variants")
    v.add_argument("--set", required=True)
    v.add_argument("--sites", required=True)
    v.add_argument("--seed", type=int, required=True)
    v.add_argument("--min-pages", type=int, default=2)
    v.add_argument("--max-pages", type=int, default=10)
    fg = sub.add_parser("figures")
    fg.add_argument("--set", required=True)
    fg.add_argument("--sites", help="site wrappers of the set (for their cut marks)")
    t = sub.add_parser("table")
    t.add_argument("--eval", required=True, help="folder of score.py")
    t.add_argument("sets", nargs="+", help="NAME=SET_DIR:OUT_DIR")
    a = ap.parse_args()
    {"bases": cmd_bases, "variants": cmd_variants, "figures": cmd_figures, "table": cmd_table}[a.cmd](a)


if __name__ == "__main__":
    main()
