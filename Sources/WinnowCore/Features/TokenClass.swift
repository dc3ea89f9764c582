/// How the shingler treats a Unicode scalar (after normalization).
@usableFromInline
enum TokenClass {
    /// Part of a word (letters and digits of space-separated scripts).
    case word
    /// A token by itself (Han, kana, Hangul syllables: scripts written without spaces).
    case ideograph
    /// Separates tokens and is not itself a feature (spaces, punctuation, symbols, emoji).
    case separator

    /// Classifies a non-ASCII scalar value by block; cheap range checks, no Unicode property lookups.
    @inlinable
    static func of(scalar c: UInt32) -> TokenClass {
        if c >= 0x4E00 && c <= 0x9FFF { return .ideograph }  // the common case first
        switch c {
        case 0x80...0xBF, 0xD7, 0xF7: return .separator
        case 0xC0...0x2AF, 0x300...0x36F, 0x370...0x1FFF: return .word
        case 0x2000...0x2E7F: return .separator
        case 0x2E80...0x2FDF: return .ideograph
        case 0x2FE0...0x303F: return .separator
        case 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: return .ideograph
        case 0xA000...0xABFF: return .word
        case 0xAC00...0xD7AF: return .ideograph
        case 0xD7B0...0xF8FF: return .separator
        case 0xF900...0xFAFF: return .ideograph
        case 0xFB00...0xFDFF: return .word
        case 0xFE00...0xFFFF: return .separator
        case 0x1F000...0x1FBFF: return .separator
        case 0x20000...0x3FFFF: return .ideograph
        default: return .word
        }
    }
}
