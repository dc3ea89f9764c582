import CWinnowICU

/// Turns page bytes in whatever charset into UTF-8, keeping every page: bytes that are invalid
/// in the chosen charset become U+FFFD and are counted.
///
/// The charset is chosen in this order: a byte order mark (it wins, as in the WHATWG Encoding
/// Standard); the HTTP `Content-Type` charset; for HTML, a `<meta>` declaration in the first 4 KB;
/// UTF-8 when the bytes are valid UTF-8; otherwise ICU's detector (windows-1252 when it has no
/// idea). Valid UTF-8 costs one validation pass and no copy of the converted text.
enum CharsetDecoder {
    /// The decoded text and how it was read.
    struct Decoded: Sendable {
        /// The text as UTF-8 (no byte order mark).
        var utf8: [UInt8]
        /// Sequences replaced with U+FFFD.
        var replaced: Int
        /// The WHATWG encoding name (or ICU name) that was used.
        var charset: String
        /// Where the choice came from: `bom`, `http`, `meta`, `utf-8`, `detected`, `default`.
        var source: String
    }

    /// How much of an undeclared page ICU's detector looks at.
    static let detectWindow = 64 << 10

    /// Decodes `bytes`. `declared` is the HTTP (or WARC) `Content-Type` value, if any.
    /// `assumeUTF8` skips detection for formats that are UTF-8 by definition (WET, JSONL, text files).
    static func decode(_ bytes: [UInt8], declared: String?, isHTML: Bool, assumeUTF8: Bool = false) -> Decoded {
        if let (encoding, bomLength) = bom(bytes) {
            return convert(Array(bytes[bomLength...]), encoding: encoding, source: "bom")
                ?? utf8(Array(bytes[bomLength...]), source: "bom")
        }
        if let label = declared.flatMap(CharsetLabels.charsetParameter(ofContentType:)),
           let encoding = CharsetLabels.encoding(forLabel: label), let d = convert(bytes, encoding: encoding, source: "http") {
            return d
        }
        if isHTML, let label = bytes.withUnsafeBufferPointer(MetaCharsetPrescan.label(in:)),
           var encoding = CharsetLabels.encoding(forLabel: label) {
            // A page that reached us as bytes cannot be UTF-16 if its meta tag was readable as ASCII.
            if encoding.hasPrefix("utf-16") { encoding = "utf-8" }
            if let d = convert(bytes, encoding: encoding, source: "meta") { return d }
        }
        let valid = bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
        if valid { return Decoded(utf8: bytes, replaced: 0, charset: "utf-8", source: "utf-8") }
        if assumeUTF8 { return utf8(bytes, source: "utf-8", known: false) }
        if let encoding = detect(bytes, isHTML: isHTML), let d = convert(bytes, encoding: encoding, source: "detected") {
            return d
        }
        return convert(bytes, encoding: "windows-1252", source: "default") ?? utf8(bytes, source: "default")
    }

    /// UTF-8 with invalid sequences replaced (`known: false` when the bytes are known to be invalid).
    static func utf8(_ bytes: [UInt8], source: String, known: Bool = true) -> Decoded {
        let (fixed, replaced) = known ? UTF8Repair.repair(bytes) : bytes.withUnsafeBufferPointer { UTF8Repair.repair($0) }
        return Decoded(utf8: fixed, replaced: replaced, charset: "utf-8", source: source)
    }

    /// Converts with ICU, or nil when ICU has no converter for the encoding.
    static func convert(_ bytes: [UInt8], encoding: String, source: String) -> Decoded? {
        if encoding == "utf-8" { return utf8(bytes, source: source) }
        if CharsetLabels.isASCIICompatible(encoding) && isASCII(bytes) {
            return Decoded(utf8: bytes, replaced: 0, charset: encoding, source: source)
        }
        var out: UnsafeMutablePointer<UInt8>?
        var length: Int64 = 0, replaced: Int64 = 0
        let rc = bytes.withUnsafeBufferPointer { b in
            wn_charset_to_utf8(CharsetLabels.converter(for: encoding), b.baseAddress, Int64(b.count), &out, &length, &replaced)
        }
        defer { wn_charset_free(out) }
        guard rc == 0 else { return nil }
        let utf8 = out.map { Array(UnsafeBufferPointer(start: $0, count: Int(length))) } ?? []
        return Decoded(utf8: utf8, replaced: Int(replaced), charset: encoding, source: source)
    }

    /// Text in `encoding` (a WHATWG name or label), or nil when ICU has no converter for it.
    /// The reverse of `convert`; tests build their pages with it.
    static func encode(_ text: String, encoding: String) -> [UInt8]? {
        let name = CharsetLabels.converter(for: CharsetLabels.encoding(forLabel: encoding) ?? encoding)
        var out: UnsafeMutablePointer<UInt8>?
        var length: Int64 = 0
        let utf8 = Array(text.utf8)
        let rc = utf8.withUnsafeBufferPointer { wn_charset_from_utf8(name, $0.baseAddress, Int64($0.count), &out, &length) }
        defer { wn_charset_free(out) }
        guard rc == 0 else { return nil }
        return out.map { Array(UnsafeBufferPointer(start: $0, count: Int(length))) } ?? []
    }

    /// ICU's guess for undeclared, non-UTF-8 bytes, as a WHATWG encoding name (or nil).
    static func detect(_ bytes: [UInt8], isHTML: Bool) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        let n = min(bytes.count, detectWindow)
        let confidence = bytes.withUnsafeBufferPointer { b in
            name.withUnsafeMutableBufferPointer { out in
                wn_charset_detect(b.baseAddress, Int32(n), isHTML ? 1 : 0, out.baseAddress, Int32(out.count))
            }
        }
        guard confidence > 0 else { return nil }
        let label = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return CharsetLabels.encoding(forLabel: label)
    }

    /// The encoding a byte order mark names, and the mark's length.
    static func bom(_ b: [UInt8]) -> (String, Int)? {
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return ("utf-8", 3) }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return ("utf-16be", 2) }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return ("utf-16le", 2) }
        return nil
    }

    /// Whether every byte is ASCII (eight bytes at a time).
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            let n = raw.count
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < n { if raw[i] >= 0x80 { return false }; i += 1 }
            return true
        }
    }
}
