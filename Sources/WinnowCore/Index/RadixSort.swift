/// Sorting (key, payload) pairs by a 64-bit key with an LSD radix sort: four passes of 16 bits,
/// linear in the number of pairs. Used for the containment index's postings, where a comparison
/// sort of millions of pairs was the largest serial cost of candidate search.
enum RadixSort {
    /// Sorts `keys` ascending, carrying `payloads` along (stable).
    static func sort(keys: inout [UInt64], payloads: inout [Int32]) {
        let n = keys.count
        guard n > 1 else { return }
        var keys2 = [UInt64](repeating: 0, count: n)
        var payloads2 = [Int32](repeating: 0, count: n)
        // 16-bit digits for large inputs, bytes for small ones (where clearing 64K counters dominates).
        let bits = n >= 1 << 17 ? 16 : 8
        let radix = 1 << bits
        let mask = UInt64(radix - 1)
        var counts = [Int](repeating: 0, count: radix)
        for pass in 0..<(64 / bits) {
            let shift = UInt64(pass * bits)
            // Skip a pass where every key has the same digit.
            let firstDigit = Int((keys[0] >> shift) & mask)
            if keys.allSatisfy({ Int(($0 >> shift) & mask) == firstDigit }) { continue }
            for i in 0..<radix { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & mask)] += 1 }
            var total = 0
            for i in 0..<radix {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            keys.withUnsafeBufferPointer { src in
                payloads.withUnsafeBufferPointer { srcP in
                    keys2.withUnsafeMutableBufferPointer { dst in
                        payloads2.withUnsafeMutableBufferPointer { dstP in
                            counts.withUnsafeMutableBufferPointer { pos in
                                for i in 0..<n {
                                    let d = Int((src[i] >> shift) & mask)
                                    let p = pos[d]
                                    dst[p] = src[i]
                                    dstP[p] = srcP[i]
                                    pos[d] = p + 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keys2)
            swap(&payloads, &payloads2)
        }
    }
}

extension RadixSort {
    /// Sorts 64-bit keys ascending: insertion sort when short, the standard sort up to a few
    /// thousand, else LSD radix on bytes (skipping bytes on which all keys agree).
    static func sort(_ keys: inout [UInt64]) {
        let n = keys.count
        if n < 48 {
            keys.withUnsafeMutableBufferPointer { a in
                for i in 1..<max(1, n) {
                    let x = a[i]
                    var j = i - 1
                    while j >= 0 && a[j] > x { a[j + 1] = a[j]; j -= 1 }
                    a[j + 1] = x
                }
            }
            return
        }
        var other = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256)
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            let digit0 = (keys[0] >> shift) & 0xFF
            if keys.allSatisfy({ ($0 >> shift) & 0xFF == digit0 }) { continue }
            for i in 0..<256 { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & 0xFF)] += 1 }
            var total = 0
            for i in 0..<256 { let c = counts[i]; counts[i] = total; total += c }
            keys.withUnsafeBufferPointer { src in
                other.withUnsafeMutableBufferPointer { dst in
                    counts.withUnsafeMutableBufferPointer { pos in
                        for k in src {
                            let d = Int((k >> shift) & 0xFF)
                            dst[pos[d]] = k
                            pos[d] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
    }
}

extension RadixSort {
    /// Sorts hash values (spread evenly over their range) in linear time: one counting pass
    /// buckets them by their top bits, then an insertion pass fixes the order inside each bucket,
    /// which holds about one value. Per-document sketches are sorted this way.
    static func sortUniform(_ keys: inout [UInt64]) {
        let n = keys.count
        guard n >= 48 else { return sort(&keys) }
        var bits = 1
        while (1 << bits) < n { bits += 1 }
        // Sketch values have their top bit clear: use the bits below it when all do.
        let topClear = keys.allSatisfy { $0 >> 63 == 0 }
        let shift = UInt64(64 - bits - (topClear ? 1 : 0))
        let buckets = 1 << bits
        var starts = [Int32](repeating: 0, count: buckets + 1)
        var out = [UInt64](repeating: 0, count: n)
        keys.withUnsafeBufferPointer { src in
            starts.withUnsafeMutableBufferPointer { pos in
                for k in src { pos[Int(k >> shift) + 1] += 1 }
                for i in 0..<buckets { pos[i + 1] += pos[i] }
                out.withUnsafeMutableBufferPointer { dst in
                    for k in src {
                        let b = Int(k >> shift)
                        dst[Int(pos[b])] = k
                        pos[b] += 1
                    }
                    // Nearly sorted now: insertion sort moves each value only within its bucket.
                    for i in 1..<n {
                        let x = dst[i]
                        var j = i - 1
                        while j >= 0 && dst[j] > x { dst[j + 1] = dst[j]; j -= 1 }
                        dst[j + 1] = x
                    }
                }
            }
        }
        keys = out
    }
}
