import Foundation
import WinnowCore
import WinnowIO
import WinnowStore

/// A problem with one line of a verdict file, printed as `file:line: message`.
struct VerdictFileProblem: Error, CustomStringConvertible, Equatable {
    /// The file as given.
    var file: String
    /// 1-based line number.
    var line: Int
    /// What is wrong and what to do.
    var message: String

    var description: String { "\(file):\(line): \(message)" }
}

/// Reading and checking a verdict file (`review apply`): one JSON object a line with `id`,
/// `verdict` (accept | not-duplicate | false-positive | remove), `canonical` (not-duplicate:
/// the document it must not be merged with), `rule` (false-positive), `editor`, `note`. Other
/// fields (what `review export` writes) are ignored; a blank `verdict` means not reviewed yet.
enum VerdictFile {
    /// A checked verdict and the line it came from.
    struct Line: Equatable {
        var number: Int
        var entry: VerdictEntry
    }

    /// What a file holds: verdicts, problems, and how many lines had no verdict yet.
    struct Parsed {
        var lines: [Line] = []
        var problems: [VerdictFileProblem] = []
        var unreviewed = 0
    }

    /// Parses and checks every line on its own (no archive needed).
    static func parse(_ data: Data, file: String, editor defaultEditor: String?) -> Parsed {
        var out = Parsed()
        let bytes = [UInt8](data)
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            func problem(_ message: String) { out.problems.append(VerdictFileProblem(file: file, line: number, message: message)) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)), let fields = object as? [String: Any] else {
                problem("not a JSON object (one verdict per line: {\"id\": …, \"verdict\": …})")
                continue
            }
            switch entry(fields, source: "\(file):\(number)", editor: defaultEditor) {
            case .success(let e?): out.lines.append(Line(number: number, entry: e))
            case .success(nil): out.unreviewed += 1
            case .failure(let p): problem(p.message)
            }
        }
        return out
    }

    /// A problem's message, before it is placed on a line.
    struct Message: Error {
        var message: String
    }

    /// One line's verdict; nil when its `verdict` is blank (not reviewed yet).
    static func entry(_ fields: [String: Any], source: String, editor defaultEditor: String?) -> Result<VerdictEntry?, Message> {
        func text(_ key: String) -> Result<String?, Message> {
            switch fields[key] {
            case nil, is NSNull: return .success(nil)
            case let s as String:
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                return .success(t.isEmpty ? nil : t)
            default: return .failure(Message(message: "\"\(key)\" must be a string"))
            }
        }
        do {
            guard let id = try text("id").get() else { return .failure(Message(message: "no \"id\": name the document the verdict is on")) }
            guard fields["verdict"] != nil else {
                return .failure(Message(message: "no \"verdict\" (accept, not-duplicate, false-positive or remove; blank when not reviewed yet)"))
            }
            guard let word = try text("verdict").get() else { return .success(nil) }
            guard let kind = VerdictKind(rawValue: word) else {
                return .failure(Message(message: "unknown verdict \"\(Escape.terminal(word))\" (use accept, not-duplicate, false-positive or remove)"))
            }
            let canonical = try text("canonical").get(), rule = try text("rule").get(), note = try text("note").get()
            guard let editor = try text("editor").get() ?? defaultEditor else {
                return .failure(Message(message: "no editor: give \"editor\" on the line or pass --editor NAME"))
            }
            var e = VerdictEntry(kind: kind, id: id, editor: editor, note: note, source: source)
            switch kind {
            case .notDuplicate:
                guard let canonical else {
                    return .failure(Message(message: "a not-duplicate verdict needs \"canonical\": the document \"\(Escape.terminal(id))\" must not be merged with"))
                }
                guard canonical != id else {
                    return .failure(Message(message: "\"canonical\" names the document itself; give the document it must not be merged with"))
                }
                e.other = canonical
            case .falsePositive:
                guard let rule else {
                    return .failure(Message(message: "a false-positive verdict needs \"rule\": the rule whose finding on \"\(Escape.terminal(id))\" was wrong"))
                }
                e.rule = rule
            case .accept, .remove:
                break
            }
            return .success(e)
        } catch {
            return .failure(error)
        }
    }

    /// Checks the verdicts against the archive: every document must be in it, and a
    /// false-positive rule must have had a finding on the document (when its findings are known).
    static func check(_ lines: [Line], against documents: [String: JudgedDocument], file: String, archive: String) -> [VerdictFileProblem] {
        var problems: [VerdictFileProblem] = []
        for l in lines {
            let e = l.entry
            func problem(_ message: String) { problems.append(VerdictFileProblem(file: file, line: l.number, message: message)) }
            guard let d = documents[e.id] else {
                problem("unknown document \"\(Escape.terminal(e.id))\": not in \(archive) (verdicts are on documents a scan --index recorded)")
                continue
            }
            if let other = e.other, documents[other] == nil {
                problem("unknown document \"\(Escape.terminal(other))\" in \"canonical\": not in \(archive)")
            }
            if let rule = e.rule, let known = d.rules, !known.contains(rule) {
                let list = known.isEmpty ? "it has none" : "its findings: " + known.joined(separator: ", ")
                problem("rule \"\(Escape.terminal(rule))\" has no finding on \"\(Escape.terminal(e.id))\" in run \(d.run) (\(list))")
            }
        }
        return problems
    }
}
