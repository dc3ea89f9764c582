import CWinnowICU

/// Errors from the core library.
public enum WinnowCoreError: Error, CustomStringConvertible, Equatable {
    /// System ICU could not be set up (missing data, wrong library).
    case icuUnavailable(String)
    /// A rule is malformed; the message says which and why.
    case invalidRule(id: String, message: String)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// Looking up earlier runs failed (the archive's message says why).
    case archiveLookup(String)
    /// An article source did not give an article it holds (see `ArticleSource`).
    case articleMissing(position: Int)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .icuUnavailable(let m): return "ICU is not usable: \(m) (install libicu-dev / libicu72)"
        case .invalidRule(let id, let m): return "rule \(id): \(m)"
        case .invalidConfiguration(let m): return "invalid configuration: \(m)"
        case .archiveLookup(let m): return "archive lookup failed: \(m)"
        case .articleMissing(let i): return "article \(i) of the batch could not be fetched again"
        }
    }
}

/// ICU normalization for comparison: NFKC case folding (folding full-width forms and case) and
/// Traditional->Simplified Chinese. The result is for matching and fingerprints only; reports
/// always show and point at the original text.
public enum TextNormalizer {
    /// Loads ICU's normalizer and conversion table, or says why it cannot.
    public static func prepare() throws {
        var buffer = [CChar](repeating: 0, count: 256)
        let status = wn_icu_init(&buffer, Int32(buffer.count))
        if status != 0 {
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw WinnowCoreError.icuUnavailable(message)
        }
    }

    /// Normalizes UTF-8 bytes; returns the normalized UTF-8 bytes (the input unchanged if ICU fails).
    public static func normalize(utf8 input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = input.baseAddress, !input.isEmpty else { return [] }
        if input.count > Int(Int32.max / 4) { return Array(input) }
        var capacity = input.count + input.count / 4 + 16
        for _ in 0..<2 {
            var out = [UInt8](repeating: 0, count: capacity)
            let needed = out.withUnsafeMutableBufferPointer { dst in
                wn_normalize_utf8(base, Int32(input.count), dst.baseAddress, Int32(capacity))
            }
            if needed < 0 { return Array(input) }
            if Int(needed) <= capacity {
                out.removeLast(capacity - Int(needed))
                return out
            }
            capacity = Int(needed) + 16
        }
        return Array(input)
    }

    /// Normalizes a string.
    public static func normalize(_ text: String) -> String {
        var copy = text
        let bytes = copy.withUTF8 { normalize(utf8: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Traditional->Simplified for one scalar (identity for non-Han).
    public static func simplify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(wn_simplify_scalar(scalar.value)) ?? scalar
    }
}
