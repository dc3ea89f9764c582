import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// The lines that `verify` and `resolve` read from a distributed run (the Spark job in
/// `integrations/spark`) and write back. A document is a JSON object (it is read once); the many
/// pairs and links are tab-separated, cheap to write and to parse. 64-bit hashes travel as
/// signed integers (what Spark's LongType holds), doubles as the hex of their bit pattern so that
/// they round-trip exactly.
///
///     {"doc":N,"dfs":[…],"copy_of":R,"hidden":H,"like":"…","origin_file":"…","origin_line":L,"record":"base64"}
///     pair<TAB>A<TAB>B
///     cut<TAB>Q<TAB>C
///     link<TAB>FROM<TAB>TO<TAB>KIND<TAB>HAMMING<TAB>JACCARD-HEX<TAB>CONTAINMENT-HEX[<TAB>cut]
///     (KIND is a match kind, or `figures`: the texts match but the figures differ)
enum ExchangeFormat {
    /// A document line: its position in the batch (global input order), the document frequency
    /// of each of its sketch shingles (exact copies left out), the representative whose weights
    /// an exact copy takes, the origin to report, and the analysis record
    /// (`AnalysisRecordFile.encode`, length prefix included) in base64. `hidden`: exact copies of
    /// this document left out of the input (counted in its cluster); `like`: the decision line of
    /// the sibling whose decision this left-out copy takes (`DistributedDecide.siblingDecision`).
    struct DocumentLine: Decodable {
        var doc: Int
        var dfs: [Int]?
        var copy_of: Int?
        var hidden: Int?
        var like: String?
        var origin_file: String?
        var origin_line: Int?
        var record: String
    }

    /// A decoded document.
    struct Document {
        var index: Int
        var record: AnalysisRecord
        var frequencies: [Int]
        var copyOf: Int?
        var hiddenCopies = 0
        var like: Decision?
    }

    /// One parsed input line.
    enum Line {
        case document(Document)
        case pair(Int, Int)
        case cut(Int, Int)
        case link(from: Int, to: Int, relation: PairRelation, cut: Bool)
    }

    /// Parses one line, or throws a message naming it.
    static func parse(_ text: Substring, lineNumber: Int) throws -> Line {
        if text.first == "{" { return .document(try document(text, lineNumber: lineNumber)) }
        // Tab-separated: split the bytes (a Character split would read grapheme clusters).
        let f = text.utf8.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0) }
        func int(_ k: Int) throws -> Int {
            guard k < f.count, let v = Int(f[k]) else { throw ExchangeError("line \(lineNumber): field \(k + 1) must be an integer") }
            return v
        }
        switch f.first {
        case "pair"?: return .pair(try int(1), try int(2))
        case "cut"?: return .cut(try int(1), try int(2))
        case "link"?:
            let figures = f.count > 3 && f[3] == figuresKind
            let kind = f.count > 3 && !figures ? MatchKind(rawValue: String(f[3])) : nil
            guard f.count >= 7, figures || kind != nil, let j = double(hex: f[5]), let c = double(hex: f[6]) else {
                throw ExchangeError("line \(lineNumber): a link is link, from, to, kind, hamming, jaccard hex, containment hex")
            }
            var relation = DistributedDecide.relation(kind: kind, hamming: try int(4), jaccard: j, containment: c)
            relation.figuresDiffer = figures
            return .link(from: try int(1), to: try int(2), relation: relation, cut: f.count > 7 && f[7] == "cut")
        default:
            throw ExchangeError("line \(lineNumber): expected a document, pair, cut or link line")
        }
    }

    /// The document a JSON line carries, its origin replaced when the line names one.
    static func document(_ text: Substring, lineNumber: Int) throws -> Document {
        let line: DocumentLine
        do { line = try JSONDecoder().decode(DocumentLine.self, from: Data(text.utf8)) } catch {
            throw ExchangeError("line \(lineNumber): not a document line (\(error))")
        }
        guard let data = Data(base64Encoded: line.record) else {
            throw ExchangeError("line \(lineNumber): document \(line.doc) has no valid record")
        }
        let records: [AnalysisRecord]
        do { records = try AnalysisRecordFile.decode(AnalysisRecordFile.header + [UInt8](data)) } catch {
            throw ExchangeError("line \(lineNumber): document \(line.doc): \(error)")
        }
        guard records.count == 1, var record = records.first else {
            throw ExchangeError("line \(lineNumber): document \(line.doc) must hold exactly one record")
        }
        if let file = line.origin_file { record.article.origin = RecordOrigin(file: file, line: line.origin_line ?? 0) }
        var document = Document(index: line.doc, record: record, frequencies: line.dfs ?? [], copyOf: line.copy_of,
                                hiddenCopies: line.hidden ?? 0)
        if let like = line.like {
            do { document.like = try SiblingLine.decision(like) } catch {
                throw ExchangeError("line \(lineNumber): document \(line.doc): its sibling's decision is unreadable (\(error))")
            }
        }
        return document
    }

    /// The kind a link line gives a pair whose texts match but whose figures differ (no copy:
    /// `PairRelation.figuresDiffer`, a review for the later published).
    static let figuresKind = "figures"

    /// A verified link as one line (`from` is a copy of `to`, or differs from it only in figures).
    static func linkLine(from: Int, to: Int, _ r: PairRelation, cut: Bool = false) -> String {
        let kind = r.kind?.rawValue ?? (r.figuresDiffer ? figuresKind : "none")
        return "link\t\(from)\t\(to)\t\(kind)\t\(r.hamming)\t\(hex(r.jaccard))\t\(hex(r.containment))" + (cut ? "\tcut\n" : "\n")
    }

    /// The bit pattern of a double as 16 hex digits.
    static func hex(_ x: Double) -> String { StableHash.hex(x.bitPattern) }

    /// A double from the hex of its bit pattern.
    static func double(hex: Substring) -> Double? {
        guard hex.utf8.count == 16, let bits = UInt64(hex, radix: 16) else { return nil }
        return Double(bitPattern: bits)
    }

    /// A 64-bit hash as the signed integer with the same bits.
    static func signed(_ v: UInt64) -> Int { Int(Int64(bitPattern: v)) }

    /// Appends `[a,b,…]` of hashes as signed integers.
    static func writeHashes(_ values: [UInt64], into out: inout JSONBuffer) {
        out.raw("[")
        for (k, v) in values.enumerated() {
            if k > 0 { out.raw(",") }
            out.int(signed(v))
        }
        out.raw("]")
    }

    /// Every line of standard input or a file, with its 1-based number, blank lines skipped.
    static func lines(of path: String) throws -> [(number: Int, text: Substring)] {
        let bytes = try StageInputs.bytes(of: path)
        let text = String(decoding: bytes, as: UTF8.self)
        var out: [(Int, Substring)] = []
        for (i, line) in text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            out.append((i + 1, Substring(line)))
        }
        return out
    }

    /// Writes text to a file (atomically) or standard output.
    static func write(_ text: String, to path: String) throws {
        try StageInputs.write(Array(text.utf8), to: path)
    }
}

/// A malformed exchange line: printed, exit 2.
struct ExchangeError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
