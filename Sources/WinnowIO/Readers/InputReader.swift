import Foundation
import WinnowCore

/// Reads articles from JSONL files, folders, WARC/WET crawls, single text or HTML files, or
/// standard input (`-`). Any of these may be gzip-compressed (`.gz`, or just gzip bytes).
///
/// - JSONL (`.jsonl`, `.ndjson`, and any file not named otherwise): one article per line.
/// - WARC/WET (`.warc`, `.wet`): HTML and text responses and WET conversions; see `WARCRecordReader`.
/// - `.txt`/`.md` and `.html`/`.htm` files: one article each (id = the path given, or inside a
///   folder the path relative to it).
/// - Folders: every file above, sorted by path; symbolic links leaving the folder are not
///   followed unless `followSymlinks` (see `FolderWalker`).
///
/// Bad input is explicit policy: a record that is not JSON, has no text, repeats an id or cannot
/// be framed is reported with its file and line (or record and byte offset) and skipped; every
/// other record is read. Invalid bytes never drop a record: they become U+FFFD and the article's
/// `replacedSequences` counts them. Records that are fine but not articles (WARC requests,
/// revisits, images, redirects) are counted in `ReadResult.skipped`.
public struct InputReader: Sendable {
    /// Extensions of whole-file articles read from folders (with or without `.gz`); `.jsonl`,
    /// `.warc` and `.wet` files are always read.
    public var folderExtensions: Set<String> = ["txt", "md", "html", "htm"]
    /// Memory limits per record and per inflated file.
    public var limits = ReadLimits()
    /// Counters of bytes and articles read, for a progress display (none by default).
    public var progress: RunProgress?
    /// Whether symbolic links inside input folders are followed wherever they point (by default
    /// links leaving the folder, and links to folders, are passed over with a warning).
    public var followSymlinks = false
    /// Where accepted articles go instead of `ReadResult.articles`, when set (see `ReadResult.sink`).
    public var sink: (any ArticleSink)?

    /// A reader with default settings.
    public init() {}

    /// Reads all inputs in order.
    public func read(_ inputs: [String]) throws -> ReadResult {
        var result = ReadResult()
        result.sink = sink
        var ids = [String: String]()
        for input in inputs {
            var isDir: ObjCBool = false
            if input != "-" && FileManager.default.fileExists(atPath: input, isDirectory: &isDir) && isDir.boolValue {
                try readFolder(input, into: &result, ids: &ids)
            } else {
                // A regular file is mapped by hand, so that JSONL pages parsed can be given back.
                let mapped = input == "-" ? nil : MappedFile(path: input)
                readFile(try mapped?.data ?? load(input), path: input, id: input, into: &result, ids: &ids, release: mapped?.release)
            }
        }
        return result
    }

    func load(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else { throw WinnowIOError.cannotRead(path: path, reason: "no such file or folder") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw WinnowIOError.cannotRead(path: path, reason: error.localizedDescription)
        }
    }

    /// Whole lines of a gzip JSONL file inflated before they are read (then let go).
    static let inflatedBlockBytes = 16 << 20

    /// Reads one file's bytes in the format its name (or, failing that, its content) says.
    /// `id` names a whole-file article.
    /// `release`, for a mapped file, gives back bytes read (plain JSONL gives back each block of
    /// lines once parsed).
    func readFile(_ data: Data, path: String, id: String, into result: inout ReadResult, ids: inout [String: String],
                  release: ((Range<Int>) -> Void)? = nil) {
        let before = result.articles.count
        // Plain JSONL counts its bytes as its lines are parsed; other files when read.
        var counted = false
        defer { progress?.read(bytes: counted ? 0 : data.count, articles: counted ? 0 : result.articles.count - before) }
        let named = InputFormat.byName(path)
        let gzipped = data.withUnsafeBytes(Gzip.hasMagic)
        let format = named.format ?? InputFormat.sniff(gzipped ? peek(data) : Array(data.prefix(8)))
        switch format {
        case .warc:
            WARCReader(limits: limits).read(data, file: path, into: &result, ids: &ids)
        case .jsonl:
            guard gzipped else {
                if data.withUnsafeBytes(InputFormat.looksBinary) { return result.problems.append(binary(path)) }
                counted = true
                readJSONL(data, file: path, into: &result, ids: &ids, release: release)
                return
            }
            // Inflated a block of whole lines at a time, each read as it comes: a compressed crawl
            // costs a block and a line of memory, not its inflated size.
            let problemsBefore = result.problems.count
            var line = 0, isBinary: Bool?
            var (bytes, failure) = data.withUnsafeBytes {
                Gzip.inflate($0, format: .gzip, limit: limits.maxInflatedFileBytes, maxLine: limits.maxRecordBytes, block: Self.inflatedBlockBytes) { lines, consumed in
                    if isBinary == nil { isBinary = InputFormat.looksBinary(lines) }
                    guard isBinary == false else { return }
                    line = readJSONL(Array(lines), file: path, firstLine: line, into: &result, ids: &ids)
                    // The compressed bytes inflated so far are not read again (a mapped file gives back their pages).
                    release?(0..<consumed)
                }
            }
            if let failure {
                // Reported before the problems of the lines read, as where the file stopped.
                result.problems.insert(BadRecord(origin: "\(Escape.terminal(path, limit: 4096)): at byte \(failure.offset)",
                                                 reason: failure.message + "; the lines before it were read"), at: problemsBefore)
                // The line the damage cut short is not reported a second time.
                bytes.removeSubrange((bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...)
            }
            if isBinary ?? bytes.withUnsafeBytes(InputFormat.looksBinary) { return result.problems.append(binary(path)) }
            readJSONL(bytes, file: path, firstLine: line, into: &result, ids: &ids)
        case .text, .html:
            let shown = Escape.terminal(path, limit: 4096)
            var bytes: [UInt8]
            if gzipped {
                let (out, failure) = data.withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: limits.maxRecordBytes) }
                if let failure {
                    let at = "\(shown): at byte \(failure.offset)"
                    guard !failure.overLimit && !out.isEmpty else { return result.problems.append(BadRecord(origin: at, reason: failure.message)) }
                    result.problems.append(BadRecord(origin: at, reason: failure.message + "; the text before it was read"))
                }
                bytes = out
            } else {
                guard data.count <= limits.maxRecordBytes else {
                    return result.problems.append(BadRecord(origin: shown, reason: "the file is \(data.count) bytes, more than the per-record limit of \(limits.maxRecordBytes) bytes"))
                }
                bytes = [UInt8](data)
            }
            readWholeFile(bytes, html: format == .html, id: id, file: path, into: &result, ids: &ids)
        }
    }

    /// The problem reported for a binary file read as JSONL.
    private func binary(_ path: String) -> BadRecord {
        BadRecord(origin: Escape.terminal(path, limit: 4096),
                  reason: "binary data (NUL bytes), not JSONL, WARC, text or HTML; the file was skipped")
    }

    /// The first inflated bytes of gzip data (to sniff a file whose name says nothing).
    private func peek(_ data: Data) -> [UInt8] {
        data.prefix(64 << 10).withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: 16).bytes }
    }

    /// One article from a whole text or HTML file: a BOM is honoured, other text is UTF-8 with
    /// invalid bytes replaced; HTML also honours `<meta charset>` and is detected when undeclared.
    func readWholeFile(_ bytes: [UInt8], html: Bool, id: String, file: String, into result: inout ReadResult,
                       ids: inout [String: String]) {
        let origin = RecordOrigin(file: file, line: 0)
        switch WARCRecordReader.article(bytes, kind: html ? .html : .text, declared: nil, assumeUTF8: !html, id: id, url: nil,
                                        date: nil, origin: origin) {
        case .article(let a): result.accept(a, ids: &ids)
        case .problem(let p): result.problems.append(p)
        case .skipped: result.problems.append(BadRecord(origin: Escape.terminal(file, limit: 4096), reason: "no text"))
        }
    }
}
