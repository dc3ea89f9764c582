import WinnowCore

/// What reading the inputs gave: the usable articles, every record that was skipped as broken,
/// and counts of records left out by policy.
public struct ReadResult: Sendable {
    /// Articles in input order (none when a `sink` takes them).
    public var articles: [Article] = []
    /// Where accepted articles go instead of `articles`, when set (an `ArticleSpool`).
    public var sink: (any ArticleSink)?
    /// Broken records that were skipped, with file:line (or file, record and byte offset) and the reason.
    public var problems: [BadRecord] = []
    /// Records that are fine but are not articles, counted by reason (see `SkipReason`): WARC
    /// `request`/`metadata`/`warcinfo`/`revisit` records, non-2xx responses, images, and so on.
    /// These are not problems.
    public var skipped: [String: Int] = [:]
    /// Bytes of article text read.
    public var textBytes = 0
    /// Things passed over that are not errors but must not go unnoticed (symbolic links not
    /// followed, FIFOs in a folder), one message each naming the path.
    public var warnings: [String] = []

    /// An empty result.
    public init() {}

    /// Adds another input's result after this one (articles stay in input order).
    public mutating func append(_ other: ReadResult) {
        articles += other.articles
        problems += other.problems
        textBytes += other.textBytes
        warnings += other.warnings
        for (reason, n) in other.skipped { skipped[reason, default: 0] += n }
    }

    /// The skipped counts as one line, most frequent first: `12 request, 3 revisit, 1 non-2xx status`
    /// (empty when nothing was skipped).
    public var skippedSummary: String {
        skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    /// Counts one record left out by policy.
    mutating func skip(_ reason: SkipReason) { skipped[reason.rawValue, default: 0] += 1 }

    /// Takes an article unless its id was seen before (then it is a problem naming the first).
    mutating func accept(_ article: Article, ids: inout [String: String]) {
        let here = article.origin?.description ?? "?"
        if let first = ids[article.id] {
            problems.append(BadRecord(origin: here, reason: "duplicate id \"\(Escape.terminal(article.id))\" (first at \(first))"))
            return
        }
        ids[article.id] = here
        textBytes += article.text.utf8.count
        if let sink { sink.take(article) } else { articles.append(article) }
    }
}

/// Why a well-formed record was not read as an article (the keys of `ReadResult.skipped`).
public enum SkipReason: String, Sendable, CaseIterable {
    /// A WARC `warcinfo` record (about the file).
    case warcinfo
    /// A WARC `request` record (what the crawler sent).
    case request
    /// A WARC `metadata` record.
    case metadata
    /// A WARC `revisit` record: the page was unchanged (or a duplicate) and its payload is elsewhere.
    case revisit
    /// A WARC `resource` record (screenshots, extracted text, files fetched without HTTP).
    case resource
    /// A WARC `continuation` record (a segment of a record split across files).
    case continuation
    /// A WARC record of a type this reader does not know.
    case otherType = "other WARC type"
    /// A response that is not HTTP (`dns:` lookups and the like).
    case notHTTP = "not HTTP"
    /// An HTTP status outside 200–299 (redirects, errors).
    case non2xx = "non-2xx status"
    /// A payload that is not HTML or plain text (images, PDF, scripts, JSON, ...).
    case nonText = "non-text payload"
    /// A payload in a content coding this reader cannot undo (br, zstd).
    case unsupportedEncoding = "unsupported Content-Encoding"
    /// A page or text without any visible text.
    case noText = "no text"
    /// A folder entry passed over: a symbolic link leaving the folder (without
    /// `--follow-symlinks`), a broken link, a FIFO or device (named in `ReadResult.warnings`).
    case notFollowed = "folder entry not read (link, FIFO or device)"
}

/// Limits that keep one hostile record from exhausting memory.
public struct ReadLimits: Sendable {
    /// The largest record held in memory: a WARC content block, an inflated HTTP payload, a
    /// JSONL line, or a whole `.txt`/`.md`/`.html` file (inflated). Larger records are reported
    /// and skipped.
    public var maxRecordBytes = 64 << 20
    /// The largest inflated size of a gzip file read whole (`.jsonl.gz`).
    public var maxInflatedFileBytes = 8 << 30

    /// The default limits (64 MiB per record, 8 GiB per inflated JSONL file).
    public init() {}
}
