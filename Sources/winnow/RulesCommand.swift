import ArgumentParser
import WinnowCore
import WinnowIO

/// `winnow rules`: list, explain and test rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain and test rules.",
        subcommands: [RulesTestCommand.self, RulesListCommand.self, RulesExplainCommand.self]
    )
}

/// `winnow rules test [DIRS]`: every rule's examples must (not) match.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run every rule's examples; exit 1 on a failure, 2 on invalid files.")

    @Argument(help: "Rule folders or files (default: ./rules).")
    var paths: [String] = []

    func run() throws {
        try TextNormalizer.prepare()
        let loaded = RuleFileLoader().load(paths: paths.isEmpty ? ["rules"] : paths)
        for e in loaded.errors { Console.error(e.description) }
        let set: RuleSet
        do { set = try RuleSet(rules: loaded.rules) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let results = RuleExampleRunner(rules: set).run()
        var failed = 0, passed = 0
        for r in results {
            if r.passed { passed += 1 } else {
                failed += 1
                print("FAIL \(Escape.terminal(r.rule)) (\(Escape.terminal(r.definedAt))): \(Escape.terminal(r.message))")
            }
        }
        print("rules: \(passed) passed, \(failed) failed")
        if !loaded.errors.isEmpty { throw WinnowExit.error }
        if failed > 0 { throw WinnowExit.findings }
    }
}

/// `winnow rules list`.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List rules with category, severity and action.")

    @Argument(help: "Rule folders or files (default: ./rules).")
    var paths: [String] = []

    func run() throws {
        let loaded = RuleFileLoader().load(paths: paths.isEmpty ? ["rules"] : paths)
        for e in loaded.errors { Console.error(e.description) }
        for r in loaded.rules {
            print("\(Escape.terminal(r.id))\t\(r.category.rawValue)\t\(r.severity.rawValue)\t\(r.action.rawValue)\t\(Escape.terminal(r.description))")
        }
        let tuned = Set(loaded.rules.compactMap { r -> String? in if case .detector(let n, _) = r.matcher { return n } else { return nil } })
        for d in BuiltInDetector.allCases where !tuned.contains(d.rawValue) {
            print("\(d.rawValue)\t(built-in)\tinfo\tstrip\t\(d.summary)")
        }
        if !loaded.errors.isEmpty { throw WinnowExit.error }
    }
}

/// `winnow rules explain ID`.
struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one rule in full.")

    @Argument(help: "The rule id.")
    var id: String

    @Option(name: .customLong("rules"), help: "Rule folders or files (default: ./rules).")
    var paths: [String] = []

    func run() throws {
        let loaded = RuleFileLoader().load(paths: paths.isEmpty ? ["rules"] : paths)
        guard let r = loaded.rules.first(where: { $0.id == id }) else {
            Console.error("no rule with id \(id)")
            throw WinnowExit.error
        }
        print("id:          \(Escape.terminal(r.id))\ndefined at:  \(Escape.terminal(r.definedAt))\ndescription: \(Escape.terminal(r.description))")
        print("category:    \(r.category.rawValue)\nseverity:    \(r.severity.rawValue)\naction:      \(r.action.rawValue)")
        switch r.matcher {
        case .phrases(let p): print("phrases:     \(p.map { Escape.terminal($0) }.joined(separator: " | "))")
        case .regex(let p): print("regex:       \(Escape.terminal(p))")
        case .detector(let n, let params): print("detector:    \(n) \(params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
        print("scope:       position \(r.scope.position.rawValue)" + (r.scope.maxLineSize.map { ", max size \($0)" } ?? "")
              + (r.scope.withinLines.map { ", within \($0) lines" } ?? "") + (r.scope.languages.isEmpty ? "" : ", languages \(r.scope.languages.joined(separator: ","))"))
        for m in r.examples.match { print("  matches:        \(Escape.terminal(m))") }
        for m in r.examples.noMatch { print("  does not match: \(Escape.terminal(m))") }
    }
}
