#!/usr/bin/env python3
"""Writes the hand-made seed corpus of the fuzz targets to Fuzz/corpus/<target>/.

Every seed is written here (nothing is copied from a real crawl), so the corpus can be
regenerated and reviewed: `python3 Fuzz/make-seeds.py`. Gzip seeds use mtime 0 so the
files are byte-for-byte reproducible.
"""
import gzip
import io
import os
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def gz(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as f:
        f.write(data)
    return out.getvalue()


def write(target: str, name: str, data) -> None:
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>河畔步道夜间照明改造完成 - 河畔晚报</title>
<meta property="og:title" content="河畔步道夜间照明改造完成">
<link rel="canonical" href="https://news.example/city/1.html">
<meta property="article:published_time" content="2025-04-20T18:30:00+08:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-20"}</script>
<style>.x{display:none}</style></head>
<body><nav><ul><li><a href="/">首页</a></li><li><a href="/city">城市</a></li></ul></nav>
<article><h1>河畔步道夜间照明改造完成</h1>
<p class="byline">记者 林晓 <time datetime="2025-04-20">2025-04-20</time></p>
<p>河畔步道的夜间照明改造日前完工，沿河新增的三处休息平台也将同步开放。</p>
<p>平台配有饮水点和自行车停放架，<b>方便</b>市民<a href="/t">夜跑</a>和散步。</p>
<figure><img src="a.jpg" alt="步道"><figcaption>改造后的步道（摄影：王青）</figcaption></figure>
</article>
<aside class="related"><h3>相关阅读</h3><ul><li><a href="/2">社区食堂开进老街区</a></li></ul></aside>
<footer>版权所有 © 2025 河畔晚报 未经授权禁止转载</footer></body></html>
"""

PAGE_EN = """<html><head><title>Council approves budget | Riverside Post</title>
<meta name="description" content="The council approved the budget."></head>
<body><div id="header">Subscribe<a>Sign In</a><a>Menu</a></div>
<div class="content"><h2>Council approves budget</h2>
<p>The city council voted 7-2 on Tuesday to approve next year&#39;s budget &amp; plans.</p>
<pre>line one
  line two\ttabbed</pre>
<table><tr><td>Votes</td><td>7</td></tr><tr><th>Against</th><td>2</td></tr></table>
<div hidden>hidden text</div><span aria-hidden="true">icon</span>
<div style="display:block">block span</div><br>after break&nbsp;&#x3000;wide
<noscript>enable js</noscript><template><p>tpl</p></template>
<!-- a comment --><p>Share this article</p></div></body></html>
"""

GBK_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
            '<title>测试新闻</title></head><body><p>这是一段用国标编码写的正文，共有两句。</p>'
            '<p>第二段：天气晴朗。</p></body></html>').encode("gbk")

MALFORMED = ("<html><body>" + "<div><span>" * 60 + "深层嵌套" + "</span></div>" * 20
             + "<p>unclosed <b>bold <i>both</p> text</b> after<table><td>cell<tr>row"
             + "<a href=\"x\">link<a href=y>link2</a>"
             + "\x00\x01 control \u200b zero-width \ufeff bom"
             + "<![CDATA[cdata]]><?php echo 1 ?><svg><text>svg</text></svg>"
             + "<iframe>frame</iframe><textarea>keep\n  spaces</textarea>")


def jsonl_seeds() -> None:
    lines = [
        '{"id":"a1","text":"第一段正文。\\n第二段：天气晴朗。","title":"标题","url":"https://news.example/a","published_at":"2025-04-20","source":"河畔晚报"}',
        '{"id":42,"text":"Integer id, \\"escaped\\" quotes, tab\\t and \\u00e9\\ud83d\\ude00."}',
        '  {"text": "fields in another order", "id": "a3", "extra": {"nested": [1, 2, {"k": null}]}, "n": -1.5e3, "b": true}',
        '{"id":"a4","text":"   "}',
        '{"id":"a5"}',
        'not json at all',
        '{"id":"a1","text":"duplicate id"}',
        '',
        '[1,2,3]',
    ]
    write("jsonl", "records.jsonl", "\n".join(lines) + "\n")
    write("jsonl", "crlf.jsonl", '{"id":"c1","text":"Windows line\\r\\nends"}\r\n{"id":"c2","text":"second"}\r\n')
    write("jsonl", "invalid-utf8.jsonl", b'{"id":"u1","text":"bad \xff\xfe bytes \xe4\xb8 cut"}\n{"id":"u2","text":"\xc3\xa9t\xc3\xa9"}')
    write("jsonl", "gzip.jsonl.gz", gz('{"id":"g1","text":"压缩的记录"}\n{"id":"g2","text":"second record"}\n'.encode()))
    write("jsonl", "escapes.jsonl", '{"id":"e\\u0041","text":"\\/\\b\\f\\n\\r\\t\\\\ \\ud800 lone","title":null,"url":7}\n')


def http_response(body: bytes, headers: list[str], status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode() + body


def warc_record(kind: str, rid: str, block: bytes, uri: str = None, content_type: str = None, extra=()) -> bytes:
    fields = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{rid}>",
              "WARC-Date: 2025-04-20T10:30:00Z"]
    if uri:
        fields.append(f"WARC-Target-URI: {uri}")
    if content_type:
        fields.append(f"Content-Type: {content_type}")
    fields += list(extra)
    fields.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(fields) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def chunked(body: bytes, size: int = 40) -> bytes:
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def warc_seeds() -> None:
    page = PAGE.encode()
    http = "application/http; msgtype=response"
    records = [
        warc_record("warcinfo", "info-1", b"software: winnow-seed\r\nformat: WARC File Format 1.0\r\n",
                    content_type="application/warc-fields"),
        warc_record("request", "req-1", b"GET /city/1.html HTTP/1.1\r\nHost: news.example\r\n\r\n",
                    uri="https://news.example/city/1.html", content_type="application/http; msgtype=request"),
        warc_record("response", "resp-1", http_response(page, ["Content-Type: text/html; charset=utf-8"]),
                    uri="https://news.example/city/1.html", content_type=http),
        warc_record("response", "resp-2", http_response("Plain text story.\n第二行。".encode(), ["Content-Type: text/plain"]),
                    uri="https://news.example/b.txt", content_type=http),
        warc_record("metadata", "meta-1", b"fetchTimeMs: 12\r\n", uri="https://news.example/city/1.html",
                    content_type="application/warc-fields"),
        warc_record("revisit", "rev-1", b"HTTP/1.1 200 OK\r\n\r\n", uri="https://news.example/city/1.html", content_type=http,
                    extra=["WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"]),
        warc_record("response", "resp-404", http_response(b"<p>gone</p>", ["Content-Type: text/html"], "404 Not Found"),
                    uri="https://news.example/gone", content_type=http),
    ]
    write("warc", "plain.warc", b"".join(records))
    write("warc", "members.warc.gz", b"".join(gz(r) for r in records[:4]))
    write("warc", "single-stream.warc.gz", gz(b"".join(records[2:4])))
    encoded = [
        warc_record("response", "chunked-gzip", http_response(chunked(gz(GBK_PAGE)),
                    ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"]),
                    uri="http://gbk.example/n/1", content_type=http),
        warc_record("response", "deflate", http_response(zlib.compress(PAGE_EN.encode()),
                    ["Content-Type: text/html; charset=windows-1252", "Content-Encoding: deflate"]),
                    uri="https://en.example/budget", content_type=http),
        warc_record("response", "no-type", http_response(b"  <!doctype html><p>sniffed as html</p>", []),
                    uri="https://en.example/sniff", content_type=http),
        warc_record("response", "brotli", http_response(b"\x1b\x00", ["Content-Type: text/html", "Content-Encoding: br"]),
                    uri="https://en.example/br", content_type=http),
    ]
    write("warc", "encodings.warc", b"".join(encoded))
    wet = (warc_record("warcinfo", "wet-info", b"Software-Info: seed\r\n", content_type="application/warc-fields")
           + warc_record("conversion", "wet-1", "河畔步道夜间照明改造完成\n沿河新增三处休息平台。\n".encode(),
                         uri="https://news.example/city/1.html", content_type="text/plain",
                         extra=["WARC-Refers-To: <urn:uuid:resp-1>"]))
    write("warc", "conversion.wet", wet)
    truncated = records[2][: len(records[2]) // 2]
    write("warc", "truncated.warc", records[0] + truncated)
    bad = (b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999\r\n\r\nxx\r\n\r\n"
           + b"WARC/1.0\r\nWARC-Type response\r\nContent-Length: -5\r\n\r\n"
           + b"garbage between records\r\n"
           + warc_record("response", "dns", b"news.example. 300 IN A 192.0.2.1\n", uri="dns:news.example", content_type="text/dns"))
    write("warc", "damaged.warc", bad)


def html_seeds() -> None:
    write("html", "article-zh.html", PAGE)
    write("html", "article-en.html", PAGE_EN)
    write("html", "gbk.html", GBK_PAGE)
    write("html", "malformed.html", MALFORMED)
    write("html", "bom-utf16.html", "\ufeff<html><body><p>UTF-16 页面</p></body></html>".encode("utf-16-le"))
    write("html", "bom-utf8.html", b"\xef\xbb\xbf<p>caf\xc3\xa9 \xff broken</p>")
    write("html", "meta-late-charset.html", ("<html><head><title>x</title>" + " " * 200
                                             + '<meta charset="big5"></head><body><p>').encode() + "繁體中文新聞".encode("big5") + b"</p>")
    write("html", "gzip.html.gz", gz(PAGE_EN.encode()))


RULES = """# Hand-made rules for the rules fuzz target: one of every matcher and scope key.
rules:
  - id: seed-disclaimer
    description: Stance disclaimer
    category: disclaimer
    severity: warning
    phrases: [不代表本站立场, 仅代表作者本人观点, "如有侵权"]
    scope: { max_size: 120, position: tail, within_lines: 5 }
    examples:
      match: [本文仅代表作者本人观点。]
      no_match: [他表示这一决定代表了大多数居民的意见。]
  - id: seed-contact
    category: contact
    regex: '[\\w.+-]+@[\\w-]+\\.[\\w.]+'
    requires: ["@"]
    examples: { match: ["desk@news.example"], no_match: ["no mail here"] }
  - id: seed-phone
    category: contact
    regex: '\\+?\\d[\\d ]{7,}\\d'
    requires_digits: 7
  - id: seed-share
    category: boilerplate
    action: remove
    phrases: Share this article
    scope: { languages: [en], sites: [news.example], region: outside-body, section: true }
  - id: seed-template-off
    category: boilerplate
    detector: site-template
    params: { enabled: false, min_documents: 3 }
"""


def rules_seeds() -> None:
    write("rules", "all-kinds.yaml", RULES)
    write("rules", "single.yaml", "id: only-one\ncategory: boilerplate\nphrases: [返回顶部, back to top]\n")
    write("rules", "list.yaml", "- id: a\n  category: navigation\n  phrases: [首页]\n- id: a\n  category: navigation\n  phrases: [dup]\n")
    write("rules", "errors.yaml", "rules:\n  - id: bad id!\n    category: nope\n  - id: r2\n    regex: '(unclosed'\n"
                                  "  - id: r3\n    category: custom\n    detector: no-such\n    params: [1]\n"
                                  "  - {id: r4, category: custom, phrases: [], scope: {max_size: -1, foo: 1}}\n")
    write("rules", "yaml-features.yaml", "anchors: &a {id: x}\nrules:\n  - *a\n  - !!map {id: t, category: custom, phrases: [\"\\u4e2d\"]}\n"
                                         "  - id: multi\n    category: custom\n    phrases:\n      - |\n        two\n        lines\n")
    write("rules", "broken.yaml", "rules: [\n  - id: {\n\t: :\n")


ANALYZE = [
    ("zh-news.txt", "首页 > 新闻 > 城市\n\n河畔步道夜间照明改造完成\n发布时间：2025-04-20 18:30:00 来源：河畔晚报\n\n"
                    "河畔步道的夜间照明改造日前完工，沿河新增的三处休息平台也将同步开放，平台配有饮水点和自行车停放架。\n\n"
                    "市民表示，改造后夜跑更安全了，附近的老人也愿意晚饭后出来走走。\n\n"
                    "本文仅代表作者本人观点，不代表本站立场。如有侵权请联系删除。\n相关阅读\n"
                    "...社区食堂开进老街区，六十岁以上老人凭卡就餐可享受八折优惠...\n2025-03-11 10:20:00\n"),
    ("en-news.txt", "Home | News | Politics\nCouncil approves budget\nBy Jane Doe · Updated May 2, 2025\n"
                    "The city council voted 7-2 on Tuesday to approve next year's budget, which adds two bus lines.\n"
                    "Contact the newsroom at desk@news.example or +1 555 0100.\nShare this article\nAdvertisement\n"),
    ("mixed.txt", "\u3000\u3000全角空格开头的段落，含English words和数字123。\r\n\t制表符\u200b零宽\ufeff\n\n\n• 列表项一\n• 列表项二\n"
                  "繁體中文：這是一段測試文字。\n" + "很长的一行" * 80 + "\n"),
    ("empty-lines.txt", "\n\n \n\t\n"),
    ("invalid.bin", b"\xff\xfe\x00\x00text\x00 with NUL\xe4\xb8\n\xc0\xaf"),
]


def analyze_seeds() -> None:
    for name, text in ANALYZE:
        write("analyze", name, text)


if __name__ == "__main__":
    jsonl_seeds()
    warc_seeds()
    html_seeds()
    rules_seeds()
    analyze_seeds()
