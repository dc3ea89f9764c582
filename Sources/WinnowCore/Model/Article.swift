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

    /// The lower-cased host of a URL (`https://Host:80/x` gives `host`), or nil.
    public static func host(of url: String) -> String? {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var host = parts[1]
        if let end = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = host[..<end] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") { host = host[..<colon] }
        return host.isEmpty ? nil : host.lowercased()
    }
}
