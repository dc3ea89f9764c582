#!/usr/bin/env python3
"""A skewed crawl: a labelled set (make_corpus.py's crawl.jsonl + truth.json) plus one viral
story copied N times, to test that one hot key does not sink the Spark job.

    python3 make_skew.py --set dev-set --copies 50000 --out skew-set

The story is the set's first original article with at least six body lines. Half of the
copies are verbatim (one exact-duplicate group of N/2: one hot exact-hash key), half carry one
edited word each (near-duplicates with nearly equal SimHashes: hot SimHash buckets in every
table). Copies are spread over 20 sites. The truth puts every copy in the story's cluster.
"""
import argparse
import json
import os
import random

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"


def edit(text, rng):
    """The text with one word (or one Han character) of one long line replaced."""
    lines = text.split("\n")
    long_lines = [i for i, l in enumerate(lines) if len(l) >= 40] or [max(range(len(lines)), key=lambda i: len(lines[i]))]
    i = rng.choice(long_lines)
    line = lines[i]
    words = line.split(" ")
    if len(words) > 5:
        k = rng.randrange(len(words))
        # A word, never a number: a changed figure would make it another report, not a copy.
        words[k] = rng.choice(["notably", "reportedly", "officially", "recently", "largely", "initially", "briefly",
                               "formally", "mostly", "partly", "quietly", "openly", "jointly", "widely", "fully"])
        lines[i] = " ".join(words)
    else:
        k = rng.randrange(len(line))
        lines[i] = line[:k] + rng.choice(HAN) + line[k + 1:]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", required=True, help="folder with crawl.jsonl and truth.json")
    ap.add_argument("--copies", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(os.path.join(a.set, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    with open(os.path.join(a.set, "crawl.jsonl"), encoding="utf-8") as f:
        crawl = [json.loads(line) for line in f if line.strip()]
    story = next(d for d in crawl if truth[d["id"]]["role"] == "original" and truth[d["id"]]["kinds"].count("body") >= 6)
    info = truth[story["id"]]
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "crawl.jsonl"), "w", encoding="utf-8") as out:
        for d in crawl:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        for n in range(a.copies):
            copy = dict(story)
            copy["id"] = "viral-%06d" % n
            copy["source"] = "viral-%02d.example.com" % (n % 20)
            copy.pop("url", None)
            if n % 2:
                copy["text"] = edit(story["text"], rng)
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
            truth[copy["id"]] = {"cluster": info["cluster"], "role": "repost", "ops": ["viral"], "kinds": info["kinds"]}
    with open(os.path.join(a.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)
    print("%d documents (%d copies of %s) -> %s" % (len(crawl) + a.copies, a.copies, story["id"], a.out))


if __name__ == "__main__":
    main()
