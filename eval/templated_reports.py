#!/usr/bin/env python3
"""Write a bases JSONL of short templated reports for make_corpus.py (issue 12, failure class 1).

  python3 eval/templated_reports.py --out /tmp/tpl-bases.jsonl [--count 360] [--seed 7]

Company earnings tables, dividends, weather forecasts, match results, fuel/market prices and
stock notices, in English and Chinese. Every report is a distinct document: the wording comes
from a handful of fixed templates, the figures, dates, companies, teams and cities are drawn at
random, so many reports share their title and every line but the figures. make_corpus.py then
makes each one a cluster of its own; reports of different clusters must never be merged.
A share of the reports (--twins) gets a near twin: the same report with one figure, or one
company/city/team name, changed (field `twin_of`): the hardest case, still a different document.

Output lines: {"id", "title", "text", "lang", "origin": "templated", "kind"}; paragraphs of
`text` are separated by "\\n" as make_corpus.py expects. All names are made up (cities are real
place names).
"""
import argparse
import json
import random
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CO_A = ["Apex", "Birchwood", "Cobalt", "Delmar", "Eastfield", "Fulton", "Granger", "Halcyon", "Ingram",
        "Juniper", "Kestrel", "Larkin", "Marston", "Norland", "Orchard", "Pemberton", "Quarry", "Rockport",
        "Sterling", "Tidewater", "Underhill", "Vantage", "Whitcomb", "Yardley", "Zephyr"]
CO_B = ["Industries Inc", "Corp", "Bancorp", "Holdings Inc", "Co", "Financial Corp", "Systems Inc",
        "Foods Inc", "Energy Co", "Savings Bank"]
CITIES_EN = ["Denver", "Boston", "Seattle", "Austin", "Portland", "Omaha", "Tucson", "Raleigh", "Buffalo",
             "Memphis", "Boise", "Tulsa"]
PLACES = ["Ashford", "Brackley", "Carrow", "Dunmore", "Elmsworth", "Farley", "Glenbrook", "Harwick",
          "Kingsbury", "Lowfield", "Morcombe", "Newhaven", "Oxley", "Porthaven", "Redbridge", "Stanmoor"]
CLUB = ["Rovers", "United", "Town", "Athletic", "City", "Wanderers", "Albion", "Rangers"]
LEAGUES = ["Premier Division", "Northern League", "Coastal Cup", "Championship"]
PLAYERS = ["Harlow", "Mensah", "Okafor", "Lindqvist", "Barros", "Kowalski", "Doyle", "Fischer", "Tanaka",
           "Moreau", "Quinn", "Silva", "Novak", "Reyes"]
COND_EN = ["Sunny", "Mostly sunny", "Partly cloudy", "Cloudy", "Showers", "Light rain", "Thunderstorms",
           "Fog early, then sun", "Snow showers", "Windy and dry"]
WIND = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
GRADES = ["West Texas Intermediate", "West Texas Sour", "Light Louisiana Sweet", "Alaska North Slope",
          "Wyoming Sweet", "Oklahoma Sour"]
COMMODITIES = [("Gold", "dlrs an ounce"), ("Silver", "dlrs an ounce"), ("Copper", "cts a lb"),
               ("Soybeans", "dlrs a bushel"), ("Wheat", "dlrs a bushel"), ("Heating oil", "cts a gallon")]

ZH_CO_A = ["华辰", "远航", "金穗", "恒泰", "瑞丰", "鼎盛", "汇通", "天成", "宏远", "嘉禾", "永兴", "中联", "泰和",
           "盛华", "新源", "博远", "安澜", "明德"]
ZH_CO_B = ["科技", "电气", "药业", "食品", "新材", "能源", "物流", "传媒", "环保", "机械"]
ZH_CITIES = ["北京", "上海", "广州", "深圳", "成都", "武汉", "西安", "南京", "杭州", "重庆", "天津", "青岛",
             "大连", "长春", "沈阳", "济南", "郑州", "长沙", "昆明", "厦门"]
ZH_PROV = ["山东", "河南", "四川", "湖北", "湖南", "江苏", "浙江", "广东", "河北", "安徽", "福建", "云南"]
ZH_TEAM = ["雄狮", "海港", "猎豹", "飞龙", "锋范", "星辰", "蓝鲸", "铁军", "火凤", "勇士"]
ZH_LEAGUE = ["城市足球联赛", "职业篮球联赛", "超级联赛", "甲级联赛"]
ZH_PLAYERS = ["王志远", "李承泽", "张浩然", "刘子轩", "陈一鸣", "杨帆", "赵天宇", "黄俊杰", "周博文", "吴昊"]
ZH_COND = ["晴", "多云", "阴", "小雨", "中雨", "雷阵雨", "阵雨转多云", "晴转多云", "小雪", "雨夹雪", "多云转晴"]
ZH_WIND = ["北风", "东北风", "东风", "东南风", "南风", "西南风", "西风", "西北风"]
ZH_AIR = ["优", "良", "轻度污染", "中度污染"]
ZH_TIPS = ["早晚温差较大，请适时增减衣物。", "紫外线较强，外出注意防晒。", "路面湿滑，驾车出行请减速慢行。",
           "天气干燥，注意补水保湿。", "有雷电活动，请避免在空旷地带停留。", "适宜晾晒衣物。"]
VEG = ["大白菜", "土豆", "西红柿", "黄瓜", "青椒", "胡萝卜", "芹菜", "茄子", "豆角", "洋葱", "生姜", "大蒜",
       "猪肉", "鸡蛋", "草鱼"]


class Maker:
    def __init__(self, seed):
        self.r = random.Random(seed)
        # a small roster, so that the same company reports again (same title, other figures)
        self.roster = [(self.r.choice(CO_A), self.r.choice(CO_B)) for _ in range(16)]
        self.zh_roster = [(self.r.choice(ZH_CO_A), self.r.choice(ZH_CO_B)) for _ in range(14)]

    # ------------------------------------------------------------ shared helpers
    def cts(self):
        r = self.r
        v = r.choice([r.randint(1, 99), r.randint(100, 650)])
        s = f"{v} cts" if v < 100 else f"{v / 100:.2f} dlrs"
        return ("loss " + s) if r.random() < 0.12 else s

    def money(self):
        r = self.r
        v = r.randint(120_000, 95_000_000)
        return f"{v:,}" if r.random() < 0.6 else f"{v / 1e6:.1f} mln"

    def date_en(self):
        m = self.r.randrange(12)
        return f"{MON3[m]} {self.r.randint(1, 28)}"

    def co(self):
        a, b = self.r.choice(self.roster)
        return f"{a} {b}".upper(), (a[:3] + b[0]).upper()

    def wan(self):
        r = self.r
        v = r.randint(1_200, 9_800_000) / 100
        return f"{v:,.2f}万元" if v < 100_000 else f"{v / 10_000:.2f}亿元"

    def pct(self):
        return f"{self.r.uniform(-60, 120):.2f}%"

    def zh_co(self):
        a, b = self.r.choice(self.zh_roster)
        return f"{a}{b}股份有限公司", f"{a}{b}"

    def md(self):
        return self.r.randint(1, 12), self.r.randint(1, 28)

    def mobile(self):
        return f"1{self.r.choice('3578')}{self.r.randint(0, 9)}{self.r.randint(0, 99999999):08d}"

    # ------------------------------------------------------------ English
    def en_earnings(self):
        r = self.r
        name, tk = self.co()
        period = r.choice(["1ST QTR", "2ND QTR", "3RD QTR", "4TH QTR", "YEAR"])
        loss = r.random() < 0.15
        title = f"{name} <{tk}> {period} {'LOSS' if loss else 'NET'}"
        lines = []
        if r.random() < 0.5:
            lines.append(f"{'Qtr' if 'QTR' in period else 'Year'} ended {self.date_en()}")
        lines += [f"Shr {self.cts()} vs {self.cts()}", f"Net {'loss ' if loss else ''}{self.money()} vs {self.money()}",
                  f"{r.choice(['Revs', 'Sales'])} {self.money()} vs {self.money()}"]
        if r.random() < 0.4:
            lines.append(f"Avg shrs {r.randint(1_000_000, 60_000_000):,} vs {r.randint(1_000_000, 60_000_000):,}")
        if "QTR" in period and period != "1ST QTR" and r.random() < 0.6:
            lines.append({"2ND QTR": "Six mths", "3RD QTR": "Nine mths", "4TH QTR": "Year"}[period])
            lines += [f"Shr {self.cts()} vs {self.cts()}", f"Net {self.money()} vs {self.money()}",
                      f"Revs {self.money()} vs {self.money()}"]
        if r.random() < 0.35:
            lines.append("NOTE: " + r.choice([
                f"Prior year net includes gain of {self.money()} dlrs from sale of a unit.",
                f"Share data adjusted for a two-for-one split paid in {r.choice(MONTHS)}.",
                "Results restated for discontinued operations.",
                f"Current year net includes tax credit of {self.money()} dlrs.",
                "Company said it changed its fiscal year end."]))
        return "en", "earnings", title, lines

    def en_dividend(self):
        r = self.r
        name, tk = self.co()
        d = f"{r.randint(2, 90)}"
        title = f"{name} <{tk}> {r.choice(['SETS QUARTERLY DIVIDEND', 'RAISES DIVIDEND', 'DECLARES DIVIDEND'])}"
        lines = [f"Qtly div {d} cts vs {max(1, int(d) - r.randint(0, 5))} cts prior",
                 f"Pay {self.date_en()}", f"Record {self.date_en()}"]
        return "en", "dividend", title, lines

    def en_weather(self):
        r = self.r
        city = r.choice(CITIES_EN)
        hi = r.randint(20, 98)
        lo = hi - r.randint(6, 25)
        day = r.choice(DAYS)
        title = r.choice([f"Weather forecast for {city}", f"{city} weather: {r.choice(COND_EN).lower()}, high near {hi}",
                          f"{city} forecast for {day}"])
        lines = [f"Today: {r.choice(COND_EN)}. High {hi}F ({round((hi - 32) / 1.8)}C). Winds {r.choice(WIND)} at {r.randint(3, 30)} mph.",
                 f"Tonight: {r.choice(COND_EN)}. Low {lo}F.",
                 f"{DAYS[(DAYS.index(day) + 1) % 7]}: {r.choice(COND_EN)}. High {hi + r.randint(-8, 8)}F, low {lo + r.randint(-6, 6)}F."]
        if r.random() < 0.6:
            lines.append(f"Chance of precipitation: {r.randrange(0, 100, 10)}%")
        if r.random() < 0.5:
            lines.append(f"Sunrise {r.randint(5, 7)}:{r.randint(0, 59):02d} a.m., sunset {r.randint(4, 8)}:{r.randint(0, 59):02d} p.m.")
        if r.random() < 0.4:
            lines.append(f"UV index: {r.randint(1, 11)}. Pollen: {r.choice(['low', 'moderate', 'high'])}.")
        return "en", "weather", title, lines

    def en_results(self):
        r = self.r
        lg = r.choice(LEAGUES)
        day = r.choice(DAYS)
        teams = r.sample([f"{p} {c}" for p in PLACES for c in CLUB[:3]], 12)
        title = f"SOCCER - {lg.upper()} RESULTS"
        lines = [f"Results of {lg} matches played on {day}:"]
        for k in range(r.randint(3, 6)):
            lines.append(f"{teams[2 * k]} {r.randint(0, 4)} {teams[2 * k + 1]} {r.randint(0, 4)}")
        if r.random() < 0.4:
            lines.append(f"Postponed: {teams[-2]} v {teams[-1]}")
        return "en", "results", title, lines

    def en_match(self):
        r = self.r
        a, b = r.sample([f"{p} {c}" for p in PLACES for c in CLUB], 2)
        x, y = r.randint(0, 5), r.randint(0, 5)
        verb = "beat" if x > y else "lose to" if x < y else "draw with"
        title = f"{a} {verb} {b} {x}-{y}"
        scorers = lambda n: ", ".join(f"{r.choice(PLAYERS)} {r.randint(1, 90)}" for _ in range(n)) or "none"
        lines = [f"{r.choice(LEAGUES)} result on {r.choice(DAYS)}:",
                 f"{a} {x} ({min(x, r.randint(0, 2))}) {b} {y} ({min(y, r.randint(0, 2))})",
                 f"Scorers: {a} - {scorers(x)}; {b} - {scorers(y)}",
                 f"Attendance: {r.randint(1200, 48000):,}"]
        if r.random() < 0.5:
            lines.append(f"Referee: {r.choice(PLAYERS)} ({r.choice(PLACES)})")
        return "en", "match", title, lines

    def en_crude(self):
        r = self.r
        name, _ = self.co()
        up = r.random() < 0.5
        chg = r.choice([25, 50, 75, 100])
        p = r.randint(1400, 2400) / 100
        g1, g2 = r.sample(GRADES, 2)
        title = f"{name} {'RAISES' if up else 'CUTS'} CRUDE OIL POSTINGS"
        lines = [f"{name.title()} said it {'raised' if up else 'lowered'} the contract price it will pay for all grades of crude oil by {chg} cts a barrel, effective {self.date_en()}.",
                 f"The change brings its posted price for {g1} to {p:.2f} dlrs a barrel.",
                 f"{g2} is now posted at {p - r.randint(0, 150) / 100:.2f} dlrs."]
        if r.random() < 0.5:
            lines.append(f"The price was last changed on {self.date_en()}, when it was {'cut' if up else 'raised'} {r.choice([25, 50])} cts.")
        return "en", "price", title, lines

    def en_spot(self):
        r = self.r
        picks = r.sample(COMMODITIES, r.randint(3, 5))
        title = f"SPOT COMMODITY PRICES - {self.date_en().upper()}"
        lines = [f"Closing spot prices on {r.choice(DAYS)} (previous in brackets):"]
        for c, unit in picks:
            v = r.uniform(1, 500)
            lines.append(f"{c} {v:.2f} ({v * r.uniform(0.95, 1.05):.2f}) {unit}")
        return "en", "price", title, lines

    # ------------------------------------------------------------ Chinese
    def zh_earnings(self):
        r = self.r
        full, short = self.zh_co()
        y = r.randint(2015, 2024)
        per = r.choice(["第一季度", "半年度", "前三季度", "年度"])
        title = r.choice([f"{short}：{y}年{per}业绩快报", f"{full}{y}年{per}业绩快报公告",
                          f"{short}{y}年{per}净利润同比{'增长' if r.random() < 0.6 else '下降'}{r.uniform(1, 90):.2f}%"])
        code = f"{r.choice(['600', '601', '000', '002', '300'])}{r.randint(0, 999):03d}"
        lines = [f"证券代码：{code}　证券简称：{short}　公告编号：{y}-{r.randint(1, 80):03d}",
                 "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
                 f"营业总收入：{self.wan()}，上年同期{self.wan()}，增减变动幅度{self.pct()}",
                 f"归属于上市公司股东的净利润：{self.wan()}，上年同期{self.wan()}，增减变动幅度{self.pct()}",
                 f"基本每股收益：{r.uniform(-0.5, 2.5):.2f}元，上年同期{r.uniform(-0.5, 2.5):.2f}元"]
        if r.random() < 0.6:
            lines.append(f"加权平均净资产收益率：{r.uniform(-5, 25):.2f}%，上年同期{r.uniform(-5, 25):.2f}%")
        if r.random() < 0.5:
            lines.append(f"总资产：{self.wan()}，较报告期初增长{r.uniform(0, 40):.2f}%")
        lines += ["本次业绩快报数据未经会计师事务所审计，最终数据以公司正式披露的定期报告为准。",
                  "特此公告。", f"{full}董事会", f"{y}年{r.randint(1, 12)}月{r.randint(1, 28)}日"]
        return "zh", "earnings", title, lines

    def zh_weather(self):
        r = self.r
        city = r.choice(ZH_CITIES)
        m, d = self.md()
        hi = r.randint(-5, 38)
        lo = hi - r.randint(4, 14)
        cond = r.choice(ZH_COND)
        title = r.choice([f"{city}天气预报（{m}月{d}日）", f"{city}今天{cond}，最高气温{hi}℃", f"{m}月{d}日{city}天气"])
        lines = [f"今天白天，{cond}，最高气温{hi}℃，{r.choice(ZH_WIND)}{r.randint(1, 3)}到{r.randint(4, 6)}级。",
                 f"今天夜间，{r.choice(ZH_COND)}，最低气温{lo}℃。",
                 f"明天，{r.choice(ZH_COND)}，气温{lo + r.randint(-3, 3)}～{hi + r.randint(-3, 3)}℃。"]
        if r.random() < 0.6:
            lines.append(f"空气质量：{r.choice(ZH_AIR)}，首要污染物{r.choice(['PM2.5', '臭氧', 'PM10'])}。")
        if r.random() < 0.5:
            lines.append(f"相对湿度{r.randint(20, 95)}%，降水概率{r.randrange(0, 100, 10)}%。")
        if r.random() < 0.5:
            lines.append("生活提示：" + r.choice(ZH_TIPS))
        lines.append(f"发布单位：{city}市气象台　发布时间：{m}月{d}日{r.choice([6, 11, 17])}时")
        return "zh", "weather", title, lines

    def zh_match(self):
        r = self.r
        lg = r.choice(ZH_LEAGUE)
        a, b = r.sample([c + t for c in ZH_CITIES for t in ZH_TEAM], 2)
        x, y = r.randint(0, 4), r.randint(0, 4)
        n = r.randint(1, 30)
        m, d = self.md()
        res = "战胜" if x > y else "不敌" if x < y else "战平"
        title = f"{lg}第{n}轮：{a}{x}比{y}{res}{b}" if r.random() < 0.6 else f"{a}主场{res}{b}"
        lines = [f"北京时间{m}月{d}日，{lg}第{n}轮一场比赛在{a[:2]}体育中心进行，{a}主场以{x}比{y}{res}{b}。"]
        goals = [f"{r.choice(ZH_PLAYERS)}（第{r.randint(1, 90)}分钟）" for _ in range(x + y)]
        if goals:
            lines.append("进球：" + "、".join(goals))
        lines.append(f"全场数据：射门{r.randint(5, 25)}比{r.randint(5, 25)}，控球率{(p := r.randint(35, 65))}%比{100 - p}%。")
        lines.append(f"本轮过后，{a}积{r.randint(0, 70)}分，暂列积分榜第{r.randint(1, 16)}位。")
        return "zh", "match", title, lines

    def zh_results(self):
        r = self.r
        lg = r.choice(ZH_LEAGUE)
        n = r.randint(1, 30)
        teams = r.sample([c + t for c in ZH_CITIES for t in ZH_TEAM], 12)
        title = f"{lg}第{n}轮赛果"
        lines = [f"{lg}第{n}轮比赛结果如下："]
        for k in range(r.randint(3, 6)):
            lines.append(f"{teams[2 * k]} {r.randint(0, 4)}:{r.randint(0, 4)} {teams[2 * k + 1]}")
        return "zh", "results", title, lines

    def zh_fuel(self):
        r = self.r
        prov = r.choice(ZH_PROV)
        m, d = self.md()
        up = r.random() < 0.5
        a, b = r.choice([55, 70, 85, 100, 125, 150, 175, 200]), r.choice([50, 65, 80, 95, 120, 145, 170, 195])
        p92 = r.uniform(6.5, 8.9)
        title = f"{prov}省成品油价格调整公告" if r.random() < 0.5 else f"{m}月{d}日24时起{prov}油价{'上调' if up else '下调'}"
        lines = [f"根据国家发展改革委价格调整通知，自{m}月{d}日24时起，{prov}省汽、柴油最高零售价格每吨分别{'提高' if up else '降低'}{a}元和{b}元。",
                 f"调整后，92号汽油最高零售价格为每升{p92:.2f}元，95号汽油每升{p92 + r.uniform(0.4, 0.6):.2f}元，0号柴油每升{p92 - r.uniform(0.2, 0.6):.2f}元。",
                 "各成品油经营企业要严格执行国家价格政策，不得超过最高零售价格销售。"]
        if r.random() < 0.5:
            lines.append("消费者如发现价格违法行为，可拨打12315进行举报。")
        if r.random() < 0.12:   # a genuine contact number in the body: a review here is wanted
            lines.append(f"联系人：{r.choice(ZH_PLAYERS)}，联系电话：{self.mobile()}")
        lines.append(f"{prov}省发展和改革委员会")
        return "zh", "price", title, lines

    def zh_market(self):
        r = self.r
        city = r.choice(ZH_CITIES)
        m, d = self.md()
        title = f"{city}{m}月{d}日农产品批发价格行情"
        lines = [f"据{city}市农产品批发市场监测，{m}月{d}日主要品种批发均价如下："]
        for v in r.sample(VEG, r.randint(4, 7)):
            lines.append(f"{v} {r.uniform(0.8, 40):.2f}元/公斤，较前一日{'上涨' if r.random() < 0.5 else '下跌'}{r.uniform(0, 15):.1f}%")
        if r.random() < 0.5:
            lines.append("以上价格为批发均价，仅供参考。")
        return "zh", "price", title, lines

    def zh_stock_notice(self):
        r = self.r
        full, short = self.zh_co()
        code = f"{r.choice(['600', '603', '000', '002', '300'])}{r.randint(0, 999):03d}"
        m, d = self.md()
        up = r.random() < 0.7
        title = f"{short}：关于股票交易异常波动的公告" if r.random() < 0.6 else f"{full}股票交易异常波动公告"
        lines = [f"证券代码：{code}　证券简称：{short}　公告编号：{r.randint(2016, 2024)}-{r.randint(1, 90):03d}",
                 f"{full}股票于{m}月{d}日、{m}月{d + 1}日、{m}月{d + 2}日连续三个交易日收盘价格{'涨幅' if up else '跌幅'}偏离值累计超过{r.choice([20, 30])}%，属于股票交易异常波动的情形。",
                 "经公司董事会核实，公司前期披露的信息不存在需要更正、补充之处，公司经营情况正常，内外部经营环境未发生重大变化。",
                 f"公司{r.choice(['控股股东', '实际控制人'])}不存在应披露而未披露的重大事项。",
                 "公司郑重提醒广大投资者，注意二级市场交易风险，理性决策，审慎投资。", "特此公告。", f"{full}董事会"]
        return "zh", "notice", title, lines


NUM = re.compile(r"\d+(?:[.,]\d+)*")
NAME_POOLS = [CO_A, CITIES_EN, PLACES, ZH_CO_A, ZH_CITIES, ZH_PROV, ZH_PLAYERS, PLAYERS]


def twin(r, title, lines):
    """The same report with one figure or one name changed."""
    text = "\n".join(lines)
    if r.random() < 0.3:
        found = [(pool, n) for pool in NAME_POOLS for n in pool if n in text]
        if found:
            pool, n = r.choice(found)
            other = r.choice([x for x in pool if x != n and x not in title + text] or [n])
            if other != n:
                swap = lambda t: t.replace(n, other).replace(n.upper(), other.upper())
                return swap(title), [swap(l) for l in lines]
    def figure(l, m):   # a figure, not a day, month, year or hour
        before, after = l[: m.start()], l[m.end():]
        return not (re.search(r"(?:%s) $" % "|".join(MON3 + MONTHS), before) or re.match(r"[年月日时]", after)
                    or re.search(r"\d+年$|\d+月$", before) or re.match(r"年", after))
    spots = [(k, m) for k, l in enumerate(lines) for m in NUM.finditer(l) if figure(l, m)]
    k, m = r.choice(spots)
    old = m.group()
    while True:
        new = "".join(str(r.randint(1 if j == 0 and c != "0" else 0, 9)) if c.isdigit() else c for j, c in enumerate(old))
        if new != old:
            break
    lines = list(lines)
    lines[k] = lines[k][: m.start()] + new + lines[k][m.end():]
    return title, lines


MIX = [("en_earnings", 70), ("en_dividend", 15), ("en_weather", 30), ("en_results", 15), ("en_match", 20),
       ("en_crude", 15), ("en_spot", 10), ("zh_earnings", 45), ("zh_weather", 40), ("zh_match", 25),
       ("zh_results", 15), ("zh_fuel", 20), ("zh_market", 15), ("zh_stock_notice", 25)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=320, help="number of reports before twins (shares as in MIX)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--twins", type=float, default=0.25, help="share of reports that also get a near twin")
    a = ap.parse_args()
    mk = Maker(a.seed)
    total = sum(n for _, n in MIX)
    plan = [fn for fn, n in MIX for _ in range(max(1, round(n * a.count / total)))]
    seen, out = set(), []
    for fn in plan:
        for _ in range(20):
            lang, kind, title, lines = getattr(mk, fn)()
            text = "\n".join(lines)
            if text not in seen:
                seen.add(text)
                break
        first = {"id": f"tpl-{lang}-{kind}-{len(out):04d}", "title": title, "text": text, "lang": lang,
                 "origin": "templated", "kind": kind}
        out.append(first)
        if mk.r.random() < a.twins:
            for _ in range(20):
                t2, l2 = twin(mk.r, title, lines)
                if "\n".join(l2) not in seen:
                    seen.add("\n".join(l2))
                    out.append(dict(first, id=f"tpl-{lang}-{kind}-{len(out):04d}", title=t2, text="\n".join(l2),
                                    twin_of=first["id"]))
                    break
    with open(a.out, "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(out)} templated reports -> {a.out}")


if __name__ == "__main__":
    main()
