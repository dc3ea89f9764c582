/// Where a record came from, for error messages and reports.
public struct RecordOrigin: Sendable, Hashable, Codable {
    /// The input file (or `-` for standard input).
    public var file: String
    /// The 1-based line (JSONL) or record number; 0 when the whole file is the record.
    public var line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or just `file` for whole-file records.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// One crawled article as read from the input, before any analysis.
public struct Article: Sendable {
    /// Unique within a run.
    public var id: String
    /// The page text; lines are split on `\n` and numbered from 1.
    public var text: String
    /// The headline, when the input gives one.
    public var title: String?
    /// The crawled address.
    public var url: String?
    /// Publication time as given (ISO 8601 or `YYYY-MM-DD hh:mm:ss` sort correctly as text).
    public var publishedAt: String?
    /// The publishing site, when the input names it.
    public var source: String?
    /// Where the record was read.
    public var origin: RecordOrigin?
    /// Markup evidence, one per line of `text`, when the article was read from HTML; nil otherwise.
    public var lineHints: [LineHint]?
    /// Invalid byte sequences the reader replaced with U+FFFD (the article is kept and flagged).
    public var replacedSequences: Int = 0

    /// Creates an article.
    public init(id: String, text: String, title: String? = nil, url: String? = nil,
                publishedAt: String? = nil, source: String? = nil, origin: RecordOrigin? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.url = url
        self.publishedAt = publishedAt
        self.source = source
        self.origin = origin
    }

    /// The site the article belongs to: `source` when given, else the url's host, else empty.
    public var site: String {
        if let source, !source.isEmpty { return source }
        if let url, let host = Article.host(of: url) { return host }
        return ""
    }

    /// The lower-cased host of a URL (`https://Host:80/x` gives `host`), or nil. Read on the
    /// UTF-8 bytes: every line statistic and analysis asks for an article's site.
    public static func host(of url: String) -> String? {
        var url = url
        return url.withUTF8 { b -> String? in
            let n = b.count
            var start = -1
            var i = 0
            while i + 2 < n {
                if b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F { start = i + 3; break }
                i += 1
            }
            guard start >= 0 else { return nil }
            var end = start
            while end < n && b[end] != 0x2F && b[end] != 0x3F && b[end] != 0x23 { end += 1 }
            // After the last "@" (user info); before the last ":" (a port) unless an IPv6 literal.
            var lo = start
            for k in start..<end where b[k] == 0x40 { lo = k + 1 }
            var hi = end
            if lo < end && b[lo] != 0x5B, let colon = (lo..<end).last(where: { b[$0] == 0x3A }) { hi = colon }
            guard lo < hi else { return nil }
            let host = UnsafeBufferPointer(rebasing: b[lo..<hi])
            if host.allSatisfy({ $0 < 0x80 }) {
                return String(decoding: host.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
            return String(decoding: host, as: UTF8.self).lowercased()
        }
    }
}
