import Foundation
import WinnowCore
import Yams

/// Loads editor-written rules from YAML files (`*.yaml`, `*.yml`) in one or more folders.
///
/// A file holds `rules:` with a list of rules (or a single rule mapping). Every mistake is
/// reported as `file:line:col: message`, pointing at the offending node.
public struct RuleFileLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// The result of loading: rules that are valid and the errors of those that are not.
    public struct Loaded: Sendable {
        /// Valid rules in file order.
        public var rules: [Rule] = []
        /// One error per invalid rule or file.
        public var errors: [WinnowIOError] = []
        /// Files read.
        public var files: [String] = []
    }

    /// Loads every rule file under each folder (sorted by path; a path to a file loads that file).
    public func load(paths: [String]) -> Loaded {
        var out = Loaded()
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                out.errors.append(.cannotRead(path: path, reason: "no such rules folder or file")); continue
            }
            var files: [String] = []
            if isDir.boolValue {
                let items = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                files = items.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
            } else {
                files = [path]
            }
            for f in files {
                out.files.append(f)
                guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                    out.errors.append(.cannotRead(path: f, reason: "cannot read as UTF-8")); continue
                }
                let (rules, errors) = parse(text, file: f)
                out.rules += rules
                out.errors += errors
            }
        }
        return out
    }

    /// Parses one file's text.
    public func parse(_ text: String, file: String) -> ([Rule], [WinnowIOError]) {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            return ([], [Self.yamlError(e, file: file)])
        } catch {
            return ([], [.invalidRuleFile(path: file, line: 1, column: 1, message: "\(error)")])
        }
        guard let root else { return ([], []) }
        var items: [Node] = []
        if let list = root.mapping?["rules"]?.sequence { items = Array(list) }
        else if root.mapping?["id"] != nil { items = [root] }
        else if let list = root.sequence { items = Array(list) }
        else { return ([], [Self.error(file, root, "expected `rules:` with a list of rules")]) }
        var rules: [Rule] = [], errors: [WinnowIOError] = []
        for node in items {
            do { rules.append(try RuleNodeParser(file: file).rule(from: node)) } catch let e as WinnowIOError { errors.append(e) } catch {
                errors.append(Self.error(file, node, "\(error)"))
            }
        }
        return (rules, errors)
    }

    static func error(_ file: String, _ node: Node, _ message: String) -> WinnowIOError {
        .invalidRuleFile(path: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    static func yamlError(_ e: YamlError, file: String) -> WinnowIOError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return .invalidRuleFile(path: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return .invalidRuleFile(path: file, line: 1, column: 1, message: "YAML: \(e)")
        }
    }
}
