"""Writing Winnow's line-statistics file (`WNLS`, version 2) from Python.

Layout (`Sources/WinnowCore/Records/LineStatisticsFile.swift`): the magic `WNLS`, a version
byte, then documents per site (count; each: string, varint), documents per (site, language)
(count; each: string, string, varint), then three count tables — documents per site-combined
line key, documents per line key over all sites, and stories per line key over all sites — each
as a count, the keys as 8 little-endian bytes, then the counts as varints. Strings are a varint
length and UTF-8 bytes; varints are unsigned LEB128. (Version 1 had no stories table: analysis
then never saw a notice recurring under many stories of small sites.)
"""
import struct

MAGIC = b"WNLS"
VERSION = 2
# A site no page can have (sites are hosts or `source` fields): it holds the documents of the
# sites a unit does not see, so that totals per language and overall stay those of the batch.
ELSEWHERE_SITE = "\u0001winnow-spark:elsewhere"


def varint(value, out):
    """Appends an unsigned LEB128 varint."""
    v = max(0, int(value))
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)


def string(s, out):
    """Appends a length-prefixed UTF-8 string."""
    data = s.encode("utf-8")
    varint(len(data), out)
    out.extend(data)


def table(pairs, out):
    """Appends a count table: keys (signed 64-bit as Spark holds them) then counts."""
    pairs = sorted((k & 0xFFFFFFFFFFFFFFFF, n) for k, n in pairs)
    varint(len(pairs), out)
    for k, _ in pairs:
        out.extend(struct.pack("<Q", k))
    for _, n in pairs:
        varint(n, out)


def encode(sites, site_languages, line_table, all_sites_table, stories_table, total_documents, documents_per_language):
    """A statistics file holding the batch's exact counts for what one unit looks up.

    `sites` {site: documents} and `site_languages` {(site, language): documents} are the unit's
    sites; `line_table`, `all_sites_table` and `stories_table` are (key, count) pairs for the unit's keys;
    `total_documents` and `documents_per_language` are the whole batch's. The documents of other
    sites go to `ELSEWHERE_SITE`, which no lookup names."""
    out = bytearray(MAGIC)
    out.append(VERSION)
    sites = dict(sites)
    rest = total_documents - sum(sites.values())
    if rest > 0:
        sites[ELSEWHERE_SITE] = rest
    varint(len(sites), out)
    for site in sorted(sites):
        string(site, out)
        varint(sites[site], out)
    languages = dict(site_languages)
    for language, n in documents_per_language.items():
        rest = n - sum(v for (s, l), v in site_languages.items() if l == language)
        if rest > 0:
            languages[(ELSEWHERE_SITE, language)] = rest
    varint(len(languages), out)
    for site, language in sorted(languages):
        string(site, out)
        string(language, out)
        varint(languages[(site, language)], out)
    table(line_table, out)
    table(all_sites_table, out)
    table(stories_table, out)
    return bytes(out)
