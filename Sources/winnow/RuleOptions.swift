import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// Options selecting rule folders, shared by the commands that use rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A folder (or file) of YAML rules; repeatable. Default: ./rules when present.")
    var ruleDirectories: [String] = []

    @Flag(help: "Run without any rule files (built-in detectors only).")
    var noRules = false

    @Flag(help: "Skip invalid rules with a warning instead of refusing to run.")
    var skipInvalidRules = false

    /// The folders to load.
    var paths: [String] {
        if noRules { return [] }
        if !ruleDirectories.isEmpty { return ruleDirectories }
        return FileManager.default.fileExists(atPath: "rules") ? ["rules"] : []
    }

    /// A version of the rule packs in use: a stable hash of the rule files' contents.
    var version: String {
        let files = RuleFileLoader().load(paths: paths).files.sorted()
        var h = StableHash.fnvOffset
        for f in files {
            h = StableHash.fnv1a(Array(f.utf8), seed: h)
            if let data = FileManager.default.contents(atPath: f) { h = StableHash.fnv1a(data, seed: h) }
        }
        return StableHash.hex(h)
    }

    /// Reads the rule files, or throws after printing every problem (no ICU needed yet).
    func loadRules() throws -> [Rule] {
        let loaded = RuleFileLoader().load(paths: paths)
        for e in loaded.errors {
            if skipInvalidRules { Console.warning("\(e) (skipped)") } else { Console.error(e.description) }
        }
        if !loaded.errors.isEmpty && !skipInvalidRules {
            Console.error("refusing to run with invalid rules; fix them or pass --skip-invalid-rules")
            throw WinnowExit.error
        }
        return loaded.rules
    }

    /// Compiles rules (after `TextNormalizer.prepare()`), or throws after printing the problem.
    static func compile(_ rules: [Rule]) throws -> RuleSet {
        do { return try RuleSet(rules: rules) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
    }

    /// Reads and compiles the rules.
    func load() throws -> RuleSet {
        try TextNormalizer.prepare()
        return try Self.compile(loadRules())
    }
}
