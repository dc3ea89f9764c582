/// Runs the examples written into rules: each `match` text must match its rule, each
/// `no_match` text must not. Examples are tests the rule carries with it.
public struct RuleExampleRunner: Sendable {
    /// One example's outcome.
    public struct Outcome: Sendable {
        /// The rule id.
        public var rule: String
        /// Where the rule is defined.
        public var definedAt: String
        /// Whether the example behaved.
        public var passed: Bool
        /// What went wrong (or what was checked).
        public var message: String
    }

    /// The compiled rules.
    public let rules: RuleSet

    /// Creates a runner.
    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// Runs every example of every phrase and regex rule.
    public func run() -> [Outcome] {
        var out: [Outcome] = []
        for (i, rule) in rules.rules.enumerated() {
            if case .detector = rule.matcher { continue }
            for text in rule.examples.match {
                let hit = matches(text, rule: i)
                out.append(Outcome(rule: rule.id, definedAt: rule.definedAt, passed: hit,
                                   message: hit ? "matches \(text)" : "should match but does not: \(text)"))
            }
            for text in rule.examples.noMatch {
                let hit = matches(text, rule: i)
                out.append(Outcome(rule: rule.id, definedAt: rule.definedAt, passed: !hit,
                                   message: hit ? "should not match but does: \(text)" : "does not match \(text)"))
            }
        }
        return out
    }

    /// Whether the rule matches the text as one line, its size limit included (position and
    /// site scopes depend on a page and are not part of an example).
    private func matches(_ text: String, rule: Int) -> Bool {
        let normalized = Array(TextNormalizer.normalize(text).utf8)
        if let max = rules.rules[rule].scope.maxLineSize, LineShape(normalized: normalized).size > max { return false }
        return rules.matches(normalized: normalized, original: Substring(text)).contains(rule)
    }
}
