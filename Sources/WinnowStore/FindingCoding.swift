import Foundation
import WinnowCore

/// A compact, stable text encoding of a document's findings for the archive: one record per
/// finding (separated by U+001E), its fields separated by U+001F; a text field that
/// already occurred in the list is written as U+0002 and the number of its first occurrence
/// (a page's related list repeats one message per line). A revised decision on an
/// archived document repeats the findings its first run reported, so a later night's line
/// for that id does not drop them.
enum FindingCoding {
    private static let recordSeparator: Character = "\u{1E}"
    private static let fieldSeparator: Character = "\u{1F}"
    private static let reference: Character = "\u{2}"

    static func encode(_ findings: [Finding]) -> Data? {
        guard !findings.isEmpty else { return nil }
        var seen: [String: Int] = [:]
        func text(_ s: String) -> String {
            let s = clean(s)
            if let k = seen[s] { return String(reference) + String(k) }
            seen[s] = seen.count
            return s
        }
        let records = findings.map { f in
            [text(f.rule), text(f.category.rawValue), text(f.severity.rawValue), text(f.action.rawValue),
             String(f.lineStart), String(f.lineEnd), text(f.message)].joined(separator: String(fieldSeparator))
        }
        return Data(records.joined(separator: String(recordSeparator)).utf8)
    }

    /// Findings decoded from `data`; records this version does not understand are skipped.
    static func decode(_ data: Data?) -> [Finding] {
        guard let data, !data.isEmpty else { return [] }
        var texts: [String] = []
        func text(_ s: String) -> String? {
            guard s.first == reference else {
                texts.append(s)
                return s
            }
            guard let k = Int(s.dropFirst()), texts.indices.contains(k) else { return nil }
            return texts[k]
        }
        return String(decoding: data, as: UTF8.self).split(separator: recordSeparator).compactMap { record in
            let fields = record.split(separator: fieldSeparator, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7 else { return nil }
            // Resolve every text field first, in writing order, so later references stay aligned.
            let texts = [0, 1, 2, 3, 6].map { text(fields[$0]) }
            guard let rule = texts[0], let message = texts[4],
                  let category = texts[1].flatMap(FindingCategory.init(rawValue:)), let severity = texts[2].flatMap(Severity.init(rawValue:)),
                  let action = texts[3].flatMap(RuleAction.init(rawValue:)), let start = Int(fields[4]), let end = Int(fields[5]) else { return nil }
            return Finding(rule: rule, category: category, severity: severity, action: action,
                           lineStart: start, lineEnd: end, message: message)
        }
    }

    private static func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == recordSeparator || $0 == fieldSeparator || $0 == reference }) else { return s }
        return String(s.map { $0 == recordSeparator || $0 == fieldSeparator || $0 == reference ? " " : $0 })
    }
}
