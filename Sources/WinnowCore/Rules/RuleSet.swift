/// A compiled set of rules: all phrase rules share one automaton so every line is scanned once.
public struct RuleSet: Sendable {
    /// The rules, in load order.
    public let rules: [Rule]
    private let automaton: PhraseAutomaton
    private let regexes: [(rule: Int, pattern: String)]

    /// An empty rule set (furniture is then found by the built-in detectors alone).
    public static let empty = RuleSet(validated: [])

    /// Compiles rules; throws on duplicate ids and empty matchers.
    public init(rules: [Rule]) throws {
        var ids = Set<String>()
        for rule in rules {
            guard ids.insert(rule.id).inserted else {
                throw WinnowCoreError.invalidRule(id: rule.id, message: "duplicate id (also defined earlier; \(rule.definedAt))")
            }
            switch rule.matcher {
            case .phrases(let p) where p.allSatisfy({ TextNormalizer.normalize($0).isEmpty }):
                throw WinnowCoreError.invalidRule(id: rule.id, message: "phrases list is empty (\(rule.definedAt))")
            case .regex(let pattern):
                if let problem = ICURegex.problem(compiling: pattern) {
                    throw WinnowCoreError.invalidRule(id: rule.id, message: "invalid regex: \(problem) (\(rule.definedAt))")
                }
            default: break
            }
        }
        self.init(validated: rules)
    }

    private init(validated rules: [Rule]) {
        self.rules = rules
        var phrases: [(bytes: [UInt8], payload: Int32)] = []
        var regexes: [(Int, String)] = []
        for (i, rule) in rules.enumerated() {
            switch rule.matcher {
            case .phrases(let list):
                for p in list {
                    let n = Array(TextNormalizer.normalize(p).utf8)
                    if !n.isEmpty { phrases.append((n, Int32(i))) }
                }
            case .regex(let pattern):
                regexes.append((i, pattern))
            case .detector:
                break
            }
        }
        automaton = PhraseAutomaton(phrases: phrases)
        self.regexes = regexes
    }

    /// Indexes of the phrase and regex rules matching a line (normalized and original form).
    public func matches(normalized: [UInt8], original: Substring) -> [Int] {
        var hits: [Int] = []
        automaton.scan(normalized) { p in
            if !hits.contains(Int(p)) { hits.append(Int(p)) }
        }
        if !regexes.isEmpty {
            for (rule, pattern) in regexes where !hits.contains(rule) {
                if ICURegex.cached(pattern)?.firstMatch(in: String(original)) != nil { hits.append(rule) }
            }
        }
        return hits
    }

    /// Rules with a given built-in detector name.
    public func detectors(named name: String) -> [Rule] {
        rules.filter { if case .detector(let n, _) = $0.matcher { return n == name } else { return false } }
    }
}
