import Synchronization

/// An analysis's findings as a batch holds them until it is reported: each distinct kind of
/// finding (rule, category, severity, action, message, outside-region flag) once, and per
/// finding one 64-bit word — its kind and its lines. A finding is 64 bytes, a word 8, and a page
/// repeats a few kinds many times (a related-articles list, line by line). Read back, they are
/// exactly the findings given, in order; findings that do not fit a word are kept as they are.
struct CompactFindings: Sendable {
    private enum Storage: Sendable {
        /// Distinct kinds (as findings with lines 0), and per finding: kind << 48 | start << 24 | span.
        case packed(kinds: [Finding], words: [UInt64])
        /// The findings themselves.
        case plain([Finding])
    }

    private let storage: Storage
    private static let lineLimit = 1 << 24

    /// Packs `findings`.
    init(_ findings: [Finding]) {
        guard !findings.isEmpty else { storage = .packed(kinds: [], words: []); return }
        var kinds: [Finding] = []
        // Kinds are looked up in the list while it is short, by hash past that (a page whose
        // findings all differ would otherwise take quadratic time).
        var kindIndex: [Finding: Int] = [:]
        var words: [UInt64] = []
        words.reserveCapacity(findings.count)
        for f in findings {
            let span = f.lineEnd - f.lineStart
            guard (0..<Self.lineLimit).contains(f.lineStart), (0..<Self.lineLimit).contains(span) else {
                storage = .plain(findings)
                return
            }
            var kind = f
            kind.lineStart = 0
            kind.lineEnd = 0
            let k: Int
            if let known = kinds.count <= 16 ? kinds.firstIndex(of: kind) : kindIndex[kind] { k = known } else {
                guard kinds.count < 1 << 16 else { storage = .plain(findings); return }
                k = kinds.count
                kinds.append(kind)
                if kinds.count == 17 {
                    for (i, known) in kinds.enumerated() { kindIndex[known] = i }
                } else if kinds.count > 17 {
                    kindIndex[kind] = k
                }
            }
            words.append(UInt64(k) << 48 | UInt64(f.lineStart) << 24 | UInt64(span))
        }
        storage = .packed(kinds: Self.shared(kinds), words: words)
    }

    /// Lists of kinds met before, so that the pages of a site, which mostly find the same kinds
    /// in the same order, share one list. Bounded: past `sharedLimit` lists, new ones are kept
    /// as they are.
    private static let known = Mutex(Set<[Finding]>())
    private static let sharedLimit = 4096

    /// `kinds`, or an equal list met before (the same values, held once).
    private static func shared(_ kinds: [Finding]) -> [Finding] {
        known.withLock { known in
            if let earlier = known.firstIndex(of: kinds) { return known[earlier] }
            if known.count < sharedLimit { known.insert(kinds) }
            return kinds
        }
    }

    /// How many findings there are.
    var count: Int {
        switch storage {
        case .packed(_, let words): return words.count
        case .plain(let findings): return findings.count
        }
    }

    /// The findings, in the order given.
    var findings: [Finding] {
        switch storage {
        case .plain(let findings): return findings
        case .packed(let kinds, let words):
            return words.map { w in
                var f = kinds[Int(w >> 48)]
                f.lineStart = Int((w >> 24) & 0xFF_FFFF)
                f.lineEnd = f.lineStart + Int(w & 0xFF_FFFF)
                return f
            }
        }
    }
}

/// Line numbers as a batch holds them until it is reported: sorted, 32 bits each (a `Set<Int>`
/// of a dozen lines takes several times that). Read back, exactly the set given.
struct CompactLineSet: Sendable {
    private enum Storage: Sendable {
        case sorted([UInt32])
        case plain(Set<Int>)
    }

    private let storage: Storage

    /// Packs `lines`.
    init(_ lines: Set<Int>) {
        guard lines.allSatisfy({ (0...Int(UInt32.max)).contains($0) }) else { storage = .plain(lines); return }
        storage = .sorted(lines.map { UInt32($0) }.sorted())
    }

    /// How many lines there are.
    var count: Int {
        switch storage {
        case .sorted(let lines): return lines.count
        case .plain(let lines): return lines.count
        }
    }

    /// The lines.
    var lines: Set<Int> {
        switch storage {
        case .sorted(let lines): return Set(lines.lazy.map { Int($0) })
        case .plain(let lines): return lines
        }
    }
}
