import Testing
@testable import WinnowCore

/// The files the stages exchange: analysis records and line statistics round-trip exactly, and
/// damaged or newer files are refused with a clear error instead of misread.
struct RecordFileTests {
    func batch() -> [Article] {
        let story = Pages.body(seed: 41, paragraphs: 4)
        return [
            Article(id: "a", text: (["首页 > 新闻", "标题一"] + story + ["版权所有 © 示例网"]).joined(separator: "\n"), title: "标题一",
                    url: "https://a.example.cn/1", publishedAt: "2025-01-02", origin: RecordOrigin(file: "in.jsonl", line: 1)),
            Article(id: "b", text: (["首页 > 新闻", "标题一"] + story.dropLast() + ["版权所有 © 示例网"]).joined(separator: "\n"), title: "标题一",
                    url: "https://a.example.cn/2", origin: RecordOrigin(file: "in.jsonl", line: 2)),
        ]
    }

    @Test func statisticsRoundTrip() throws {
        _ = Support.ready
        let engine = ScanEngine(rules: .empty)
        let s = engine.statistics(of: engine.prepare(batch()))
        let back = try LineStatisticsFile.decode(LineStatisticsFile.encode(s))
        #expect(back.documentsPerSite == s.documentsPerSite)
        #expect(back.documentsPerSiteLanguage == s.documentsPerSiteLanguage)
        #expect(back.documentsPerLine == s.documentsPerLine)
        #expect(back.documentsPerLineAllSites == s.documentsPerLineAllSites)
        #expect(back.documents == s.documents)
    }

    @Test func recordsRoundTrip() throws {
        _ = Support.ready
        let engine = ScanEngine(rules: .empty)
        let articles = batch()
        let prepared = engine.prepare(articles)
        var analyses = engine.analyze(prepared, statistics: engine.statistics(of: prepared))
        analyses[0].fingerprint.templateTokens = 17  // version 5
        analyses[0].fingerprint.figureOrder = [9, 3, 9]  // version 6
        analyses[0].fingerprint.figureLines = [5, 8]  // version 7
        analyses[0].fingerprint.subjectMask = 0b1011  // version 8
        analyses[0].fingerprint.headlineWords = HeadlineWords(packed: [0b1, 4, 1, 2, 3, 4, 77])  // version 11
        var bytes = AnalysisRecordFile.header
        for (a, an) in zip(articles, analyses) { bytes += AnalysisRecordFile.encode(AnalysisRecord(article: a, analysis: an)) }
        let back = try AnalysisRecordFile.decode(bytes)
        #expect(back.count == 2)
        for (r, (a, an)) in zip(back, zip(articles, analyses)) {
            #expect(r.article.id == a.id && r.article.title == a.title && r.article.url == a.url && r.article.origin == a.origin)
            #expect(r.analysis.fingerprint == an.fingerprint && r.analysis.findings == an.findings)
            #expect(r.analysis.strippedLines == an.strippedLines && r.analysis.body == an.body && r.analysis.cutLead == an.cutLead)
            #expect(r.analysis.leadLine.letters == an.leadLine.letters && r.analysis.leadLine.figures == an.leadLine.figures
                    && r.analysis.leadLine.opening == an.leadLine.opening && r.analysis.leadLine.marked == an.leadLine.marked)
            #expect(r.textBytes == a.text.utf8.count)
        }
        // Figure lines keyed before version 9 are another hash: read as none, the rest as written.
        var older = bytes
        older[4] = 8
        let old = try AnalysisRecordFile.decode(older)
        #expect(old[0].analysis.fingerprint.figureLines.isEmpty && old[0].analysis.fingerprint.subjectMask == 0b1011)
    }

    @Test func damagedAndNewerFilesAreRefused() {
        let record = AnalysisRecordFile.header + AnalysisRecordFile.encode(AnalysisRecord(
            article: Article(id: "x", text: "t"),
            analysis: ArticleAnalysis(id: "x", site: "", language: "und", publishedAt: nil, findings: [], strippedLines: [], body: nil,
                                      isExcerpt: false, fingerprint: Fingerprint(simhash: 1, exact: 2, tokens: 3, sketch: [4], lead: [4]))))
        #expect(throws: RecordError.self) { try AnalysisRecordFile.decode(Array(record.dropLast(3))) }
        #expect(throws: RecordError.notARecordFile(expected: "Winnow analysis-record (WNAR)")) { try AnalysisRecordFile.decode(Array("{}".utf8)) }
        var newer = record
        newer[4] = AnalysisRecordFile.version + 1
        #expect(throws: RecordError.unsupportedVersion(Int(AnalysisRecordFile.version) + 1, supported: Int(AnalysisRecordFile.version))) {
            try AnalysisRecordFile.decode(newer)
        }
        #expect(throws: RecordError.self) { try LineStatisticsFile.decode(Array("WNLS".utf8) + [1, 200]) }
    }
}
