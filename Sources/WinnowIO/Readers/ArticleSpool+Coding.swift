import WinnowCore

extension ArticleSpool {
    /// One article as spooled: its fields as analysis records begin
    /// (`AnalysisRecordFile.encodeArticleFields`), then its text and line hints.
    static func encode(_ a: Article, into w: inout ByteWriter) {
        AnalysisRecordFile.encodeArticleFields(a, into: &w)
        w.string(a.text)
        guard let hints = a.lineHints else { return w.byte(0) }
        w.byte(1)
        w.count(hints.count)
        for h in hints {
            w.varint(UInt64(h.regions.rawValue))
            w.byte(h.block.rawValue)
            w.byte(h.headingLevel)
            w.varint(UInt64(h.linkDensity.bitPattern))
        }
    }

    /// Reads what `encode(_:into:)` wrote but the text and line hints, passing over them.
    static func decodeHeader(_ r: inout ByteReader) throws -> Article {
        let a = try AnalysisRecordFile.decodeArticleFields(&r)
        try r.skipString()
        _ = try decodeHints(&r)
        return a
    }

    /// Reads what `encode(_:into:)` wrote.
    static func decode(_ r: inout ByteReader) throws -> Article {
        var a = try AnalysisRecordFile.decodeArticleFields(&r)
        a.text = try r.string()
        a.lineHints = try decodeHints(&r)
        return a
    }

    /// The line hints after an article's text (nil when it has none).
    private static func decodeHints(_ r: inout ByteReader) throws -> [LineHint]? {
        guard try r.byte() == 1 else { return nil }
        let n = try r.count(minBytes: 4)
        var hints: [LineHint] = []
        hints.reserveCapacity(n)
        for _ in 0..<n {
            let regions = LineHint.Regions(rawValue: UInt32(truncatingIfNeeded: try r.varint()))
            let at = r.position
            guard let block = LineHint.Block(rawValue: try r.byte()) else { throw RecordError.invalidValue(field: "line hint", at: at) }
            let level = try r.byte()
            let density = Float(bitPattern: UInt32(truncatingIfNeeded: try r.varint()))
            hints.append(LineHint(regions: regions, block: block, headingLevel: level, linkDensity: density))
        }
        return hints
    }
}
