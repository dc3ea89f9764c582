/// A part of a fingerprint's sketch (its lead, its head): sorted, distinct values that are
/// nearly always drawn from the sketch, so kept as a bitmap over the sketch's positions — a bit
/// per sketch value instead of 64 per part value. Values that are not such a subset (a part set
/// by hand, an archive written otherwise) are kept as they are. Either way the values given are
/// exactly the values read back.
struct SketchPart: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        /// Bit `i` set: `sketch[i]` is in the part.
        case positions([UInt64])
        /// The values themselves.
        case values([UInt64])
    }

    private var storage: Storage

    /// No values.
    static let empty = SketchPart(storage: .positions([]))

    private init(storage: Storage) { self.storage = storage }

    /// `part` as positions in `sketch` when it is strictly increasing and drawn from it, else as values.
    init(_ part: [UInt64], of sketch: [UInt64]) {
        guard !part.isEmpty else { self.storage = .positions([]); return }
        var bits = [UInt64](repeating: 0, count: (sketch.count + 63) / 64)
        var j = 0, previous: UInt64?
        for v in part {
            if let p = previous, v <= p { self.storage = .values(part); return }
            previous = v
            while j < sketch.count && sketch[j] < v { j += 1 }
            guard j < sketch.count, sketch[j] == v else { self.storage = .values(part); return }
            bits[j >> 6] |= 1 << UInt64(j & 63)
            j += 1
        }
        self.storage = .positions(bits)
    }

    /// The values, given the sketch the part was made against.
    func values(in sketch: [UInt64]) -> [UInt64] {
        switch storage {
        case .values(let v): return v
        case .positions(let bits):
            var out: [UInt64] = []
            out.reserveCapacity(bits.reduce(0) { $0 + $1.nonzeroBitCount })
            for (w, word) in bits.enumerated() {
                var rest = word
                while rest != 0 {
                    let i = w << 6 | rest.trailingZeroBitCount
                    if i < sketch.count { out.append(sketch[i]) }
                    rest &= rest - 1
                }
            }
            return out
        }
    }
}
