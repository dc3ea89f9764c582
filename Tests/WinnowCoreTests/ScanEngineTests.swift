import Testing
@testable import WinnowCore

/// End to end in memory: reposts on other sites, a Traditional copy, a copy cut short and an
/// excerpt all end up with the original; an orphan excerpt and unrelated stories stay.
struct ScanEngineTests {
    static let story = Pages.body(seed: 500, paragraphs: 5)
    static let traditional = story.map { p in String(p.unicodeScalars.map { Character(TextNormalizer.simplify($0)) }) }

    func wrap(_ body: [String], site: Int, title: String = "滨江新区启用智慧公交调度系统") -> String {
        let heads = ["首页 > 新闻中心 > 本地", "当前位置：首页 / 资讯 / 本地", "• 我的订阅"]
        let tails = ["版权所有 © 2020-2025 滨江新闻网 保留所有权利", "声明：本文转载自网络，如有侵权请联系删除。", "快照生成时间:2025-05-07 09:00:00"]
        return ([heads[site % 3], title, "发布时间：2025-05-0\(site + 1) 08:30:00"] + body + [tails[site % 3]]).joined(separator: "\n")
    }

    @Test func clustersCopiesAndKeepsOneFullCanonical() throws {
        _ = Support.ready
        let s = Self.story
        var articles = [
            Article(id: "original", text: wrap(s, site: 0), title: "滨江新区启用智慧公交调度系统", url: "https://a.example/1", publishedAt: "2025-05-01"),
            Article(id: "repost", text: wrap(s, site: 1), url: "https://b.example/1", publishedAt: "2025-05-02"),
            Article(id: "edited", text: wrap(Array(s.dropLast()) + [s[4] + "（完）"], site: 2), url: "https://c.example/1", publishedAt: "2025-05-03"),
            Article(id: "partial", text: wrap(Array(s.prefix(3)), site: 1), url: "https://b.example/2", publishedAt: "2025-05-04"),
            Article(id: "excerpt", text: wrap([String(s[0].prefix(45)) + "……"], site: 2), url: "https://c.example/2", publishedAt: "2025-05-05"),
            Article(id: "orphan", text: wrap([String(Pages.body(seed: 999)[0].prefix(45)) + "……"], site: 0), url: "https://a.example/9"),
        ]
        for i in 0..<5 {
            articles.append(Article(id: "other\(i)", text: wrap(Pages.body(seed: UInt64(600 + i)), site: i, title: "别的新闻\(i)"),
                                    url: "https://d.example/\(i)"))
        }
        let result = try ScanEngine(rules: .empty).scan(articles)
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(byId["original"]?.kind == .keep)
        for id in ["repost", "edited", "partial", "excerpt"] {
            #expect(byId[id]?.canonical == "original", "\(id): \(byId[id]?.reasons ?? [])")
            #expect(byId[id]?.kind != .keep)
        }
        #expect(byId["partial"]?.match?.kind == .partial)
        #expect(byId["excerpt"]?.match?.kind == .excerpt)
        #expect(byId["orphan"]?.kind == .keep)
        for i in 0..<5 { #expect(byId["other\(i)"]?.kind == .keep) }
        #expect(result.decisions.count == articles.count)
        #expect(result.decisions.allSatisfy { !$0.reasons.isEmpty })
        for d in result.decisions { if let m = d.match { #expect((0...1.0001).contains(m.jaccard) && (0...1.0001).contains(m.containment), "\(d.id)") } }
    }

    /// A press release syndicated hundreds of times: one representative takes part in the
    /// search, every copy still gets a decision, and the earliest copy is the canonical.
    /// A viral story: 300 reposts, every other one with one character changed. However many
    /// copies crowd each other's nearest SimHash hits, each meets the cluster's centre (crowd
    /// leaders), and the story's shingles weigh as one story's, not 300 documents' (an edited
    /// copy's own shingles would otherwise outweigh the hundreds it shares).
    @Test func viralStoryEditedByAWordIsOneCluster() throws {
        _ = Support.ready
        let body = Pages.body(seed: 91, paragraphs: 5)
        let articles = (0..<300).map { i -> Article in
            var lines = body
            if i % 2 == 1 {
                // A word changed, never a figure (a changed number may make another report).
                var scalars = Array(lines[2].unicodeScalars)
                let han = scalars.indices.filter { (0x4E00...0x9FFF).contains(scalars[$0].value) }
                scalars[han[(i * 7) % han.count]] = "的"
                lines[2] = String(String.UnicodeScalarView(scalars))
            }
            // The fullest copy, where the cluster grows from, comes last: never among the lowest
            // positions that win the ties of the nearest hits.
            if i == 299 { lines[4] += "记者了解到，相关线路将在下月起逐步推广。" }
            return Article(id: String(format: "v%03d", i), text: wrap(lines, site: i % 3), title: "滨江新区启用智慧公交调度系统",
                           url: "https://site\(i % 20).example/\(i)")
        }
        let d = try ScanEngine(rules: .empty).scan(articles).decisions
        let kept = d.filter { $0.kind == .keep }
        #expect(kept.count == 1, "\(kept.map(\.id).prefix(10))")
        #expect(Set(d.map(\.canonical)).count == 1)
    }

    @Test func massExactDuplicates() throws {
        _ = Support.ready
        let text = Pages.body(seed: 77).joined(separator: "\n")
        var articles = (0..<400).map { i in
            Article(id: "copy\(i)", text: text, url: "https://site\(i % 7).example/\(i)", publishedAt: "2025-05-\(10 + i % 9) 00:00:00")
        }
        articles.append(Article(id: "first", text: text, url: "https://origin.example/1", publishedAt: "2025-05-01 00:00:00"))
        articles.append(Article(id: "other", text: Pages.body(seed: 78).joined(separator: "\n"), url: "https://origin.example/2"))
        let d = try ScanEngine(rules: .empty).scan(articles).decisions
        let byId = Dictionary(uniqueKeysWithValues: d.map { ($0.id, $0) })
        #expect(byId["first"]?.kind == .keep)
        #expect(byId["first"]?.clusterSize == 401)
        #expect(d.filter { $0.id.hasPrefix("copy") }.allSatisfy { $0.kind == .remove && $0.canonical == "first" })
        #expect(byId["other"]?.kind == .keep && byId["other"]?.canonical == "other")
        for x in d { if let m = x.match { #expect(m.jaccard <= 1.0001 && m.containment <= 1.0001, "\(x.id)") } }
    }

    @Test func ruleRemovalAndReview() throws {
        _ = Support.ready
        let rules = try RuleSet(rules: [
            Rule(id: "spam", category: .moderation, action: .remove, matcher: .phrases(["加微信领取"])),
            Rule(id: "phone", category: .moderation, severity: .warning, action: .review, matcher: .regex("1[3-9][0-9]{9}")),
        ])
        let articles = [
            Article(id: "s", text: "今日特惠，加微信领取优惠券。\n" + Pages.body(seed: 1).joined(separator: "\n")),
            Article(id: "p", text: "联系电话13812345678。\n" + Pages.body(seed: 2).joined(separator: "\n")),
            Article(id: "n", text: Pages.body(seed: 3).joined(separator: "\n")),
        ]
        let d = try ScanEngine(rules: rules).scan(articles).decisions
        #expect(d[0].kind == .remove && d[0].reasons == ["removed by rule spam"])
        #expect(d[1].kind == .review)
        #expect(d[2].kind == .keep)
    }
}

struct RuleSetTests {
    @Test func phrasesMatchAcrossScriptsAndWidths() throws {
        _ = Support.ready
        let set = try RuleSet(rules: [Rule(id: "d", category: .disclaimer, matcher: .phrases(["不代表本站立场", "All Rights Reserved"]))])
        for line in ["信息内容不代表本站立场。", "本網站內容不代表本站立場", "©2024 ＡＬＬ ＲＩＧＨＴＳ ＲＥＳＥＲＶＥＤ"] {
            #expect(set.matches(normalized: Support.normalized(line), original: Substring(line)) == [0], "\(line)")
        }
        #expect(set.matches(normalized: Support.normalized("本站新闻"), original: "本站新闻").isEmpty)
    }

    @Test func catastrophicRegexIsStoppedAndReported() throws {
        _ = Support.ready
        let set = try RuleSet(rules: [Rule(id: "evil", category: .custom, matcher: .regex("(a+)+$"))])
        let text = String(repeating: "a", count: 40) + "!"
        let (hits, timedOut) = set.regexMatches(text: text, lines: [Substring(text)])
        #expect(hits == [[]])
        #expect(timedOut == [0])
        let a = ArticleAnalyzer(rules: set).analyze(PreparedArticle(Article(id: "x", text: text)), statistics: LineStatistics())
        #expect(a.findings.contains { $0.rule == "evil" && $0.severity == .warning })
    }

    @Test func regexMatchesPerLineAndNotAcrossLines() throws {
        _ = Support.ready
        let set = try RuleSet(rules: [Rule(id: "r", category: .custom, matcher: .regex("^记者.{2,3}$"))])
        let text = "第一行\n记者 王晓\n记者\n王晓"
        let lines = LineSplitter.splitLines(text)
        #expect(set.regexMatches(text: text, lines: lines).perLine == [[], [0], [], []])
    }

    @Test func invalidRulesAreRejected() {
        _ = Support.ready
        #expect(throws: WinnowCoreError.self) { try RuleSet(rules: [Rule(id: "x", category: .custom, matcher: .regex("(unclosed"))]) }
        let twice = [Rule(id: "x", category: .custom, matcher: .phrases(["a"])), Rule(id: "x", category: .custom, matcher: .phrases(["b"]))]
        #expect(throws: WinnowCoreError.self) { try RuleSet(rules: twice) }
    }

    @Test func digitRuns() {
        func run(_ t: String) -> Int { Array(t.utf8).withUnsafeBufferPointer { RuleSet.longestDigitRun($0) } }
        #expect(run("电话 138-1234-5678 联系") == 11)
        #expect(run("共有2023年的数据，约100万人") == 4)
        #expect(run("aaaaaaaaaaaaaaaa12345678901234567bbbbbbbb") == 17)
        #expect(run("1 2 3") == 3)
        #expect(run("1  2") == 1)
        #expect(run("") == 0)
        #expect(run("中文中文中文中文") == 0)
    }

    @Test func literalSearch() {
        func has(_ text: String, _ needle: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { RuleSet.contains($0, Array(needle.utf8)) }
        }
        #expect(has("abc@def", "@"))
        #expect(has("联系：记者王", "记者"))
        #expect(!has("ab", "abc"))
        #expect(!has("aaaab", "aab") == false)
        #expect(has("xyz", ""))
        #expect(!has("", "a"))
        #expect(has("a＠b", "＠"))
    }

    @Test func automatonFindsOverlappingPhrases() {
        let a = PhraseAutomaton(phrases: [(Array("he".utf8), 0), (Array("she".utf8), 1), (Array("hers".utf8), 2)])
        var found: [Int32] = []
        a.scan(Array("ushers".utf8)[...]) { found.append($0) }
        #expect(Set(found) == [0, 1, 2])
    }

    @Test func examplesRunner() throws {
        _ = Support.ready
        let rule = Rule(id: "r", category: .disclaimer, matcher: .phrases(["如有侵权"]), scope: RuleScope(maxLineSize: 30),
                        examples: RuleExamples(match: ["如有侵权请联系删除"], noMatch: ["本案涉及的侵权问题", String(repeating: "长", count: 40) + "如有侵权"]))
        let outcomes = RuleExampleRunner(rules: try RuleSet(rules: [rule])).run()
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { $0.passed })
    }
}

struct ArticleTests {
    @Test func siteFromSourceOrHost() {
        #expect(Article(id: "a", text: "", url: "https://User@News.Example.com:8080/x?y").site == "news.example.com")
        #expect(Article(id: "a", text: "", url: "https://x.example/", source: "Wire").site == "Wire")
        #expect(Article(id: "a", text: "", url: "not a url").site == "")
    }
}

/// Hostile shapes of input must stay linear: long runs of blank lines, floods of near-identical
/// pages. (Correctness is checked here; speed is the benchmarks' business.)
struct HostileInputTests {
    @Test func manyBlankLines() throws {
        _ = Support.ready
        let body = Pages.body(seed: 5).joined(separator: "\n")
        let text = "首页 > 新闻 > 本地\n" + String(repeating: "\n", count: 50_000) + body + String(repeating: "\n", count: 50_000) + "版权所有 © 2025 示例网 保留所有权利"
        let rules = try RuleSet(rules: [Rule(id: "c", category: .disclaimer, matcher: .phrases(["保留所有权利"]))])
        let r = try ScanEngine(rules: rules).scan([Article(id: "b", text: text)])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(r.analyses[0].findings.contains { $0.lineStart == lines })
        #expect(r.analyses[0].findings.contains { $0.lineStart == 1 })
    }

    @Test func floodOfNearIdenticalPages() throws {
        _ = Support.ready
        let template = Pages.body(seed: 6, paragraphs: 2)
        let articles = (0..<600).map { i in
            Article(id: "t\(i)", text: template.joined(separator: "\n") + "\n今日收盘报\(3000 + i)点，成交额\(100 + i * 7)亿元。",
                    url: "https://ticker\(i % 5).example/\(i)")
        }
        let d = try ScanEngine(rules: .empty).scan(articles).decisions
        #expect(d.count == 600)
        #expect(d.allSatisfy { !$0.reasons.isEmpty })
    }
}
