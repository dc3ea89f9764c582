import Foundation
import WinnowCore

/// One JSONL input object: `id` and `text` required; `title`, `url`, `published_at`, `source` optional.
struct JSONLRecord: Decodable {
    var id: String
    var text: String
    var title: String?
    var url: String?
    var publishedAt: String?
    var source: String?

    enum CodingKeys: String, CodingKey {
        case id, text, title, url, source
        case publishedAt = "published_at"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let s = try? c.decode(String.self, forKey: .id) {
            id = s
        } else if let n = try? c.decode(Int64.self, forKey: .id) {
            id = String(n)
        } else if c.contains(.id) {
            throw RecordProblem("\"id\" must be a string or an integer")
        } else {
            throw RecordProblem("missing \"id\"")
        }
        guard c.contains(.text) else { throw RecordProblem("missing \"text\"") }
        guard let t = try? c.decode(String.self, forKey: .text) else { throw RecordProblem("\"text\" must be a string") }
        text = t
        title = try? c.decodeIfPresent(String.self, forKey: .title)
        url = try? c.decodeIfPresent(String.self, forKey: .url)
        publishedAt = try? c.decodeIfPresent(String.self, forKey: .publishedAt)
        source = try? c.decodeIfPresent(String.self, forKey: .source)
        if id.isEmpty { throw RecordProblem("empty \"id\"") }
        if text.allSatisfy(\.isWhitespace) { throw RecordProblem("empty \"text\"") }
    }
}

/// Why a record cannot be used.
struct RecordProblem: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Parses one JSONL line (bytes without the newline).
enum JSONLLineParser {
    static let wantedFields: Set<String> = ["id", "text", "title", "url", "published_at", "source"]

    /// The article from fast-scanned fields, or nil to let the full decoder judge (and word the error).
    static func article(from f: [String: FlatJSONScanner.Value], origin: RecordOrigin) -> Result<Article, BadRecord>? {
        let id: String
        switch f["id"] {
        case .string(let s)?: id = s
        case .number(let s)? where Int64(s) != nil: id = s
        default: return nil
        }
        guard case .string(let text)? = f["text"], !id.isEmpty, !text.allSatisfy(\.isWhitespace) else { return nil }
        func optional(_ k: String) -> String? { if case .string(let s)? = f[k] { return s } else { return nil } }
        return .success(Article(id: id, text: text, title: optional("title"), url: optional("url"),
                                publishedAt: optional("published_at"), source: optional("source"), origin: origin))
    }

    static func parse(_ line: ArraySlice<UInt8>, origin: RecordOrigin) -> Result<Article, BadRecord> {
        line.withUnsafeBufferPointer { parse($0, origin: origin) }
    }

    /// Parses one line; invalid UTF-8 is replaced with U+FFFD first and counted in the
    /// article's `replacedSequences` (the record is kept).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, origin: RecordOrigin) -> Result<Article, BadRecord> {
        guard UTF8Validation.isValid(bytes) else {
            let (fixed, replaced) = UTF8Repair.repair(bytes)
            return fixed.withUnsafeBufferPointer { parseValid($0, origin: origin) }.map { article in
                var a = article
                a.replacedSequences = replaced
                return a
            }
        }
        return parseValid(bytes, origin: origin)
    }

    /// The offset of the first control byte JSON does not allow where it stands: any byte below
    /// 0x20 inside a string, or one other than tab and CR between tokens.
    static func firstRawControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inString = false, escaped = false
        for (k, b) in bytes.enumerated() {
            if b < 0x20 && (inString || (b != 0x09 && b != 0x0D)) { return k }
            if escaped { escaped = false } else if inString && b == 0x5C { escaped = true } else if b == 0x22 { inString.toggle() }
        }
        return nil
    }

    /// Parses one line of valid UTF-8.
    static func parseValid(_ bytes: UnsafeBufferPointer<UInt8>, origin: RecordOrigin) -> Result<Article, BadRecord> {
        if let fast = FlatJSONScanner.fields(bytes, wanted: wantedFields), let article = article(from: fast, origin: origin) {
            return article
        }
        // JSON strings cannot hold raw control bytes (NUL, tab, ESC…); the decoder would blame
        // the field instead ("must be a string"), so say what is wrong and where.
        if let k = firstRawControl(bytes) {
            let hex = String(bytes[k], radix: 16, uppercase: true)
            let code = String(repeating: "0", count: 4 - hex.count) + hex
            return .failure(BadRecord(origin: origin.description,
                                      reason: "not JSON: raw control character U+\(code) at byte \(k + 1) of the line (JSON strings need it escaped as \\u\(code))"))
        }
        do {
            let r = try JSONDecoder().decode(JSONLRecord.self, from: Data(buffer: bytes))
            return .success(Article(id: r.id, text: r.text, title: r.title, url: r.url, publishedAt: r.publishedAt,
                                    source: r.source, origin: origin))
        } catch let p as RecordProblem {
            return .failure(BadRecord(origin: origin.description, reason: p.description))
        } catch DecodingError.dataCorrupted(let ctx) {
            let detail = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? ctx.debugDescription
            return .failure(BadRecord(origin: origin.description, reason: "not JSON: \(detail)"))
        } catch DecodingError.typeMismatch(_, _) {
            return .failure(BadRecord(origin: origin.description, reason: "not a JSON object"))
        } catch DecodingError.valueNotFound(_, let ctx) where ctx.codingPath.isEmpty {
            return .failure(BadRecord(origin: origin.description, reason: "not a JSON object (null)"))
        } catch {
            return .failure(BadRecord(origin: origin.description, reason: "not JSON: \(error)"))
        }
    }
}
