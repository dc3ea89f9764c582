import Testing
@testable import WinnowCore

/// A report's lines keyed by their figures (`FigureLines`): the same figures in other words
/// (another scorer, another company) make another report; a copy's lines read the same whatever
/// its script, width or punctuation, and a label joined to a line changes nothing among its figures.
struct FigureLinesTests {
    func lines(_ text: [String]) -> [UInt64] { FigureLines.of(lines: text.map { Support.normalized($0)[...] }) }

    @Test func theSameFiguresInOtherWordsAreAnotherReport() {
        let a = lines(["进球：杨帆（第32分钟）、陈一鸣（第85分钟）、杨帆（第29分钟）"])
        let b = lines(["进球：刘子轩（第32分钟）、陈一鸣（第85分钟）、刘子轩（第29分钟）"])
        #expect(FigureLines.wordsReplaced(a, b))
        #expect(!FigureLines.wordsReplaced(a, a))
    }

    @Test func aCopyReadsTheSame() {
        let a = lines(["進球：楊帆（第32分鐘）、陳一鳴（第85分鐘）", "Year", "Shr 28 cts vs 20 cts"])
        let copy = lines(["进球：杨帆(第３２分钟),陈一鸣(第85分钟)", "Year Shr 28 cts vs 20 cts"])
        #expect(!FigureLines.wordsReplaced(copy, a) && !FigureLines.wordsReplaced(a, copy))
        // A line of one figure keys no line, only its figure (with the name beside it).
        #expect(lines(["只有一个数字 5"]).count == 1)
    }

    @Test func anotherNameBesideTheSameFiguresIsAnotherReport() {
        // A results row naming another team, before the score or after it, in either script.
        let a = lines(["重庆海港 1:1 大连锋范", "郑州锋范 1:3 昆明星辰"])
        #expect(FigureLines.wordsReplaced(lines(["广州海港 1:1 大连锋范", "郑州锋范 1:3 昆明星辰"]), a))
        #expect(FigureLines.wordsReplaced(lines(["重庆海港 1:1 大连锋范", "郑州锋范 1:3 武汉星辰"]), a))
        #expect(FigureLines.wordsReplaced(lines(["Harwick Rovers 2 Porthaven United 1"]), lines(["Dunmore Rovers 2 Porthaven United 1"])))
        // A copy: other spacing and script, or a row cut inside a name (too little left to tell).
        #expect(!FigureLines.wordsReplaced(lines(["重慶海港 1 : 1 大連鋒範", "郑州锋范1:3昆明星"]), a))
    }

    @Test func eachFigureKeepsTheNamesBesideItWhereRowsRunTogether() {
        let table = lines(["Morcombe Town 2 Harwick Town 2", "Harwick Rovers 0 Carrow Rovers 1"])
        // A listing that ran the rows together keys no line as the table does: its figures still
        // name the table's teams, and its twin's name others.
        let copy = lines(["Morcombe Town 2 Harwick Town 2 Harwick Rovers 0 Carrow Rovers 1"])
        let twin = lines(["Morcombe Town 2 Glenbrook Town 2 Glenbrook Rovers 0 Carrow Rovers 1"])
        #expect(!FigureLines.wordsReplaced(copy, table) && !FigureLines.wordsReplaced(table, copy))
        #expect(FigureLines.wordsReplaced(twin, table))
        // A price that rose is not one that fell by as much.
        #expect(FigureLines.wordsReplaced(lines(["洋葱 38.47元/公斤，较前一日上涨14.5%"]), lines(["洋葱 38.47元/公斤，较前一日下跌14.5%"])))
        // A figure at a line's end, with no name beside it, is the one a joined line names.
        #expect(!FigureLines.wordsReplaced(lines(["Qtly div 32 cts vs 27 cts prior", "Pay July 27 Record Oct 26"]),
                                           lines(["Qtly div 32 cts vs 27 cts prior", "Pay July 27", "Record Oct 26"])))
    }

    /// A form of thousands of lines keeps its first `limit` entries (memory per article stays
    /// bounded; entries repeated are kept once).
    @Test func aLongTextKeepsItsFirstLines() {
        let many = (0..<1_000).map { "第\($0)行 \($0 * 7) 与 \($0 * 13)" }
        let kept = lines(many)
        #expect(kept.count <= FigureLines.limit && kept.count > FigureLines.limit * 3 / 4)
    }

    /// Two score reports that differ in the scorer's name only; the first again, reposted.
    @Test func scoreReportsWithAnotherScorerAreNotMerged() throws {
        _ = Support.ready
        let title = "广州星辰主场战胜武汉雄狮"
        func report(_ scorer: String) -> String {
            [title, "北京时间11月10日，甲级联赛第18轮一场比赛在广州体育中心进行，广州星辰主场以3比0战胜武汉雄狮。",
             "进球：\(scorer)（第32分钟）、陈一鸣（第85分钟）、\(scorer)（第29分钟）", "全场数据：射门15比9，控球率55%比45%。"].joined(separator: "\n")
        }
        let result = try ScanEngine(rules: .empty).scan([
            Article(id: "a", text: report("杨帆"), title: title, url: "https://a.example.cn/1"),
            Article(id: "b", text: report("刘子轩"), title: title, url: "https://b.example.cn/1"),
            Article(id: "copy", text: report("杨帆"), title: title, url: "https://c.example.cn/1"),
        ])
        #expect(!result.analyses[0].fingerprint.figureLines.isEmpty)
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }

    /// Score reports whose scorers run in one sentence read as run-on reports, not laid out in
    /// rows: one naming another scorer at a minute is still another report.
    @Test func runOnScoreReportsWithAnotherScorerAreNotMerged() throws {
        _ = Support.ready
        let title = "职业篮球联赛第16轮：郑州雄狮3比4不敌大连海港"
        func report(_ last: String) -> String {
            [title, "北京时间8月24日，职业篮球联赛第16轮一场比赛在郑州体育中心进行，郑州雄狮主场以3比4不敌大连海港。",
             "进球：吴昊（第35分钟）、杨帆（第53分钟）、王志远（第65分钟）、吴昊（第52分钟）、赵天宇（第12分钟）、张浩然（第49分钟）、\(last)（第11分钟）",
             "全场数据：射门20比5，控球率37%比63%。", "本轮过后，郑州雄狮积35分，暂列积分榜第3位。"].joined(separator: "\n")
        }
        let result = try ScanEngine(rules: .empty).scan([
            Article(id: "a", text: report("黄俊杰"), title: title, url: "https://a.example.cn/1"),
            Article(id: "b", text: report("陈一鸣"), title: title, url: "https://b.example.cn/1"),
        ])
        #expect(Figures.isRunOnReport(result.analyses[0].fingerprint) && !Figures.isReport(result.analyses[0].fingerprint))
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
    }

    @Test func aFigureWithTheSameNamesBesideItIsReplaced() {
        let a = lines(["甲级篮球联赛第14轮比赛结果如下：", "南昌飞龙 1:3 天津星辰"])
        // The same words both sides of another number, whatever a headline elsewhere says.
        let b = lines(["甲级篮球联赛第14轮赛果", "甲级篮球联赛第16轮比赛结果如下：", "南昌飞龙 1:3 天津星辰"])
        #expect(FigureLines.figureReplaced(a, b) && FigureLines.figureReplaced(b, a))
        #expect(!FigureLines.wordsReplaced(a, b))
        // A copy, one with a line more, or one cut at a figure (no name after it) replaces none.
        #expect(!FigureLines.figureReplaced(a, lines(["甲级篮球联赛第14轮比赛结果如下：南昌飞龙 1:3 天津星辰", "（完）"])))
        #expect(!FigureLines.figureReplaced(lines(["甲级篮球联赛第16"]), a))
    }

    /// A name that punctuation closes is said in full, however short ("第6位。"), where a line's
    /// end, or a cut's ellipsis, may have cut it.
    @Test func aNameThatPunctuationClosesIsNamed() {
        let a = lines(["本轮过后，郑州星辰积65分，暂列积分榜第6位。", "射门3比6。"])
        let b = lines(["本轮过后，郑州星辰积65分，暂列积分榜第3位。", "射门3比6。"])
        #expect(FigureLines.figureReplaced(a, b) && FigureLines.figureReplaced(b, a))
        #expect(!FigureLines.figureReplaced(a, lines(["本轮过后，郑州星辰积65分，暂列积分榜第6位。（完）"])))
        // Cut short, with a mark or without: nothing after the figure is said.
        #expect(!FigureLines.figureReplaced(lines(["本轮过后，郑州星辰积65分，暂列积分榜第3…"]), a))
        #expect(!FigureLines.figureReplaced(lines(["本轮过后，郑州星辰积65分，暂列积分榜第3位..."]), a))
        #expect(!FigureLines.figureReplaced(lines(["暂列积分榜第6位…"]), a))
        #expect(FigureLines.isEllipsis(Support.normalized("位…")[...], at: 3, backwards: false))
        #expect(!FigureLines.isEllipsis(Support.normalized("位。")[...], at: 3, backwards: false))
    }

    /// The name before a figure in brackets is read over them: the scorer of "张浩然（第70分钟）",
    /// the first on the line, where the words among the figures name only the others.
    @Test func theNameBeforeABracketedFigureIsRead() {
        let a = lines(["进球：张浩然（第70分钟）、周博文（第13分钟）、李承泽（第5分钟）"])
        let twin = lines(["進球:劉子軒(第70分鐘)、周博文(第13分鐘)、李承澤(第5分鐘)"])
        #expect(FigureLines.wordsReplaced(a, twin) && FigureLines.wordsReplaced(twin, a))
        #expect(!FigureLines.wordsReplaced(a, lines(["進球:張浩然(第70分鐘)、周博文(第13分鐘)、李承澤(第5分鐘)"])))
    }

    /// Another figure standing next to a figure (over spaces, brackets or a score's separator)
    /// tells that it is whole: with a name on its other side, it says where it stands.
    @Test func aFigureBesideAnotherStandsWhereItsNameSays() {
        let goalless = lines(["Brackley United 0 (0) Kingsbury United 0 (0)"])
        let twin = lines(["Brackley United 0 (0) Kingsbury United 4 (0)"])
        #expect(FigureLines.figureReplaced(goalless, twin) && FigureLines.figureReplaced(twin, goalless))
        #expect(FigureLines.figureReplaced(lines(["厦门猎豹 3:2 郑州猎豹"]), lines(["厦门猎豹 3:6 郑州猎豹"])))
        #expect(!FigureLines.figureReplaced(goalless, lines(["Brackley United 0 (0)", "Kingsbury United 0 (0)", "Attendance: 39,494"])))
        // Figures between figures only (a date, a row of prices) say nothing of where they stand.
        #expect(!FigureLines.figureReplaced(lines(["更新 2024-06-04 10:30"]), lines(["更新 2024-06-05 10:30"])))
        #expect(!FigureLines.figureReplaced(lines(["Wheat 4.12 4.05 3.98"]), lines(["Wheat 4.12 4.07 3.98"])))
    }

    /// A label's colon right before a figure lets the label name it: a notice's code line with
    /// another stock code, the same short name after it, is another company's.
    @Test func aLabelNamesTheFigureAfterItsColon() {
        let a = lines(["证券代码：914922　证券简称：嘉禾药业　公告编号：2018-028"])
        let b = lines(["证券代码：002688　证券简称：嘉禾药业　公告编号：2018-028"])
        #expect(FigureLines.figureReplaced(a, b) && FigureLines.figureReplaced(b, a))
        #expect(!FigureLines.figureReplaced(a, lines(["证券代码:914922 证券简称:嘉禾药业 公告编号:2018-028"])))
        // A score's colon is no label's: the figure before it names that side.
        #expect(FigureLines.name(Support.normalized("厦门猎豹 3:")[...], backwards: true) == FigureLines.nextFigure)
    }

    /// A row's line names the row by the whole name it opens with: tables naming teams whose
    /// names end alike ("Newhaven Town" / "Porthaven Town") are two tables, while a copy that
    /// joined the row to a line ending in punctuation, or ran the rows together, is a copy.
    @Test func aRowIsNamedInFullWhereItsLineOpensWithTheName() {
        let a = lines(["Newhaven Town 3 Lowfield United 3", "Morcombe Town 4 Stanmoor Town 4"])
        let b = lines(["Porthaven Town 3 Lowfield United 3", "Morcombe Town 4 Stanmoor Town 4"])
        #expect(FigureLines.wordsReplaced(a, b) && FigureLines.wordsReplaced(b, a))
        for copy in [lines(["Results on Friday: Newhaven Town 3 Lowfield United 3", "Morcombe Town 4 Stanmoor Town 4"]),
                     lines(["Newhaven Town 3 Lowfield United 3 Morcombe Town 4 Stanmoor Town 4"])] {
            #expect(!FigureLines.wordsReplaced(copy, a) && !FigureLines.wordsReplaced(a, copy))
        }
        #expect(FigureLines.fullName(before: Support.normalized("Soybeans ")[...]) == nil)
        #expect(FigureLines.fullName(before: Support.normalized("lb Soybeans ")[...]) != nil)
        #expect(FigureLines.fullName(before: Support.normalized("3 Newhaven Town ")[...]) == nil)
    }

    /// A figure that punctuation closes after a name in full ends its clause, which says where it
    /// stands: a forecast stating another low there is another forecast. After a short word that
    /// a line's start may have cut ("Low 74F." in a copy that dropped the sentence before) it
    /// says nothing.
    @Test func aClauseEndNamesAFigureAfterANameInFull() {
        let twin = lines(["今天夜间，中雨，最低气温14℃。明天，中雨，气温23～32℃。"])
        #expect(FigureLines.figureReplaced(lines(["今天夜间，中雨，最低气温23℃。"]), twin))
        #expect(!FigureLines.figureReplaced(lines(["今天夜間，中雨，最低氣溫14℃。"]), twin))
        let forecast = lines(["Tonight: Snow showers. Low 74F.", "Monday: Windy and dry. High 89F, low 75F."])
        let copy = lines(["Low 74F.", "Monday: Windy and dry. High 89F, low 75F."])
        #expect(!FigureLines.figureReplaced(forecast, copy) && !FigureLines.figureReplaced(copy, forecast))
    }

    /// A line whose brackets close it is keyed by the names inside them: a referee named in the
    /// middle of the same words is another match's.
    @Test func aLineInBracketsIsKeyedByTheNamesInside() {
        let a = lines(["Attendance: 27,034", "Referee: Fischer (Dunmore)"])
        let twin = lines(["Attendance: 27,034", "Referee: Barros (Dunmore)"])
        #expect(FigureLines.wordsReplaced(a, twin) && FigureLines.wordsReplaced(twin, a))
        #expect(!FigureLines.wordsReplaced(a, lines(["Attendance: 27,034", "Referee:  Fischer  (Dunmore)", "(Editing by Jo Lee)"])))
        #expect(FigureLines.trimmed(Support.normalized("(Dunmore)")[...]).elementsEqual("dunmore".utf8))
        #expect(FigureLines.trimmed(Support.normalized("「」")[...]).isEmpty)
    }

    /// A repost that ran labelled rows into one line is cut back into them after each figure, so
    /// its rows key as the report's lines do: a twin naming another referee differs, a copy not.
    @Test func labelledRowsRunTogetherAreCutBackIntoRows() {
        let a = lines(["Attendance: 27,034", "Referee: Fischer (Dunmore)"])
        let runOn = lines(["Attendance: 27,034 Referee: Barros (Dunmore)"])
        #expect(FigureLines.wordsReplaced(runOn, a) && FigureLines.wordsReplaced(a, runOn))
        let copy = lines(["Attendance: 27,034 Referee: Fischer (Dunmore)"])
        #expect(!FigureLines.wordsReplaced(copy, a) && !FigureLines.wordsReplaced(a, copy))
        func rows(_ s: String) -> [String] { FigureLines.rows(of: Array(s.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } }
        #expect(rows("Brackley Rangers 2 (2)Scorers: Kowalski 57") == ["Brackley Rangers 2 (2)", "Scorers: Kowalski 57"])
        #expect(rows("Attendance: 7,817 Referee: Mensah") == ["Attendance: 7,817 ", "Referee: Mensah"])
        // No figure right before it, or a label of several words: where a row starts, words cannot tell.
        #expect(rows("Result on Wednesday: Porthaven City 0") == ["Result on Wednesday: Porthaven City 0"])
        #expect(rows("High 75F, low 64F. Chance of precipitation: 20%") == ["High 75F, low 64F. Chance of precipitation: 20%"])
        #expect(rows("Low 72F.UV index: 6.") == ["Low 72F.UV index: 6."])
    }

    /// A results table whose scores repeat (1:3, 1:1, 3:1) stays under a report's density of
    /// distinct figures, yet states one beside every team (`Figures.isTable`), and is compared
    /// line by line with its twin: another round is another report.
    @Test func aResultsTableWithAnotherRoundIsNotMergedWithItsTwin() throws {
        _ = Support.ready
        let title = "甲级篮球联赛第14轮赛果"
        func table(round: Int, glued: Bool) -> String {
            let rows = ["南昌飞龙 1:3 天津星辰", "重庆猎豹 1:1 昆明蓝鲸", "深圳铁军 3:1 北京锋范"]
            return ([title, "甲级篮球联赛第\(round)轮比赛结果如下："] + (glued ? [rows[0] + rows[1], rows[2], "（完）"] : rows)).joined(separator: "\n")
        }
        let result = try ScanEngine(rules: .empty).scan([
            Article(id: "a", text: table(round: 14, glued: false), title: title, url: "https://a.example.cn/1"),
            Article(id: "b", text: table(round: 16, glued: true), title: title, url: "https://b.example.cn/1"),
            Article(id: "copy", text: table(round: 14, glued: true), title: title, url: "https://c.example.cn/1"),
        ])
        #expect(Figures.isTable(result.analyses[0].fingerprint))
        #expect(result.decisions[0].canonical == "a" && result.decisions[1].canonical == "b", "\(result.decisions[0].reasons) \(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }

    /// The name a line ends with is its last word: a twin naming another team right before it
    /// ("… v Lowfield Town" / "… v Elmsworth Town") says other words under the same key, while
    /// notes ending in other words key apart.
    @Test func aLineEndsWithItsLastWord() {
        let a = lines(["Kingsbury Town 2 Lowfield United 1", "Postponed: Kingsbury Town v Lowfield Town"])
        let twin = lines(["Kingsbury Town 2 Lowfield United 1", "Postponed: Kingsbury Town v Elmsworth Town"])
        #expect(FigureLines.wordsReplaced(a, twin) && FigureLines.wordsReplaced(twin, a))
        #expect(!FigureLines.wordsReplaced(lines(["Additional reporting by staff"]), lines(["Additional reporting by Jo Lee"])))
    }

    @Test func aLineWithAnotherNameBetweenTheSameWordsIsReplaced() {
        let a = lines(["Redbridge United 1 Glenbrook Town 0", "Postponed: Harwick Rovers v Porthaven United"])
        let twin = lines(["Redbridge United 1 Glenbrook Town 0", "Postponed: Dunmore Rovers v Porthaven United"])
        #expect(FigureLines.wordsReplaced(a, twin) && FigureLines.wordsReplaced(twin, a))
        // A copy in other spacing, or with a note added, says the same.
        let copy = lines(["Redbridge United 1  Glenbrook Town 0", "Postponed:  Harwick Rovers v Porthaven United", "Reporting by the sports desk"])
        #expect(!FigureLines.wordsReplaced(a, copy) && !FigureLines.wordsReplaced(copy, a))
    }

    /// Two results tables that differ only in the match a line says was postponed, and the first
    /// again on a third site.
    @Test func resultsTablesNamingAnotherPostponedMatchAreNotMerged() throws {
        _ = Support.ready
        let title = "SOCCER - PREMIER DIVISION RESULTS"
        func table(_ home: String) -> String {
            [title, "Results of Premier Division matches played on Saturday:", "Oxley Rovers 3 Stanmoor Rovers 2",
             "Ashford Rovers 3 Elmsworth Rovers 0", "Lowfield Town 3 Brackley Town 2", "Redbridge United 1 Glenbrook Town 0",
             "Postponed: \(home) Rovers v Porthaven United"].joined(separator: "\n")
        }
        let result = try ScanEngine(rules: .empty).scan([
            Article(id: "a", text: table("Harwick"), title: title, url: "https://a.example.com/1", publishedAt: "2024-05-04 18:00:00"),
            Article(id: "b", text: table("Dunmore"), title: title, url: "https://b.example.com/1", publishedAt: "2024-05-04 19:00:00"),
            Article(id: "copy", text: table("Harwick"), title: title, url: "https://c.example.com/1", publishedAt: "2024-05-04 20:00:00"),
        ])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
