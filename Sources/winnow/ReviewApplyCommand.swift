import ArgumentParser
import Foundation
import WinnowCore
import WinnowStore

/// `winnow review apply`: records editors' verdicts in the archive, all or nothing.
struct ReviewApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Record editors' verdicts (JSONL) in the archive; later scans honour them.",
        discussion: """
        One JSON object a line: "id" (the document), "verdict" (accept | not-duplicate | \
        false-positive | remove), "canonical" (not-duplicate: the document it must not be merged \
        with), "rule" (false-positive: the rule whose finding was wrong), "editor", "note". Other \
        fields are ignored, so a file from `review export` goes back as it is; lines whose \
        verdict is blank are not reviewed yet and are skipped.

        Every line is checked first (JSON, verdict, required fields, documents known to the \
        archive, the rule's finding on the document); one bad line rejects the file: each problem \
        is printed as file:line: message, nothing is recorded, exit code 2. Recording takes the \
        archive's run lock, as a scan does. A verdict given before, word for word, is not \
        recorded twice.

        What later scans (and check --index) do: not-duplicate — the two documents are never \
        merged, also when either comes back under a new id with the same text; false-positive — \
        the rule is not applied to that document (same id or same text); remove — the document \
        (or the same text) is removed, its reason naming the verdict, and it stops being a \
        canonical others merge into; accept — recorded only.
        """
    )

    @Argument(help: "The verdicts: a JSONL file (- for standard input).")
    var file: String

    @OptionGroup var archive: ReviewArchive

    @Option(help: "Editor named on lines that name none.")
    var editor: String?

    @Flag(help: "Wait for a run holding the archive instead of failing.")
    var waitForIndex = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let editor, editor.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--editor needs a name") }
    }

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            Console.error("\(file): cannot read the verdicts: \(error.localizedDescription)")
            throw WinnowExit.error
        }
        let name = file == "-" ? "<stdin>" : file
        let parsed = VerdictFile.parse(data, file: name, editor: editor?.trimmingCharacters(in: .whitespaces))
        let session: ArchiveSession
        do { session = try ArchiveSession(path: archive.index, wait: waitForIndex) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        defer { session.close() }
        let recorded: Int
        do {
            let ids = Array(Set(parsed.lines.flatMap { [$0.entry.id] + ($0.entry.other.map { [$0] } ?? []) })).sorted()
            let documents = try session.store.judgedDocuments(ids)
            let problems = (parsed.problems + VerdictFile.check(parsed.lines, against: documents, file: name, archive: archive.index))
                .sorted { ($0.line, $0.message) < ($1.line, $1.message) }
            guard problems.isEmpty else { return try reject(problems) }
            recorded = try session.store.record(parsed.lines.map(\.entry), on: documents, at: ArchiveSession.iso(Date()))
        } catch let e as StoreError {
            Console.error("\(e)")
            throw WinnowExit.error
        }
        if !quiet { summarize(parsed, recorded: recorded) }
    }

    /// Prints every problem (the first 50) and ends with exit code 2; nothing was recorded.
    private func reject(_ problems: [VerdictFileProblem]) throws {
        for p in problems.prefix(50) { Console.error(p.description) }
        if problems.count > 50 { Console.error("… and \(problems.count - 50) more") }
        Console.error("\(problems.count) bad line\(problems.count == 1 ? "" : "s"): no verdict was recorded; fix the file and apply it again")
        throw WinnowExit.error
    }

    private func summarize(_ parsed: VerdictFile.Parsed, recorded: Int) {
        var counts: [VerdictKind: Int] = [:]
        for l in parsed.lines { counts[l.entry.kind, default: 0] += 1 }
        let kinds = VerdictKind.allCases.compactMap { k in counts[k].map { "\($0) \(k.rawValue)" } }
        var line = "\(parsed.lines.count) verdict\(parsed.lines.count == 1 ? "" : "s")"
        if !kinds.isEmpty { line += " (" + kinds.joined(separator: ", ") + ")" }
        line += ": \(recorded) recorded in \(archive.index)"
        let repeated = parsed.lines.count - recorded
        if repeated > 0 { line += ", \(repeated) given before" }
        if parsed.unreviewed > 0 { line += "; \(parsed.unreviewed) line\(parsed.unreviewed == 1 ? "" : "s") without a verdict skipped" }
        Console.info(line)
    }
}
