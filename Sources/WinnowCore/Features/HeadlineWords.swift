/// The words of a headline written in letters, which of them the page's text says, and a small
/// filter of the text's words: what tells apart two short notices on one template whose
/// headlines name other companies ("NORLAND CORP CUTS CRUDE OIL POSTINGS" / "MARSTON CORP CUTS
/// …"). Three-word headline shingles (`Fingerprint.subjectMask`) never stand in a text that says
/// "Norland Corp said"; Chinese headlines are shingled by characters and need none of this.
public struct HeadlineWords: Sendable, Equatable {
    /// Sorted, distinct hashes of the headline's words (`forEachWord`); empty without one.
    public var words: [UInt64] = []
    /// Bit i set when the page's text, outside its headline, says `words[i]` (the first 64).
    public var said: UInt64 = 0
    /// A filter of the text's words, `filterWords` 64-bit words, two bits a word: it may hold a
    /// word the text does not say, never miss one it says. Empty when the text says none.
    public var filter: [UInt64] = []

    /// Letters a word needs to count: shorter ones are articles and prepositions.
    public static let minLetters = 3
    /// Size of `filter` in 64-bit words (256 bits: a short notice's few dozen words fill a
    /// fifth of it; a long story's fill most, so it reads as saying almost every word).
    public static let filterWords = 4

    /// None: no headline, or a record or archive written before headline words were kept.
    public init() {}

    /// The headline's words, and which of them `text` (the page's lines, but the one at index
    /// `skipped`: its headline) says.
    public init(headline: ArraySlice<UInt8>, text: [ArraySlice<UInt8>], skipping skipped: Int? = nil) {
        var heads: [UInt64] = []
        Self.forEachWord(in: headline) { heads.append($0) }
        // A headline without words in letters (a Chinese one) names nothing here: no text pass.
        guard !heads.isEmpty else { return }
        heads.sort()
        heads.dedupe()
        words = heads
        var said: UInt64 = 0, saysAny = false
        var filter = [UInt64](repeating: 0, count: Self.filterWords)
        for (c, chunk) in text.enumerated() where c != skipped {
            Self.forEachWord(in: chunk) { w in
                saysAny = true
                let (a, b) = Self.bits(w)
                filter[a >> 6] |= 1 << UInt64(a & 63)
                filter[b >> 6] |= 1 << UInt64(b & 63)
                let i = SketchOverlap.lowerBound(heads, w)
                if i < min(heads.count, 64) && heads[i] == w { said |= 1 << UInt64(i) }
            }
        }
        guard saysAny else { return }
        self.said = said
        self.filter = filter
    }

    /// Whether the text may say `word`: true when no filter was kept (nothing is known).
    public func mayContain(_ word: UInt64) -> Bool {
        guard filter.count == Self.filterWords else { return true }
        let (a, b) = Self.bits(word)
        return filter[a >> 6] >> UInt64(a & 63) & 1 == 1 && filter[b >> 6] >> UInt64(b & 63) & 1 == 1
    }

    /// Whether this headline holds a word `other`'s lacks that this text says and `other`'s text
    /// does not: a name of its own. A repost under another headline says the same words as its
    /// original, so neither has one.
    public func namesOwnSubject(against other: HeadlineWords) -> Bool {
        guard !other.words.isEmpty, other.filter.count == Self.filterWords else { return false }
        return words.prefix(64).enumerated().contains { i, w in
            said >> UInt64(i) & 1 == 1 && !SketchOverlap.contains(other.words, w) && !other.mayContain(w)
        }
    }

    /// One array for records and archives: `said`, then the filter (or nothing), then `words`.
    public var packed: [UInt64] {
        words.isEmpty ? [] : [said, UInt64(filter.count)] + filter + words
    }

    /// Reads `packed`; anything malformed reads as none.
    public init(packed: [UInt64]) {
        guard packed.count >= 2, let n = Int(exactly: packed[1]), n == 0 || n == Self.filterWords, packed.count >= 2 + n else { return }
        said = packed[0]
        filter = Array(packed[2..<(2 + n)])
        words = Array(packed[(2 + n)...])
    }

    /// Calls `body` with the stable hash of each word of normalized UTF-8 `text`: a run of
    /// letters (ASCII, or two-byte UTF-8: Latin, Greek, Cyrillic) of `minLetters` or more.
    /// Digits, punctuation and three-byte characters (CJK) end a word.
    static func forEachWord(in text: ArraySlice<UInt8>, _ body: (UInt64) -> Void) {
        text.withUnsafeBufferPointer { p in
            var start = -1, letters = 0, i = 0
            func flush(_ end: Int) {
                if start >= 0 && letters >= minLetters {
                    body(StableHash.fnv1a(UnsafeBufferPointer(rebasing: p[start..<end]), seed: wordSeed))
                }
                start = -1
                letters = 0
            }
            while i < p.count {
                let b = p[i]
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    if start < 0 { start = i }
                    letters += 1
                    i += 1
                } else if b >= 0xC2 && b <= 0xDF && i + 1 < p.count && p[i + 1] & 0xC0 == 0x80 {
                    if start < 0 { start = i }
                    letters += 1
                    i += 2
                } else {
                    flush(i)
                    i += 1
                }
            }
            flush(p.count)
        }
    }

    /// Seed of word hashes, apart from other hashed features'.
    static let wordSeed: UInt64 = 0x5745_4F52_4453_4844

    /// The filter's two bits for a word.
    @inline(__always) static func bits(_ w: UInt64) -> (Int, Int) {
        (Int(w & 255), Int((w >> 8) & 255))
    }
}
