import WinnowCore

/// What one WARC record became.
enum RecordOutcome: Sendable {
    /// An article.
    case article(Article)
    /// Left out by policy, counted under this reason.
    case skipped(SkipReason)
    /// Broken; reported and skipped.
    case problem(BadRecord)
}

/// Turns one framed WARC record into an article (or a count, or a problem). Pure: runs on any
/// thread.
///
/// - `response` with an HTTP 2xx head and an HTML or text/plain payload: an article with id =
///   WARC-Record-ID (`<urn:uuid:X>` gives `X`), url = WARC-Target-URI, and WARC-Date as the
///   fetch time (`publishedAt` unless the page gives its own).
/// - `conversion` (WET): the block is the page text.
/// - `revisit`, `request`, `metadata`, `warcinfo`, `resource`, `continuation`: counted.
enum WARCRecordReader {
    /// Record types whose blocks are read.
    static let wantedTypes: Set<String> = ["response", "conversion"]

    /// The outcome for `record` of `file` (as given) shown as `shown` (escaped) in messages.
    static func read(_ record: WARCRawRecord, file: String, shown: String, limits: ReadLimits) -> RecordOutcome {
        guard let type = record.header.type else {
            return .problem(BadRecord(origin: "\(shown): \(record.location)", reason: "missing WARC-Type"))
        }
        switch type {
        case "response": return response(record, file: file, shown: shown, limits: limits)
        case "conversion": return conversion(record, file: file, shown: shown, limits: limits)
        case "revisit": return .skipped(.revisit)
        case "request": return .skipped(.request)
        case "metadata": return .skipped(.metadata)
        case "warcinfo": return .skipped(.warcinfo)
        case "resource": return .skipped(.resource)
        case "continuation": return .skipped(.continuation)
        default: return .skipped(.otherType)
        }
    }

    private static func response(_ record: WARCRawRecord, file: String, shown: String, limits: ReadLimits) -> RecordOutcome {
        guard let block = record.block else { return .skipped(.nonText) }
        let url = record.header.targetURI
        if let url, !(url.lowercased().hasPrefix("http:") || url.lowercased().hasPrefix("https:")) { return .skipped(.notHTTP) }
        guard let head = HTTPResponseHead.parse(block) else { return .skipped(.notHTTP) }
        guard (200..<300).contains(head.status) else { return .skipped(.non2xx) }
        var kind = PayloadKind(mediaType: head.mediaType)
        if kind == .nonText { return .skipped(.nonText) }
        if let length = record.oversize { return tooLarge(record, length, shown: shown, limits: limits) }
        let body: [UInt8]
        switch HTTPBody.decode(block, head: head, limit: limits.maxRecordBytes) {
        case .bytes(let b): body = b
        case .unsupported: return .skipped(.unsupportedEncoding)
        case .failed(let why): return .problem(BadRecord(origin: "\(shown): \(record.location)", reason: why))
        }
        if kind == .unknown { kind = PayloadKind.sniff(body) }
        let origin = RecordOrigin(file: file, line: record.number)
        let id = record.header.recordID ?? "\(file)#\(record.number)"
        let date = record.header.fields["WARC-Date"]
        return article(body, kind: kind, declared: head.fields["Content-Type"], assumeUTF8: false, id: id, url: url,
                       date: date, origin: origin)
    }

    /// A page too large to hold (a video or archive would have been skipped by its type already).
    private static func tooLarge(_ record: WARCRawRecord, _ length: Int, shown: String, limits: ReadLimits) -> RecordOutcome {
        .problem(BadRecord(origin: "\(shown): \(record.location)",
                           reason: "the record is \(length) bytes, more than the per-record limit of \(limits.maxRecordBytes) bytes"))
    }

    private static func conversion(_ record: WARCRawRecord, file: String, shown: String, limits: ReadLimits) -> RecordOutcome {
        if let length = record.oversize { return tooLarge(record, length, shown: shown, limits: limits) }
        guard let block = record.block else { return .skipped(.nonText) }
        let declared = record.header.fields["Content-Type"]
        let kind: PayloadKind = declared.map { PayloadKind(mediaType: CharsetLabels.mediaType(ofContentType: $0)) } == .html ? .html : .text
        let id = record.header.recordID ?? "\(file)#\(record.number)"
        return article(block, kind: kind, declared: declared, assumeUTF8: true, id: id, url: record.header.targetURI,
                       date: record.header.fields["WARC-Date"], origin: RecordOrigin(file: file, line: record.number))
    }

    /// Decodes a payload and builds the article: HTML through `HTMLArticleReader`, text as it is.
    static func article(_ bytes: [UInt8], kind: PayloadKind, declared: String?, assumeUTF8: Bool, id: String, url: String?,
                        date: String?, origin: RecordOrigin) -> RecordOutcome {
        switch kind {
        case .html:
            let decoded = CharsetDecoder.decode(bytes, declared: declared, isHTML: true)
            guard let document = HTMLDocument(utf8: decoded.utf8) else { return .skipped(.noText) }
            guard var a = HTMLArticleReader.article(from: document, id: id, url: url, fetchedAt: date, origin: origin) else {
                guard document.truncated else { return .skipped(.noText) }
                return .problem(BadRecord(origin: Escape.terminal(origin.description, limit: 4096),
                                          reason: "no text before the HTML nesting limit of \(HTMLDocument.maxDepth) levels (the page nests deeper)"))
            }
            a.replacedSequences += decoded.replaced
            return .article(a)
        case .text:
            let decoded = CharsetDecoder.decode(bytes, declared: declared, isHTML: false, assumeUTF8: assumeUTF8)
            let text = String(decoding: decoded.utf8, as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { return .skipped(.noText) }
            var a = Article(id: id, text: text, url: url, publishedAt: date, origin: origin)
            a.replacedSequences = decoded.replaced
            return .article(a)
        case .nonText, .unknown:
            return .skipped(.nonText)
        }
    }
}

/// What a payload is, by its media type (or, when that says nothing, by its first bytes).
enum PayloadKind: Equatable {
    case html, text, nonText, unknown

    /// By media type; `unknown` when the type is missing or generic.
    init(mediaType: String) {
        switch mediaType {
        case "text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml": self = .html
        case "text/plain": self = .text
        case "", "application/octet-stream", "unknown/unknown", "application/unknown", "*/*", "text": self = .unknown
        default: self = .nonText
        }
    }

    /// HTML when the payload starts (after spaces and a BOM) with a typical HTML opening; else non-text.
    static func sniff(_ body: [UInt8]) -> PayloadKind {
        var i = 0
        if body.count >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF { i = 3 }
        while i < body.count && (body[i] == 0x20 || body[i] == 0x09 || body[i] == 0x0A || body[i] == 0x0D || body[i] == 0x0C) { i += 1 }
        let prefix = String(decoding: body[i..<min(body.count, i + 16)], as: UTF8.self).lowercased()
        for opening in ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<p>", "<div", "<script"] where prefix.hasPrefix(opening) {
            return .html
        }
        return .nonText
    }
}
