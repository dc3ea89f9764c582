/// How an input file is read, from its name (a `.gz` suffix dropped) or, failing that, its bytes.
enum InputFormat: Equatable {
    /// One JSON object per line.
    case jsonl
    /// The whole file is one plain-text (or Markdown) article.
    case text
    /// The whole file is one HTML page.
    case html
    /// WARC records (`.warc`, `.wet`).
    case warc

    /// The format a file name says, and whether it ends in `.gz`; nil when the name says nothing.
    static func byName(_ path: String) -> (format: InputFormat?, gzipped: Bool, ext: String) {
        var name = Substring(path.split(separator: "/").last ?? "")
        var gzipped = false
        if name.lowercased().hasSuffix(".gz") {
            gzipped = true
            name = name.dropLast(3)
        }
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return (nil, gzipped, "") }
        let ext = name[name.index(after: dot)...].lowercased()
        switch ext {
        case "jsonl", "ndjson": return (.jsonl, gzipped, ext)
        case "txt", "md", "markdown", "text": return (.text, gzipped, ext)
        case "html", "htm", "xhtml": return (.html, gzipped, ext)
        case "warc", "wet": return (.warc, gzipped, ext)
        default: return (nil, gzipped, ext)
        }
    }

    /// For a name that says nothing: WARC when the (inflated) bytes start with `WARC/`, else JSONL.
    static func sniff(_ prefix: [UInt8]) -> InputFormat {
        prefix.starts(with: Array("WARC/".utf8)) ? .warc : .jsonl
    }

    /// Whether bytes read as JSONL are binary data rather than broken JSON lines: a NUL byte in
    /// the first 4 KiB and no `{` opening the first line. Such a file is skipped with one message
    /// instead of one per "line".
    static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(4096))
        guard head.contains(0) else { return false }
        let first = head.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first != 0x7B
    }
}
