/// Aho–Corasick over UTF-8 bytes: finds every phrase of many in one pass over a line.
///
/// Phrases are matched on normalized text, so one entry covers Traditional/Simplified,
/// full-width/half-width and case variants.
public struct PhraseAutomaton: Sendable {
    private var next: [Int32]          // node * 256 + byte -> node (complete DFA)
    private var outputs: [[Int32]]     // node -> payloads ending here (after failure links)
    private var accepting: [Bool]      // node -> has payloads

    /// Builds the automaton; `phrases[i].payload` is reported when `phrases[i].bytes` occurs.
    public init(phrases: [(bytes: [UInt8], payload: Int32)]) {
        // Trie in one flat table (-1 = no edge), then failure links turn it into a complete DFA.
        var table = [Int32](repeating: -1, count: 256)
        var out: [[Int32]] = [[]]
        for (bytes, payload) in phrases where !bytes.isEmpty {
            var node = 0
            for b in bytes {
                let n = table[node * 256 + Int(b)]
                if n >= 0 { node = Int(n); continue }
                table.append(contentsOf: repeatElement(-1, count: 256))
                out.append([])
                let created = out.count - 1
                table[node * 256 + Int(b)] = Int32(created)
                node = created
            }
            out[node].append(payload)
        }
        var fail = [Int32](repeating: 0, count: out.count)
        var queue: [Int] = []
        for b in 0..<256 {
            let n = table[b]
            if n >= 0 { queue.append(Int(n)) } else { table[b] = 0 }
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let f = Int(fail[node])
            if !out[f].isEmpty { out[node] += out[f] }
            for b in 0..<256 {
                let n = table[node * 256 + b]
                if n >= 0 {
                    fail[Int(n)] = table[f * 256 + b]
                    queue.append(Int(n))
                } else {
                    table[node * 256 + b] = table[f * 256 + b]
                }
            }
        }
        next = table
        outputs = out
        accepting = out.map { !$0.isEmpty }
    }

    /// Whether the automaton has any phrase.
    public var isEmpty: Bool { outputs.count <= 1 }

    /// Calls `found` with the payload of every phrase occurring in `text` (repeats possible).
    public func scan(_ text: ArraySlice<UInt8>, found: (Int32) -> Void) {
        var hits: [Int] = []
        collect(text, into: &hits)
        for h in hits { found(Int32(h)) }
    }

    /// Adds the payload of every phrase occurring in `text` to `hits`, each once.
    public func collect(_ text: ArraySlice<UInt8>, into hits: inout [Int]) {
        guard !isEmpty else { return }
        var node = 0
        next.withUnsafeBufferPointer { table in
            accepting.withUnsafeBufferPointer { accept in
                text.withUnsafeBufferPointer { bytes in
                    for b in bytes {
                        node = Int(table[node &* 256 &+ Int(b)])
                        if accept[node] {
                            for p in outputs[node] where !hits.contains(Int(p)) { hits.append(Int(p)) }
                        }
                    }
                }
            }
        }
    }
}
