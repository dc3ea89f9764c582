/// A compiled set of rules: all phrase rules share one automaton so every line is scanned once.
public struct RuleSet: Sendable {
    /// The rules, in load order.
    public let rules: [Rule]
    private let automaton: PhraseAutomaton
    private let compiled: [(rule: Int, regex: ICURegex)]

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
        var compiled: [(Int, ICURegex)] = []
        for (i, rule) in rules.enumerated() {
            switch rule.matcher {
            case .phrases(let list):
                for p in list {
                    let n = Array(TextNormalizer.normalize(p).utf8)
                    if !n.isEmpty { phrases.append((n, Int32(i))) }
                }
            case .regex(let pattern):
                if let r = ICURegex.cached(pattern) { compiled.append((i, r)) }
            case .detector:
                break
            }
        }
        automaton = PhraseAutomaton(phrases: phrases)
        self.compiled = compiled
    }

    /// Indexes of the phrase rules matching a normalized line.
    public func phraseMatches(normalized: [UInt8]) -> [Int] {
        var hits: [Int] = []
        automaton.scan(normalized) { p in
            if !hits.contains(Int(p)) { hits.append(Int(p)) }
        }
        return hits
    }

    /// Whether any rule is a regex.
    public var hasRegexes: Bool { !compiled.isEmpty }

    /// Regex rules matching each line of a document, found with one search per rule over the
    /// whole text (`^` and `$` match at line ends; a match spanning lines counts for none).
    /// Also returns the rules whose step budget ran out on this text.
    /// With `sizes` (each line's `LineShape.size`), a rule limited to short lines searches only
    /// those lines, one by one.
    public func regexMatches(lines: [Substring], sizes: [Int]? = nil) -> (perLine: [[Int]], timedOut: [Int]) {
        var perLine = [[Int]](repeating: [], count: lines.count)
        guard !compiled.isEmpty else { return (perLine, []) }
        var timedOut: [Int] = []
        var wholeText: [(Int, ICURegex)] = []
        for (rule, regex) in compiled {
            guard let max = rules[rule].scope.maxLineSize, let sizes, sizes.count == lines.count else {
                wholeText.append((rule, regex)); continue
            }
            for i in lines.indices where sizes[i] <= max && sizes[i] > 0 {
                let units = Array(lines[i].utf16)
                if !Self.hasLiteral(rules[rule].requires, in: units) { continue }
                let (ranges, stopped) = regex.allMatches(utf16: units, limit: 1)
                if stopped && !timedOut.contains(rule) { timedOut.append(rule) }
                if !ranges.isEmpty { perLine[i].append(rule) }
            }
        }
        guard !wholeText.isEmpty else { return (perLine, timedOut) }
        var units: [UInt16] = []
        units.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            if i > 0 { units.append(0x0A) }
            lineStarts.append(units.count)
            units.append(contentsOf: line.utf16)
        }
        for (rule, regex) in wholeText {
            if !Self.hasLiteral(rules[rule].requires, in: units) { continue }
            let (ranges, stopped) = regex.allMatches(utf16: units)
            if stopped { timedOut.append(rule) }
            for r in ranges {
                // The line holding the match start: the last line start <= r.lowerBound.
                var lo = 0, hi = lineStarts.count
                while lo < hi { let mid = (lo + hi) >> 1; if lineStarts[mid] <= r.lowerBound { lo = mid + 1 } else { hi = mid } }
                let line = lo - 1
                let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : units.count
                if line >= 0 && r.upperBound <= lineEnd && !perLine[line].contains(rule) { perLine[line].append(rule) }
            }
        }
        return (perLine, timedOut)
    }

    /// Indexes of the phrase and regex rules matching one line (for examples and tests).
    public func matches(normalized: [UInt8], original: Substring) -> [Int] {
        var hits = phraseMatches(normalized: normalized)
        for r in regexMatches(lines: [original]).perLine[0] where !hits.contains(r) { hits.append(r) }
        return hits
    }

    /// Rules with a given built-in detector name.
    public func detectors(named name: String) -> [Rule] {
        rules.filter { if case .detector(let n, _) = $0.matcher { return n == name } else { return false } }
    }

    /// Whether the text holds one of `literals` (or there are none to require).
    static func hasLiteral(_ literals: [String], in units: [UInt16]) -> Bool {
        literals.isEmpty || literals.contains { contains(units, Array($0.utf16)) }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt16], _ needle: [UInt16]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
