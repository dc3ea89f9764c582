import Foundation
import WinnowCore

/// A compact, stable text encoding of a document's findings for the archive: one record per
/// finding (separated by U+001E), its fields separated by U+001F. A revised decision on an
/// archived document repeats the findings its first run reported, so a later night's line
/// for that id does not drop them.
enum FindingCoding {
    private static let recordSeparator: Character = "\u{1E}"
    private static let fieldSeparator: Character = "\u{1F}"

    static func encode(_ findings: [Finding]) -> Data? {
        guard !findings.isEmpty else { return nil }
        let records = findings.map { f in
            [clean(f.rule), f.category.rawValue, f.severity.rawValue, f.action.rawValue,
             String(f.lineStart), String(f.lineEnd), clean(f.message)].joined(separator: String(fieldSeparator))
        }
        return Data(records.joined(separator: String(recordSeparator)).utf8)
    }

    /// Findings decoded from `data`; records this version does not understand are skipped.
    static func decode(_ data: Data?) -> [Finding] {
        guard let data, !data.isEmpty else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: recordSeparator).compactMap { record in
            let f = record.split(separator: fieldSeparator, omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, let category = FindingCategory(rawValue: f[1]), let severity = Severity(rawValue: f[2]),
                  let action = RuleAction(rawValue: f[3]), let start = Int(f[4]), let end = Int(f[5]) else { return nil }
            return Finding(rule: f[0], category: category, severity: severity, action: action,
                           lineStart: start, lineEnd: end, message: f[6])
        }
    }

    private static func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == recordSeparator || $0 == fieldSeparator }) else { return s }
        return String(s.map { $0 == recordSeparator || $0 == fieldSeparator ? " " : $0 })
    }
}
