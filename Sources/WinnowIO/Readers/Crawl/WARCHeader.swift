/// The named fields of a WARC record header (or an HTTP head): names compared without case,
/// values as written (folded continuation lines joined by a space).
struct HeaderFields: Sendable {
    /// Fields in order, names lower-cased.
    private(set) var fields: [(name: String, value: String)] = []

    /// An empty set of fields.
    init() {}

    /// The first value of `name` (any case), or nil.
    subscript(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// Adds a field.
    mutating func append(name: String, value: String) { fields.append((name.lowercased(), value)) }

    /// Appends a folded continuation line to the last field's value.
    mutating func continueLast(_ more: String) {
        guard !fields.isEmpty else { return }
        fields[fields.count - 1].value += " " + more
    }

    /// Parses `Name: value` lines. Returns false on a line that is neither a field nor a folded
    /// continuation.
    mutating func parse(line: ArraySlice<UInt8>) -> Bool {
        if let first = line.first, first == 0x20 || first == 0x09 {
            guard !fields.isEmpty else { return false }
            continueLast(Self.trimmed(line))
            return true
        }
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return false }
        append(name: Self.trimmed(line[..<colon]), value: Self.trimmed(line[(colon + 1)...]))
        return true
    }

    /// The bytes as text without surrounding spaces and tabs (invalid UTF-8 replaced).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var s = bytes
        while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        return String(decoding: s, as: UTF8.self)
    }
}

/// A WARC record's header: version line and fields.
struct WARCHeader: Sendable {
    /// `WARC/1.0` or `WARC/1.1`.
    var version: String
    /// The named fields.
    var fields = HeaderFields()

    /// `WARC-Type`, lower-cased.
    var type: String? { fields["WARC-Type"]?.lowercased() }

    /// `WARC-Target-URI` without the angle brackets WARC 1.0 examples wrap it in.
    var targetURI: String? {
        guard var s = fields["WARC-Target-URI"], !s.isEmpty else { return nil }
        if s.hasPrefix("<") && s.hasSuffix(">") { s = String(s.dropFirst().dropLast()) }
        return s
    }

    /// `WARC-Record-ID` as an article id: `<urn:uuid:X>` gives `X`; other ids lose their angle brackets.
    var recordID: String? {
        guard var s = fields["WARC-Record-ID"], !s.isEmpty else { return nil }
        if s.hasPrefix("<") && s.hasSuffix(">") { s = String(s.dropFirst().dropLast()) }
        if s.lowercased().hasPrefix("urn:uuid:") { s = String(s.dropFirst(9)) }
        return s.isEmpty ? nil : s
    }
}
