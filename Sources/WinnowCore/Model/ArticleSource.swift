/// The articles of a batch by position: held in memory (an array), or kept elsewhere (a spool
/// file) and fetched a range at a time, so that a large batch's texts need never all be in memory.
public protocol ArticleSource: Sendable {
    /// How many articles there are.
    var count: Int { get }
    /// The articles at positions `range`, in order.
    func articles(in range: Range<Int>) throws -> [Article]
    /// The articles at positions `range` without their texts and line hints (ids, titles,
    /// urls, origins: what a decision quotes), in order. Sources holding the texts anyway may
    /// return them (the default).
    func headers(in range: Range<Int>) throws -> [Article]
}

extension Array: ArticleSource where Element == Article {
    /// The articles at positions `range`, in order.
    public func articles(in range: Range<Int>) throws -> [Article] {
        guard range.lowerBound >= 0, range.upperBound <= count else {
            throw WinnowCoreError.articleMissing(position: Swift.max(count, range.lowerBound))
        }
        return Array(self[range])
    }
}

extension ArticleSource {
    /// The articles at positions `range`, texts included.
    public func headers(in range: Range<Int>) throws -> [Article] {
        try articles(in: range)
    }

    /// Calls `body` with each article's header (`headers(in:)`) and its position, in order,
    /// fetching `chunk` at a time.
    public func forEachHeader(chunk: Int = 4096, _ body: (Int, Article) throws -> Void) throws {
        for start in stride(from: 0, to: count, by: max(1, chunk)) {
            let range = start..<Swift.min(count, start + max(1, chunk))
            for (k, a) in try headers(in: range).enumerated() { try body(range.lowerBound + k, a) }
        }
    }

    /// The article at `position`.
    public func article(at position: Int) throws -> Article {
        guard let a = try articles(in: position..<(position + 1)).first else { throw WinnowCoreError.articleMissing(position: position) }
        return a
    }

    /// Calls `body` with each article and its position, in order, fetching `chunk` at a time.
    public func forEach(chunk: Int = 4096, _ body: (Int, Article) throws -> Void) throws {
        for start in stride(from: 0, to: count, by: max(1, chunk)) {
            let range = start..<Swift.min(count, start + max(1, chunk))
            for (k, a) in try articles(in: range).enumerated() { try body(range.lowerBound + k, a) }
        }
    }
}
