extension FigureLines {
    /// Seed of the keys of the fields a line opens with (`fields`).
    static let fieldSeed = StableHash.fnv1a("figure-lines-fields:")

    /// Bytes of a field's label at most: a label is a word or two ("联系人", "contact").
    static let fieldLabelBytes = 24

    /// Bytes of a field's value at most: a name, not a sentence.
    static let fieldValueBytes = 48

    /// Entries for the fields that the words before a line's first figure (`head`) hold, each a
    /// label and a colon, and a value stating no figure, up to a comma or semicolon or the figure
    /// ("联系人：李承泽，联系电话：" of "联系人：李承泽，联系电话：13345331399"). Each is keyed by its label and the line's
    /// figures (`figures`, a hash), with its value's words below, as a line's words are: a copy
    /// names the same contact beside the same number, a notice on one template that names another
    /// says other words under the same key (`fieldReplaced`, whatever the layout; `wordsReplaced`
    /// reads them too, among a report's lines).
    static func fields(in head: ArraySlice<UInt8>, figures: UInt64) -> [UInt64] {
        var out: [UInt64] = []
        var start = head.startIndex
        for i in head.indices where head[i] == 0x2C || head[i] == 0x3B {
            if let entry = field(head[start..<i], figures: figures) { out.append(entry) }
            start = i + 1
        }
        if let entry = field(head[start...], figures: figures) { out.append(entry) }
        return out
    }

    /// The entry of one clause that reads "label: value", or nil.
    private static func field(_ clause: ArraySlice<UInt8>, figures: UInt64) -> UInt64? {
        guard let colon = clause.firstIndex(of: 0x3A) else { return nil }
        let label = trimmed(clause[..<colon]), value = trimmed(clause[(colon + 1)...])
        guard !label.isEmpty, label.count <= fieldLabelBytes, !value.isEmpty, value.count <= fieldValueBytes,
              !value.contains(where: Figures.isDigit) else { return nil }
        let key = StableHash.combine(StableHash.combine(fieldSeed, words(of: label)), figures) >> 32
        return key << 32 | max(1, words(of: value) & 0xFFFF) << 16 | fieldMark << 8
    }

    /// What stands where a line's entry keeps the name before its figures: a field's entry.
    static let fieldMark: UInt64 = 0x2D

    /// Whether an entry is a field's (`fields`): words, the field mark, no name after.
    @inline(__always) static func isField(_ x: UInt64) -> Bool { (x >> 16) & 0xFFFF != 0 && x & 0xFFFF == fieldMark << 8 }

    /// Whether a field of `a` says another value under the same label beside the same figures in
    /// `b` ("联系人：李承泽" / "联系人：吴昊" before one number), however either text is laid out:
    /// a notice naming another contact.
    public static func fieldReplaced(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        replaced(a, b, entries: isField)
    }
}
