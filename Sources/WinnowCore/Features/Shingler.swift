/// Receives the features of a text, one 64-bit hash at a time.
public protocol FeatureSink {
    /// Called once per shingle occurrence.
    mutating func add(feature: UInt64)
}

/// Turns normalized UTF-8 into overlapping token 3-grams ("shingles"), hashed stably.
///
/// Tokens are words in space-separated scripts and single characters in Han, kana and Hangul, so
/// one rule serves Chinese and English alike. Punctuation and spacing separate tokens but are not
/// tokens, which makes the features blind to full-width/ASCII punctuation and paragraph merges.
/// Decodes UTF-8 by hand with an ASCII fast path; no `unicodeScalars` walk, no property lookups.
public struct Shingler: Sendable {
    /// Tokens per shingle.
    public let width: Int
    @usableFromInline var window: (UInt64, UInt64) = (0, 0)
    @usableFromInline var seen: Int = 0
    @usableFromInline var wordHash: UInt64 = StableHash.fnvOffset
    @usableFromInline var inWord = false
    /// Whether the current word is a number (a letter-digit change starts a new token, so
    /// "february1400", from two lines run together, reads as "february" "1400").
    @usableFromInline var wordIsNumber = false
    /// Tokens seen so far.
    public var tokenCount: Int = 0
    /// Of those, single characters of scripts written without spaces (Han, kana, Hangul).
    public var ideographCount: Int = 0
    /// A hash of the token sequence: equal for texts that differ only in spacing and punctuation.
    public var sequenceHash: UInt64 = 0x5157_4e4e_4f57_0001

    /// A shingler for `width`-token shingles (1...3).
    public init(width: Int = 3) {
        precondition((1...3).contains(width), "shingle width must be 1, 2 or 3")
        self.width = width
    }

    /// Feeds a chunk of normalized UTF-8. Chunks continue each other; call `separate` between
    /// chunks that must not run together, and `finish` at the end.
    @inlinable
    public mutating func feed<S: FeatureSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout S) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                // ASCII: letters and digits build words; everything else separates.
                let isDigit = b &- 0x30 < 10
                let isAlnum = (b &- 0x61 < 26) || isDigit || (b &- 0x41 < 26)
                if isAlnum {
                    if inWord && isDigit != wordIsNumber { endWord(into: &sink) }
                    wordHash = (wordHash ^ UInt64(b)) &* StableHash.fnvPrime
                    inWord = true
                    wordIsNumber = isDigit
                } else if inWord {
                    endWord(into: &sink)
                }
                continue
            }
            // Multi-byte sequence: decode the scalar (invalid bytes become separators).
            var scalar: UInt32
            var len: Int
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
            else { i += 1; if inWord { endWord(into: &sink) }; continue }
            if i + len > n { i = n; break }
            for k in 1..<len { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
            let start = i
            i += len
            switch TokenClass.of(scalar: scalar) {
            case .word:
                if inWord && wordIsNumber { endWord(into: &sink) }
                for k in start..<i { wordHash = (wordHash ^ UInt64(bytes[k])) &* StableHash.fnvPrime }
                inWord = true
                wordIsNumber = false
            case .ideograph:
                if inWord { endWord(into: &sink) }
                ideographCount += 1
                push(StableHash.mix(UInt64(scalar) | 0x4944_0000_0000_0000), into: &sink)
            case .separator:
                if inWord { endWord(into: &sink) }
            }
        }
    }

    /// Ends the current word, so the next chunk starts a new token.
    @inlinable
    public mutating func separate<S: FeatureSink>(into sink: inout S) {
        if inWord { endWord(into: &sink) }
    }

    /// Flushes the last word; texts shorter than one shingle still give one feature.
    @inlinable
    public mutating func finish<S: FeatureSink>(into sink: inout S) {
        if inWord { endWord(into: &sink) }
        if seen > 0 && seen < width {
            let short = seen == 1 ? window.1 : StableHash.combine(window.0, window.1)
            sink.add(feature: StableHash.mix(short ^ 0x5348_4f52_5400_0000))
        }
    }

    @inlinable
    mutating func endWord<S: FeatureSink>(into sink: inout S) {
        let token = StableHash.mix(wordHash)
        wordHash = StableHash.fnvOffset
        inWord = false
        push(token, into: &sink)
    }

    @inlinable
    mutating func push<S: FeatureSink>(_ token: UInt64, into sink: inout S) {
        tokenCount += 1
        sequenceHash = (sequenceHash ^ token) &* 0x9E37_79B9_7F4A_7C15
        seen += 1
        switch width {
        case 1:
            sink.add(feature: token)
        case 2:
            if seen >= 2 { sink.add(feature: StableHash.mix(((window.1 << 21) | (window.1 >> 43)) ^ token)) }
        default:
            if seen >= 3 {
                let a = (window.0 << 42) | (window.0 >> 22)
                let b = (window.1 << 21) | (window.1 >> 43)
                sink.add(feature: StableHash.mix(a ^ b ^ token))
            }
        }
        window = (window.1, token)
    }
}
