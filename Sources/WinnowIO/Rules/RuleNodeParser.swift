import WinnowCore
import Yams

/// Turns one YAML mapping into a `Rule`, checking every key and value.
struct RuleNodeParser {
    let file: String

    private static let allowedKeys: Set<String> = ["id", "description", "category", "severity", "action", "phrases",
                                                   "regex", "detector", "params", "scope", "examples", "requires", "requires_digits"]
    private static let scopeKeys: Set<String> = ["position", "within_lines", "max_size", "languages", "sites", "section", "region"]

    func rule(from node: Node) throws -> Rule {
        guard let map = node.mapping else { throw fail(node, "a rule must be a mapping with `id`, `category` and a matcher") }
        for (k, _) in map {
            guard let key = k.string, Self.allowedKeys.contains(key) else {
                throw fail(k, "unknown key `\(k.string ?? "?")` (allowed: \(Self.allowedKeys.sorted().joined(separator: ", ")))")
            }
        }
        guard let idNode = map["id"], let id = idNode.string, !id.isEmpty else { throw fail(node, "missing `id`") }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw fail(idNode, "`id` may hold letters, digits, '-', '_' and '.' only")
        }
        let category: FindingCategory = try enumValue(map["category"], "category", required: true, default: .custom)
        let severity: Severity = try enumValue(map["severity"], "severity", required: false, default: .info)
        let action: RuleAction = try enumValue(map["action"], "action", required: false,
                                               default: category.isFurniture ? .strip : .flag)
        let matchers = ["phrases", "regex", "detector"].filter { map[Node.scalar(.init($0))] != nil }
        guard matchers.count == 1 else {
            throw fail(node, "a rule needs exactly one matcher: `phrases`, `regex` or `detector` (rule \(id))")
        }
        let matcher: RuleMatcher
        switch matchers[0] {
        case "phrases":
            let list = try strings(map["phrases"], "phrases")
            guard !list.isEmpty, list.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw fail(map["phrases"] ?? node, "`phrases` must be a non-empty list of non-empty strings")
            }
            matcher = .phrases(list)
        case "regex":
            guard let r = map["regex"], let pattern = r.string, !pattern.isEmpty else { throw fail(node, "`regex` must be a string") }
            if let problem = ICURegex.problem(compiling: pattern) { throw fail(r, "invalid regex: \(problem)") }
            matcher = .regex(pattern)
        default:
            guard let name = map["detector"]?.string else { throw fail(node, "`detector` must be a name") }
            var params: [String: String] = [:]
            if let p = map["params"] {
                guard let pm = p.mapping else { throw fail(p, "`params` must be a mapping") }
                for (k, v) in pm { params[k.string ?? ""] = v.string ?? "" }
            }
            matcher = .detector(name, params)
        }
        let examplesNode = map["examples"]
        let examples = RuleExamples(match: try strings(examplesNode?.mapping?["match"], "examples.match"),
                                    noMatch: try strings(examplesNode?.mapping?["no_match"], "examples.no_match"))
        let at = "\(file):\(node.mark?.line ?? 1)"
        var rule = Rule(id: id, description: map["description"]?.string ?? "", category: category, severity: severity,
                        action: action, matcher: matcher, scope: try scope(map["scope"]), examples: examples, definedAt: at)
        rule.requires = try strings(map["requires"], "requires")
        if let d = map["requires_digits"] {
            guard let v = d.int, v > 0 else { throw fail(d, "`requires_digits` must be a positive integer") }
            guard case .regex = matcher else { throw fail(d, "`requires_digits` applies to `regex` rules only") }
            rule.requiresDigits = v
        }
        if !rule.requires.isEmpty, case .regex = matcher {} else if !rule.requires.isEmpty {
            throw fail(map["requires"] ?? node, "`requires` applies to `regex` rules only")
        }
        return rule
    }

    private func scope(_ node: Node?) throws -> RuleScope {
        guard let node else { return RuleScope() }
        guard let map = node.mapping else { throw fail(node, "`scope` must be a mapping") }
        for (k, _) in map where !Self.scopeKeys.contains(k.string ?? "") {
            throw fail(k, "unknown scope key `\(k.string ?? "?")` (allowed: \(Self.scopeKeys.sorted().joined(separator: ", ")))")
        }
        var s = RuleScope()
        s.position = try enumValue(map["position"], "scope.position", required: false, default: .any)
        if let w = map["within_lines"] {
            guard let v = w.int, v > 0 else { throw fail(w, "`within_lines` must be a positive integer") }
            s.withinLines = v
        }
        if let m = map["max_size"] {
            guard let v = m.int, v > 0 else { throw fail(m, "`max_size` must be a positive integer") }
            s.maxLineSize = v
        }
        s.languages = try strings(map["languages"], "scope.languages")
        s.sites = try strings(map["sites"], "scope.sites")
        if map["region"] != nil {
            s.region = try enumValue(map["region"], "scope.region", required: false, default: RuleRegion.any)
        }
        if let b = map["section"] {
            guard let v = b.bool else { throw fail(b, "`section` must be true or false") }
            s.opensSection = v
        }
        return s
    }

    private func enumValue<T: RawRepresentable & CaseIterable>(_ node: Node?, _ name: String, required: Bool, default value: T) throws -> T
    where T.RawValue == String {
        guard let node else {
            if required { throw WinnowIOError.invalidRuleFile(path: file, line: 1, column: 1, message: "missing `\(name)`") }
            return value
        }
        guard let s = node.string, let v = T(rawValue: s) else {
            throw fail(node, "`\(name)` must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    private func strings(_ node: Node?, _ name: String) throws -> [String] {
        guard let node else { return [] }
        if let s = node.scalar { return [s.string] }
        guard let seq = node.sequence else { throw fail(node, "`\(name)` must be a list of strings") }
        return try seq.map { n in
            guard let s = n.scalar?.string else { throw fail(n, "`\(name)` must hold strings only") }
            return s
        }
    }

    private func fail(_ node: Node, _ message: String) -> WinnowIOError {
        RuleFileLoader.error(file, node, message)
    }
}
