#!/usr/bin/env python3
"""A labelled crawl made from nothing but this file: synthetic news stories in generated site
templates, reposted, edited, cut short and excerpted, with the labels `score.py` reads.

    python3 eval/make_labelled_crawl.py --clusters 300 --seed 11 --out SET
    # SET/crawl.jsonl   one article per line: id, url, title, text (and source on some sites)
    # SET/truth.json    {id: {cluster, role, ops, kinds}}: kinds label every line of text
    #                   (nav, title, meta, body, disclaimer, related), as make_corpus.py does

It stands in for the shared evaluation kit's `make_corpus.py` where that kit (and its real base
articles) is not beside the repository, e.g. in CI's clean clone. The stories are word salad from
small Chinese and English vocabularies, so quality figures on it say little; what it is for is
comparing two ways of running Winnow (scan against the Spark job, streaming against in-memory)
on the same varied input: copies, near copies, partial copies, excerpts,
Traditional-looking and full-width variants, site furniture with repeated and varying lines.
Deterministic for a seed.
"""
import argparse
import json
import os
import random

ZH_WORDS = ("经济 发展 政府 市场 企业 城市 农村 教育 医疗 科技 创新 数据 平台 项目 投资 消费 价格 政策 改革 开放 "
            "环境 能源 交通 铁路 机场 港口 旅游 文化 体育 比赛 球队 学校 学生 老师 医院 病人 专家 记者 居民 社区 "
            "部门 会议 报告 计划 目标 任务 措施 服务 质量 安全 风险 问题 方案 标准 规定 增长 下降 提高 推进 落实 "
            "加强 完善 建设 支持 保障 促进 实施 开展 举办 发布 宣布 表示 认为 指出 强调 介绍 透露 预计 显示 调查 "
            "今年 去年 上半年 本周 近日 目前 未来 全国 全省 全市 地区 国际 国内 北方 南方 沿海 山区 夏季 冬季").split()
ZH_TRAD = dict(zip("经济发展政府场业城市农教育医疗科技创数据项目投资费价格环境能源交通铁机场港旅游运动赛队学师专记者区门会议报计划务质风险规增长实开举办发布宣认为调查国际内团东",
                   "經濟發展政府場業城市農教育醫療科技創數據項目投資費價格環境能源交通鐵機場港旅遊運動賽隊學師專記者區門會議報計劃務質風險規增長實開舉辦發佈宣認為調查國際內團東"))
EN_WORDS = ("the city council said on monday that new rules for housing and transport would take effect next "
            "year after months of debate between officials residents and local businesses over costs schools "
            "hospitals energy prices rose sharply while exports fell and analysts expected growth to slow as "
            "the central bank kept interest rates unchanged ministers promised more support for farmers "
            "workers and families affected by floods storms and rising bills a spokesman declined to comment "
            "further on the report which was published by an independent research group last week").split()
ZH_NAMES = "李明 王芳 张伟 刘洋 陈静 杨帆 赵磊 黄蕾 周杰 吴敏".split()
EN_NAMES = "Dana Smith|Lee Chen|Sam Patel|Alex Moore|Jo Park|Kim Reyes".split("|")
ZH_SECTIONS = "首页 新闻 国内 国际 财经 科技 体育 文化 教育 健康 汽车 房产 图片 视频 评论".split()
EN_SECTIONS = "Home News World Business Tech Sport Culture Opinion Health Travel Video".split()
ZH_DISCLAIMERS = ["本文转载自其他媒体，信息内容不代表本站立场。", "如有侵权请联系删除。", "免责声明：本站所载文章仅供参考，不构成投资建议。",
                  "版权所有，未经授权不得转载。", "责任编辑：{name}", "更多精彩内容请关注本站公众号。"]
EN_DISCLAIMERS = ["© {year} {site} Media Group. All rights reserved.", "The views expressed do not reflect those of this site.",
                  "To request removal of copyrighted material, contact us.", "Reporting by {name}; editing by {name}.",
                  "Sign up for our newsletter to get the day's top stories."]
ELLIPSES = ["...", "…", "……", "[...]", "(more)", ""]


def sentence(rng, lang):
    if lang == "zh":
        words = [rng.choice(ZH_WORDS) for _ in range(rng.randint(6, 14))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), "%d%s" % (rng.randint(2, 980), rng.choice(["万元", "亿元", "%", "人", "家", "个"])))
        return "".join(words) + rng.choice(["。", "。", "，" + rng.choice(ZH_WORDS) + rng.choice(ZH_WORDS) + "。"])
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 980)))
    return " ".join(words).capitalize() + "."


def story(rng, lang):
    title = (("".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(4, 7)))) if lang == "zh"
             else " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(5, 9))).capitalize())
    joiner = "" if lang == "zh" else " "
    paragraphs = [joiner.join(sentence(rng, lang) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 8))]
    return title, paragraphs


# Footers syndication platforms paste under every article they pass on, whatever the site: no
# rule knows their wording, so only their recurrence across stories marks them (`--footers`).
FOOTERS = {"zh": ["稿件由合作平台统一提供，版面编排略有调整，读者来信请寄编辑部。", "本页内容经由聚合服务同步发布，图片与排版以原发页面为准。",
                  "转载须保留本段文字并注明出处，商业使用请另行联系授权。", "夜间值班编辑负责处理读者反馈，一般两个工作日内回复。"],
           "en": ["Reader mail goes to the duty desk; we answer within two working days.",
                  "This page was passed on by a syndication partner and may differ in layout from the original.",
                  "Republishing requires keeping this paragraph and naming the source in full.",
                  "Pictures and captions are supplied by the partner service and may change after publication."]}


def make_sites(rng, count, footers=0):
    sites = []
    for i in range(count):
        lang = "zh" if i % 3 else "en"
        names = ZH_NAMES if lang == "zh" else EN_NAMES
        sections = ZH_SECTIONS if lang == "zh" else EN_SECTIONS
        disclaimers = ZH_DISCLAIMERS if lang == "zh" else EN_DISCLAIMERS
        sites.append({
            "name": ("站点%02d网" % i) if lang == "zh" else "Site %02d Daily" % i, "host": "www.site%02d.example.com" % i,
            "lang": lang, "nav": (" | " if i % 2 else " > ").join(rng.sample(sections, rng.randint(3, 6))),
            "meta": ("来源：{site}  时间：{date}  编辑：{name}" if lang == "zh" else "By {name} | Published {date}") if i % 4 else
                    ("{date} {site}" if lang == "zh" else "{site} | {date}"),
            "disclaimers": rng.sample(disclaimers, rng.randint(1, 3)), "related": rng.random() < 0.7,
            "ellipsis": rng.choice(ELLIPSES), "author": rng.choice(names), "source_field": rng.random() < 0.5,
        })
        if footers:
            sites[-1]["disclaimers"].append(FOOTERS[lang][i % min(footers, len(FOOTERS[lang]))])
    return sites


def render(rng, site, title, paragraphs, others, date):
    """(text lines, kinds) of one page of `site`."""
    fill = {"site": site["name"], "date": date, "name": site["author"], "year": date[:4]}
    lines, kinds = [site["nav"], title, site["meta"].format(**fill)], ["nav", "title", "meta"]
    lines += paragraphs
    kinds += ["body"] * len(paragraphs)
    for d in site["disclaimers"]:
        lines.append(d.format(**fill))
        kinds.append("disclaimer")
    if site["related"] and others:
        lines.append("相关阅读" if site["lang"] == "zh" else "Related stories")
        kinds.append("related")
        for other_title, other_first in rng.sample(others, min(len(others), rng.randint(3, 5))):
            cut = other_first[: rng.randint(18, 40)] + site["ellipsis"]
            lines.append(cut + ("  " + date[:10] if rng.random() < 0.5 else ""))
            kinds.append("related")
    return lines, kinds


def variant(rng, paragraphs, lang):
    """Edited body paragraphs and the edits made (make_corpus.py's op names where they match)."""
    out, ops = list(paragraphs), []
    if rng.random() < 0.3 and len(out) > 3:
        out.pop(rng.randrange(1, len(out)))
        ops.append("drop_sentence")
    if rng.random() < 0.3:
        i = rng.randrange(len(out))
        words = out[i].split(" ")
        if lang == "en" and len(words) > 4:
            words[rng.randrange(len(words))] = rng.choice(EN_WORDS)
            out[i] = " ".join(words)
        else:
            k = rng.randrange(len(out[i]))
            out[i] = out[i][:k] + rng.choice("的了在和是") + out[i][k + 1:]
        ops.append("edit_word")
    if lang == "zh" and rng.random() < 0.25:
        out = ["".join(ZH_TRAD.get(c, c) for c in p) for p in out]
        ops.append("traditional")
    if rng.random() < 0.15:
        out = ["".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" or "A" <= c <= "z" and c.isalpha() else c for c in p) for p in out]
        ops.append("fullwidth")
    if rng.random() < 0.15 and len(out) > 2:
        out[0:2] = [out[0] + ("" if lang == "zh" else " ") + out[1]]
        ops.append("merge_paragraphs")
    return out, ops


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", type=int, default=300)
    ap.add_argument("--sites", type=int, default=24)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--footers", type=int, default=0,
                    help="shared syndication footers (up to 4 per language) under every page of every site")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sites = make_sites(rng, a.sites, a.footers)
    stories = []
    for c in range(a.clusters):
        lang = "zh" if rng.random() < 0.65 else "en"
        title, paragraphs = story(rng, lang)
        stories.append((lang, title, paragraphs))
    firsts = {lang: [(t, p[0]) for l, t, p in stories if l == lang] for lang in ("zh", "en")}
    pages, truth = [], {}

    def add(role, cluster, site, title, paragraphs, ops):
        n = len(pages)
        date = "2026-%02d-%02d %02d:%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
        lines, kinds = render(rng, site, title, paragraphs, firsts[site["lang"]], date)
        doc_id = "%s-%06d" % (site["host"].split(".")[1], n)
        page = {"id": doc_id, "url": "https://%s/a/%d.html" % (site["host"], 100000 + n), "title": title, "text": "\n".join(lines)}
        if site["source_field"]:
            page["source"] = site["name"]
        pages.append(page)
        truth[doc_id] = {"cluster": "c%05d" % cluster, "role": role, "ops": ops, "kinds": kinds}

    for c, (lang, title, paragraphs) in enumerate(stories):
        own = [s for s in sites if s["lang"] == lang]
        home = rng.choice(own)
        add("original", c, home, title, paragraphs, [])
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5])):
            body, ops = variant(rng, paragraphs, lang)
            add("repost", c, rng.choice(own), title, body, ops)
        if rng.random() < 0.15 and len(paragraphs) >= 4:
            add("partial", c, rng.choice(own), title, paragraphs[: len(paragraphs) // 2], ["partial"])
        if rng.random() < 0.15:
            site = rng.choice(own)
            cut = paragraphs[0][: max(30, len(paragraphs[0]) // 2)] + (site["ellipsis"] or "…")
            add("excerpt", c, site, title, [cut], ["excerpt"])
    rng.shuffle(pages)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "crawl.jsonl"), "w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)
    print("%s: %d articles in %d clusters on %d sites" % (a.out, len(pages), a.clusters, len(sites)))


if __name__ == "__main__":
    main()
