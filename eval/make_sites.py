#!/usr/bin/env python3
"""Write eval/sites-longtail.json: long-tail site wrappers in make_corpus.py's site format (issue 12).

  python3 eval/make_sites.py [--seed 12] [--out eval/sites-longtail.json]

Every site gets its own name, domain and a different mix of navigation, metadata, notice and
promotion lines (Simplified Chinese, Traditional Chinese or English); about a third carry a
takedown or tip-off notice with an e-mail address or a phone number on every page. Cut marks
vary by site, including none.

make_corpus.py reads the documented keys (key, domain, lang, traditional, nav, meta, disclaimer,
related_style, related_heading, more_heading, ellipsis, ellipsis_rate) and ignores the others.
Extra keys, read by eval/issue12.py when it rewrites a generated crawl:
  x_suffix_only  the cut mark only ends an excerpt: a copy of it at the start is removed
  x_glue         share of English excerpt lines whose line breaks were collapsed without a space
                 ("itsexecutive vice president")
  x_wrapspace    share of Chinese excerpt lines with a stray space where a listing wrapped the line
  x_contact      the site's furniture carries an e-mail address and/or a mobile number
Promotion lines are written as `disclaimer` lines (make_corpus has no separate kind for them).
The file is deterministic for a seed; edit it by hand or regenerate it.
"""
import argparse
import json
import random

CITIES_ZH = ["青禾", "北辰", "云栖", "南岸", "半山", "石门", "锦城", "东篱", "白鹭", "长河", "星火", "清溪",
             "远山", "松涛", "墨池", "晴川", "海棠", "西岭", "蓝湾", "枫桥", "金沙", "碧水", "鹿鸣", "紫荆",
             "天目", "临江", "秋实", "楚风", "燕园", "沧浪", "桐乡", "竹溪", "梅岭", "岚山", "苍梧", "滨湖"]
SUFFIX_ZH = ["资讯网", "新闻网", "在线", "头条", "快讯", "热线", "信息港", "生活网", "视点", "观察", "日报网",
             "门户", "社区", "文摘", "之窗", "播报", "聚焦", "传媒"]
SUFFIX_TW = ["新聞網", "日報", "電子報", "時報", "傳媒", "週刊", "觀點", "快訊", "論壇", "新聞台"]
BRAND_TW = ["港都", "山城", "海風", "竹塹", "鹿港", "花東", "北投", "澎湖", "新竹", "府城", "雨港", "蘭陽",
            "玉山", "淡水", "桃園", "鳳山", "嘉南", "太魯"]
WORDS_EN = ["Valley", "Harbor", "Prairie", "Ridge", "Lakeside", "Bay", "Summit", "Crossroads", "Riverbend",
            "Hillcrest", "Northfield", "Coastline", "Meadow", "Pinewood", "Granite", "Ironbridge", "Oakdale",
            "Westgate", "Bluewater", "Fairmont", "Copper", "Redstone", "Kingsway", "Millbrook"]
SUFFIX_EN = ["Ledger", "Courier", "Dispatch", "Sentinel", "Gazette", "Observer", "Chronicle", "Beacon",
             "Herald", "Record", "Tribune", "Bulletin", "Post", "Digest", "Wire", "Voice", "Report", "Times"]
SYL = ["qing", "he", "bei", "chen", "yun", "nan", "shan", "men", "jin", "dong", "lu", "chang", "xing", "xi",
       "yuan", "song", "mo", "hai", "lan", "feng", "sha", "bi", "zi", "tian", "lin", "qiu", "chu", "yan", "zhu",
       "mei", "cang", "bin", "hu", "kai", "ping", "ning", "an", "tai", "hua", "kang"]

# ---------------------------------------------------------------- Simplified Chinese
NAV_ZH = ["首页 > {cat} > 正文", "{B}首页 | {cat} | 图片 | 视频 | 专题", "您现在的位置：{B} → {cat} → 内容",
          "网站首页  本地  {cat}  民生  财经  房产  汽车  教育", "当前栏目：{cat}", "【{B}】{cat}频道",
          "登录 | 注册 | 投稿 | 手机版", "{B} > 新闻 > {cat} > 正文阅读", "设为首页  加入收藏  联系我们",
          "导航：首页 » {cat} » 详情", "首页 / {cat} / {title}", "今日要闻  县区动态  {cat}  便民服务",
          "搜索  热词：天气 招聘 房价", "{B}  {domain}", "位置：{cat}频道 - 正文", "◆ 栏目导航 ◆"]
META_ZH = ["{ts}  来源：{src}", "发布日期：{ts}  浏览次数：{n}", "作者：{name}　时间：{ts}　阅读：{n}",
           "时间：{ts} | 编辑：{name} | 点击：{n}次", "来源:{src} 发布人:{name} 发布时间:{ts}",
           "{ts} {src} 字体：大 中 小", "投稿人：{name}  {ts}", "更新于 {ts}", "文/{name}",
           "{src}讯（记者 {name}）", "阅读量 {n}", "{ts}　|　{cat}", "信息来源：{src}　发布单位：{B}",
           "录入：{name}  审核：{B}编辑部"]
NOTE_ZH = ["本页面内容由{B}编辑整理，所载信息仅供读者参考。",
           "{B}转载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。",
           "凡注明“来源：{B}”的作品，著作权均属{B}。",
           "文章内容如涉及作品版权问题，请在30日内与{B}联系。",
           "本站部分文章来自网络，其真实性、准确性由原作者负责。",
           "读者据此操作，风险自担。",
           "网友评论仅供其表达个人看法，并不表明{B}同意其观点。",
           "互联网新闻信息服务许可证编号：{LIC}",
           "{ICP}  {B} 主办",
           "{B}所有稿件，未经许可不得转发或镜像。",
           "投资有风险，入市需谨慎。本文内容不构成投资建议。",
           "本文系作者授权{B}发表，并经{B}编辑。",
           "图片来源于网络，如涉及权利问题请告知。",
           "本站所登载文章的目的在于分享信息，与本站立场无关。",
           "文中观点为作者所有，不构成{B}的任何意见。",
           "欢迎分享本文，转发请保留出处。",
           "主管单位：{CITY}市融媒体中心　主办单位：{B}",
           "{B} 版权声明：本站原创内容，引用须经授权。",
           "提示：本文发布已超过一年，相关信息请以最新公告为准。",
           "稿件统筹：{B}内容中心",
           "—— 完 ——",
           "（{B}综合整理）",
           "温馨提示：文中价格仅供参考，以商家实际为准。",
           "本文由{B}自动聚合生成，可能与原文存在差异。",
           "以上信息由网友自行发布，{B}仅提供信息存储空间服务。"]
PROMO_ZH = ["下载{B}APP，领取阅读红包", "点击右上角，把{B}分享给好友", "长按识别二维码，关注{B}官方账号",
            "每晚八点，{B}直播间不见不散", "订阅{B}早报，每天三分钟读懂{cat}", "觉得好看，请点“在看”",
            "广告", "赞助内容", "{B}会员限时五折，点此开通", "本地人都在看：{CITY}周末去哪儿",
            "点赞 · 收藏 · 转发", "想第一时间看到本地新闻？设{B}为星标",
            "{B}读者群开放申请，入群请留言", "新用户注册即送30天免广告特权"]
CONTACT_ZH = ["如本站内容侵犯了您的权益，请发送邮件至{EMAIL}，我们核实后将在三个工作日内处理。",
              "版权申诉邮箱：{EMAIL}", "侵权投诉请致电{MOBILE}（{PERSON}）",
              "若您认为本页面内容有误或涉及侵权，请联系站务：{EMAIL} / {MOBILE}",
              "新闻爆料热线：{MOBILE}　投稿邮箱：{EMAIL}", "违法和不良信息举报：{MOBILE}",
              "商务合作请联系{PERSON}：{MOBILE}（微信同号）", "内容纠错与删稿申请：{EMAIL}"]
HEAD_ZH = ["相关阅读", "看了本文的人还看了", "本站推荐", "你可能错过的", "往期回顾", "热文排行", "同类资讯",
           "编辑精选", "", "", "猜你喜欢", "大家都在看", "本栏目最新"]
MORE_ZH = ["更多{cat}新闻：", "{cat}最新资讯", "查看更多{cat}内容", "【{cat}】其他报道"]

# ---------------------------------------------------------------- Traditional Chinese
NAV_TW = ["首頁 › {cat} › 新聞內文", "即時 | 政治 | 社會 | 國際 | 財經 | 生活", "{B} ＞ {cat}", "回{B}首頁",
          "熱門 • 最新 • 專題 • 影音", "會員登入　｜　訂閱", "{B}／{cat}／{title}", "地方　兩岸　{cat}　體育　娛樂",
          "分類：{cat}", "≡ 選單"]
META_TW = ["{ts}｜記者{name}／報導", "撰文：{name}　發佈：{ts}", "{src}　{ts}　瀏覽 {n}", "最後更新：{ts}",
           "{ts}　中央社　記者{name}", "文／{name}　圖／{B}資料照", "分享　{ts}"]
NOTE_TW = ["本文版權屬{B}所有，轉載請洽本公司。", "文章內容不代表{B}立場。",
           "{B}提醒您：投資一定有風險，請審慎評估。", "本網站使用Cookie以提供更佳的瀏覽體驗。",
           "{B}版權所有，未經同意不得轉發。", "※本文由{B}編輯室整理，內容僅供參考。", "（編輯：{name}）",
           "更正啟事：本文先前版本誤植數字，已於今日更正。", "發行人：{PERSON}　總編輯：{name}",
           "讀者投書不代表本報立場，文責由作者自負。", "{B}關心您：飲酒過量，有礙健康。"]
PROMO_TW = ["訂閱{B}電子報，掌握第一手消息", "加入{B}LINE好友，新聞不漏接", "喜歡這篇文章嗎？按讚追蹤{B}粉絲專頁",
            "廣告　贊助", "下載{B}APP，看更多即時新聞", "成為{B}訂戶，支持在地新聞", "{B}Podcast每週五上架"]
CONTACT_TW = ["如本站內容侵害您的權益，請來函{EMAIL}，我們將於查證後移除。", "客服專線：{MOBILE}（週一至週五 9:00-18:00）",
              "新聞爆料：{EMAIL}　電話：{MOBILE}", "著作權申訴請寄{EMAIL}"]
HEAD_TW = ["相關新聞", "看更多", "編輯推薦", "熱門文章", "你可能也想看", "", "延伸閱讀", "最新文章"]
MORE_TW = ["更多{cat}新聞", "{cat}其他報導："]

# ---------------------------------------------------------------- English
NAV_EN = ["Home / {cat}", "Menu   Search   Subscribe", "{B} › {cat} › Article", "News | Opinion | Local | {cat} | Obituaries",
          "You are here: Home » {cat}", "Sign in   Register", "Top stories", "Back to {cat}", "≡ Sections",
          "{B}  |  {domain}", "Home > Local > {title}", "Jobs  Classifieds  Events  Weather", "Today's paper",
          "Listen to this article", "Edition: International"]
META_EN = ["By {name}, {src}", "Posted on {ts} by {name}", "{ts} | Updated {ts2}", "Published: {ts}",
           "{name} · 4 min read", "Filed under {cat} at {ts}", "Views: {n}", "{name}, {B} contributor",
           "Last modified {ts}", "Story by {name} / {src}"]
NOTE_EN = ["The {B} is an independent, reader-funded publication.",
           "Opinions in syndicated pieces belong to their authors, not to the {B}.",
           "Spotted a typo? Let the desk know.",
           "The {B} may earn a commission from links on this page.",
           "Reproduction without written consent of the {B} is prohibited.",
           "This page was generated from a partner feed and may contain errors.",
           "Comments are closed for this article.",
           "Story continues below",
           "Tags: {cat}, news, local",
           "Corrections policy: we fix errors promptly and say so at the foot of the story.",
           "{B} is published by {CITY} Community Media Ltd.",
           "Nothing on this page is financial advice.",
           "Originally published on the {B} website.",
           "Image: file photo",
           "Copyright {YEARS} {B}. Reuse permitted with attribution only."]
PROMO_EN = ["Never miss a story: get the {B} daily digest in your inbox.", "Enjoyed this? Pass it on to a friend.",
            "Become a {B} member for ad-free reading.", "Listen to the {B} podcast wherever you get your podcasts.",
            "Advertisement", "Sponsored", "Download the {B} app for breaking alerts.",
            "Local news matters. Chip in from $1.", "Join the conversation on our forum."]
CONTACT_EN = ["Got a tip? Email {EMAIL}", "Takedown requests: write to {EMAIL} with the URL and proof of ownership.",
              "Copyright complaints: {EMAIL} or call {USPHONE}", "Questions about this story? Contact {PERSON_EN} at {EMAIL}",
              "Report an error: {EMAIL}"]
HEAD_EN = ["Related", "More stories", "You may also like", "Recommended", "Elsewhere on the {B}", "Latest", "Don't miss", "", ""]
MORE_EN = ["More {cat} news:", "Also in {cat}"]

ELL_ZH = ["...", "…", "……", "。。。", "更多>>", "…全文", "[...]", "", "[详细]", "　…", "..", "…[阅读全文]"]
ELL_TW = ["…", "……", "。。。", "(更多)", "…全文", "", "...", "看更多»"]
ELL_EN = ["...", "…", "[...]", " (more)", " ...", "", "[…]", " Read more »", "\u00a0…", "…more", ".."]
SUFFIX_ONLY = {"更多>>", "…全文", "[详细]", "…[阅读全文]", "(更多)", "看更多»", " (more)", " Read more »", "…more"}
USERS = ["tousu", "banquan", "jubao", "admin", "service", "kefu", "copyright", "legal", "editor", "tips",
         "feedback", "webmaster", "news", "desk", "contact"]
PERSONS = ["周女士", "孙先生", "吴编辑", "郑老师", "冯经理", "何小姐"]
PERSONS_EN = ["Pat Rivers", "Morgan Hale", "Jamie Ortiz", "Robin Shaw"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--zh", type=int, default=70, help="Simplified Chinese sites")
    ap.add_argument("--tw", type=int, default=30, help="Traditional Chinese sites")
    ap.add_argument("--en", type=int, default=50, help="English sites")
    ap.add_argument("--out", default="eval/sites-longtail.json")
    a = ap.parse_args()
    r = random.Random(a.seed)
    used_domains, used_brands = set(), set()

    def domain(tld):
        while True:
            d = "".join(r.sample(SYL, r.choice([2, 2, 3]))) + r.choice(["", "", "news", "net", "24", "info"])
            d = f"{r.choice(['www.', '', '', 'm.', 'news.'])}{d}.example.{tld}"
            if d not in used_domains:
                used_domains.add(d)
                return d

    def brand(make):
        while True:
            b = make()
            if b not in used_brands:
                used_brands.add(b)
                return b

    def mobile():
        m = f"1{r.choice('3456789')}{r.randint(0, 9)}{r.randint(0, 99999999):08d}"
        return r.choice([m, m, f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}"])

    def pick(pool, lo, hi):
        return r.sample(pool, min(len(pool), r.randint(lo, hi)))

    def styles(pool, n):
        out = []
        while len(out) < n:
            p = list(pool)
            r.shuffle(p)
            out += p
        return out[:n]

    sites = []
    plan = [("zh", i) for i in range(a.zh)] + [("tw", i) for i in range(a.tw)] + [("en", i) for i in range(a.en)]
    ell = {"zh": styles(ELL_ZH, a.zh), "tw": styles(ELL_TW, a.tw), "en": styles(ELL_EN, a.en)}
    for kind, i in plan:
        city = r.choice({"zh": CITIES_ZH, "tw": BRAND_TW, "en": WORDS_EN}[kind])
        if kind == "zh":
            b = brand(lambda: r.choice(CITIES_ZH) + r.choice(SUFFIX_ZH))
            tld = r.choice(["cn", "com", "net", "com.cn"])
            nav, meta, note, promo, contact, head, more = NAV_ZH, META_ZH, NOTE_ZH, PROMO_ZH, CONTACT_ZH, HEAD_ZH, MORE_ZH
        elif kind == "tw":
            b = brand(lambda: r.choice(BRAND_TW) + r.choice(SUFFIX_TW))
            tld = r.choice(["tw", "com.tw", "hk", "com"])
            nav, meta, note, promo, contact, head, more = NAV_TW, META_TW, NOTE_TW, PROMO_TW, CONTACT_TW, HEAD_TW, MORE_TW
        else:
            b = brand(lambda: f"{r.choice(WORDS_EN)} {r.choice(SUFFIX_EN)}")
            tld = r.choice(["com", "org", "net", "co.uk", "us"])
            nav, meta, note, promo, contact, head, more = NAV_EN, META_EN, NOTE_EN, PROMO_EN, CONTACT_EN, HEAD_EN, MORE_EN
        dom = domain(tld)
        mail_host = dom.split(".", 1)[1] if dom.startswith(("www.", "m.", "news.")) else dom
        y0 = r.randint(1998, 2016)
        vals = {"B": b, "CITY": city, "EMAIL": f"{r.choice(USERS)}@{mail_host}", "MOBILE": mobile(),
                "PERSON": r.choice(PERSONS), "PERSON_EN": r.choice(PERSONS_EN),
                "USPHONE": f"({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}",
                "LIC": f"{r.randint(10000000, 99999999)}", "YEARS": f"{y0}-2024",
                "ICP": f"{r.choice(['京', '沪', '粤', '浙', '鲁', '川', '苏'])}ICP备{r.randint(10000000, 99999999)}号-{r.randint(1, 9)}"}

        def fill(lines):
            out = []
            for t in lines:
                for k, v in vals.items():
                    t = t.replace("{" + k + "}", v)
                out.append(t)
            return out

        has_contact = r.random() < 0.33
        disc = pick(note, 1, 4) + pick(promo, 0, 2)
        if has_contact:
            disc.append(r.choice(contact))
        r.shuffle(disc)
        e = ell[kind][i]
        site = {
            "key": f"{kind[0] if kind != 'tw' else 't'}{i:03d}",
            "domain": dom, "lang": "en" if kind == "en" else "zh",
            "nav": fill(pick(nav, 0, 3) if r.random() < 0.85 else []),
            "meta": fill(pick(meta, 0, 2) if r.random() < 0.9 else []),
            "disclaimer": fill(disc),
            "related_style": r.choice(["titles", "excerpt_ts", "title_excerpt_ts", "title_excerpt_ts"]),
            "related_heading": fill([r.choice(head)])[0], "more_heading": fill([r.choice(more)])[0] if r.random() < 0.2 else "",
            "ellipsis": e, "ellipsis_rate": r.choice([0.0, 0.4, 0.7, 1.0, 1.0]),
            "x_suffix_only": e in SUFFIX_ONLY,
            "x_glue": r.choice([0.0, 0.5, 1.0, 1.0]) if kind == "en" else 0.0,
            "x_wrapspace": r.choice([0.0, 0.0, 0.0, 0.5]) if kind != "en" else 0.0,
            "x_contact": has_contact,
        }
        if kind == "tw":
            site["traditional"] = True
        sites.append(site)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(s, ensure_ascii=False) for s in sites) + "\n]\n")
    print(f"{len(sites)} sites -> {a.out}")


if __name__ == "__main__":
    main()
