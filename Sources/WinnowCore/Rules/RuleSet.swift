#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled set of rules: all phrase rules share one automaton so every line is scanned once.
public struct RuleSet: Sendable {
    /// The rules, in load order.
    public let rules: [Rule]
    /// How detector rules tune the built-in detectors.
    public let detectors: DetectorSettings
    /// Phrases of rules limited to short lines (up to `shortLimit`), and of all other rules.
    private let shortAutomaton: PhraseAutomaton
    private let automaton: PhraseAutomaton
    private let shortLimit: Int
    private let compiled: [(rule: Int, regex: ICURegex)]
    /// Each regex rule's `requires` literals as UTF-8, prepared once.
    private let literals: [[[UInt8]]]

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
            case .detector(let name, let params):
                guard BuiltInDetector(rawValue: name) != nil else {
                    let known = BuiltInDetector.allCases.map(\.rawValue).joined(separator: ", ")
                    throw WinnowCoreError.invalidRule(id: rule.id, message: "unknown detector `\(name)` (known: \(known)) (\(rule.definedAt))")
                }
                for (k, v) in params where k != "enabled" && Double(v) == nil {
                    throw WinnowCoreError.invalidRule(id: rule.id, message: "detector parameter `\(k)` must be a number (\(rule.definedAt))")
                }
            default: break
            }
        }
        self.init(validated: rules)
    }

    private init(validated rules: [Rule]) {
        self.rules = rules
        var phrases: [(bytes: [UInt8], payload: Int32)] = []
        var shortPhrases: [(bytes: [UInt8], payload: Int32)] = []
        var shortLimit = 0
        var compiled: [(Int, ICURegex)] = []
        var detectors = DetectorSettings()
        for (i, rule) in rules.enumerated() {
            switch rule.matcher {
            case .phrases(let list):
                for p in list {
                    let n = Array(TextNormalizer.normalize(p).utf8)
                    guard !n.isEmpty else { continue }
                    if let max = rule.scope.maxLineSize {
                        shortPhrases.append((n, Int32(i)))
                        shortLimit = Swift.max(shortLimit, max)
                    } else {
                        phrases.append((n, Int32(i)))
                    }
                }
            case .regex(let pattern):
                if let r = ICURegex.cached(pattern) { compiled.append((i, r)) }
            case .detector(let name, let params):
                guard let d = BuiltInDetector(rawValue: name) else { break }
                if params["enabled"].map({ $0 == "false" || $0 == "no" || $0 == "0" }) ?? false { detectors.disabled.insert(d) }
                detectors.overrides[d] = rule
                detectors.params[d, default: [:]].merge(params) { $1 }
            }
        }
        automaton = PhraseAutomaton(phrases: phrases)
        shortAutomaton = PhraseAutomaton(phrases: shortPhrases)
        self.shortLimit = shortLimit
        self.compiled = compiled
        self.literals = rules.map { $0.requires.map { Array($0.utf8) } }
        self.detectors = detectors
    }

    /// Indexes of the phrase rules matching a normalized line. With the line's `size`, phrases of
    /// rules limited to shorter lines are not searched at all.
    public func phraseMatches(normalized: ArraySlice<UInt8>, size: Int? = nil) -> [Int] {
        var hits: [Int] = []
        automaton.collect(normalized, into: &hits)
        if size.map({ $0 <= shortLimit }) ?? true { shortAutomaton.collect(normalized, into: &hits) }
        return hits
    }

    /// Whether any rule is a regex.
    public var hasRegexes: Bool { !compiled.isEmpty }

    /// Regex rules matching each line of a document, found with one search per rule over the
    /// whole UTF-8 text (`^` and `$` match at line ends; a match spanning lines counts for none).
    /// With `sizes` (each line's `LineShape.size`), a rule limited to short lines searches only
    /// those lines, one by one. Also returns the rules whose step budget ran out on this text
    /// (such a rule searches no further in it: at most one budget per rule and document).
    public func regexMatches(text: String, lines: [Substring], sizes: [Int]? = nil) -> (perLine: [[Int]], timedOut: [Int]) {
        var perLine = [[Int]](repeating: [], count: lines.count)
        guard !compiled.isEmpty else { return (perLine, []) }
        var timedOut: [Int] = []
        var wholeText: [(Int, ICURegex)] = []
        for (rule, regex) in compiled {
            guard let max = rules[rule].scope.maxLineSize, let sizes, sizes.count == lines.count else {
                wholeText.append((rule, regex)); continue
            }
            for i in lines.indices where sizes[i] <= max && sizes[i] > 0 {
                var line = lines[i]
                let (hit, stopped) = line.withUTF8 { bytes -> (Bool, Bool) in
                    guard Self.hasLiteral(literals[rule], in: bytes) else { return (false, false) }
                    let (found, stopped) = regex.matchingLines(utf8: bytes, limit: 1)
                    return (!found.isEmpty, stopped)
                }
                if hit { perLine[i].append(rule) }
                // One stopped search is enough: the rule is reported for this document, and running
                // every other line of a hostile page to the budget would multiply it by the lines.
                if stopped { timedOut.append(rule); break }
            }
        }
        guard !wholeText.isEmpty else { return (perLine, timedOut) }
        var copy = text
        copy.withUTF8 { bytes in
            var digitRun: Int?
            for (rule, regex) in wholeText {
                guard Self.hasLiteral(literals[rule], in: bytes) else { continue }
                if let need = rules[rule].requiresDigits {
                    if digitRun == nil { digitRun = Self.longestDigitRun(bytes) }
                    if let run = digitRun, run < need { continue }
                }
                let (found, stopped) = regex.matchingLines(utf8: bytes)
                if stopped { timedOut.append(rule) }
                for line in found where line < perLine.count && !perLine[line].contains(rule) { perLine[line].append(rule) }
            }
        }
        return (perLine, timedOut)
    }

    /// Indexes of the phrase and regex rules matching one line (for examples and tests).
    public func matches(normalized: [UInt8], original: Substring) -> [Int] {
        var hits = phraseMatches(normalized: normalized[...])
        for r in regexMatches(text: String(original), lines: [original]).perLine[0] where !hits.contains(r) { hits.append(r) }
        return hits
    }

    /// The longest run of ASCII digits, single spaces or hyphens allowed between digits. Words of
    /// eight bytes without any digit are skipped at once.
    static func longestDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var best = 0, run = 0, gap = false
        var i = 0
        let n = bytes.count
        while i < n {
            if run == 0 && i + 8 <= n {
                // No byte in 0x30...0x39 in this word: skip it (bytes >= 0x80 have the high bit set).
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let hi = w | highs, lower = hi &- ones &* 0x30, upper = hi &- ones &* 0x3A
                if (lower & ~upper & highs & ~w) == 0 { i += 8; continue }
            }
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                run += 1
                gap = false
                best = max(best, run)
            } else if (b == 0x20 || b == 0x2D) && run > 0 && !gap {
                gap = true
            } else {
                run = 0
                gap = false
            }
            i += 1
        }
        return best
    }

    /// Whether the text holds one of `literals` (or there are none to require).
    static func hasLiteral(_ literals: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        literals.isEmpty || literals.contains { contains(bytes, $0) }
    }

    /// Whether `needle` occurs in `haystack` (memchr finds candidate first bytes).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            offset = i + 1
        }
        return false
    }
}
