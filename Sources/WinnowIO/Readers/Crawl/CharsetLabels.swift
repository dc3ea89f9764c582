import CWinnowICU

/// Charset labels as pages and servers write them, mapped to ICU converters the way the WHATWG
/// Encoding Standard maps its common labels (so `gb2312` reads as GB18030, `iso-8859-1` as
/// windows-1252, `big5` as Big5-HKSCS).
enum CharsetLabels {
    /// The ICU converter for a WHATWG encoding name.
    static let converters: [String: String] = [
        "utf-8": "UTF-8", "gb18030": "GB18030", "big5": "Big5-HKSCS", "shift_jis": "windows-31j",
        "euc-jp": "EUC-JP", "iso-2022-jp": "ISO-2022-JP", "euc-kr": "windows-949-2000",
        "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "koi8-r": "KOI8-R", "koi8-u": "KOI8-U",
        "ibm866": "IBM866", "macintosh": "macintosh", "x-mac-cyrillic": "x-mac-cyrillic",
        "windows-874": "windows-874",
    ]

    /// Label -> WHATWG encoding name, for the labels crawls actually carry.
    static let labels: [String: String] = {
        var m: [String: String] = [:]
        func add(_ name: String, _ ls: [String]) { for l in ls { m[l] = name } }
        add("utf-8", ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add("gb18030", ["gb18030", "gbk", "x-gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "csiso58gb231280",
                        "iso-ir-58", "cp936", "ms936", "windows-936", "euc-cn", "hz-gb-2312"])
        add("big5", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "big-5", "cp950", "x-big5"])
        add("shift_jis", ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932"])
        add("euc-jp", ["euc-jp", "cseucpkdfmtjapanese", "x-euc-jp"])
        add("iso-2022-jp", ["iso-2022-jp", "csiso2022jp"])
        add("euc-kr", ["euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                       "ksc5601", "ksc_5601", "windows-949", "cp949", "uhc"])
        add("utf-16le", ["utf-16", "utf-16le", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff"])
        add("utf-16be", ["utf-16be", "unicodefffe"])
        add("koi8-r", ["koi8-r", "koi8", "koi", "cskoi8r", "koi8_r"])
        add("koi8-u", ["koi8-u", "koi8-ru"])
        add("ibm866", ["ibm866", "866", "cp866", "csibm866"])
        add("macintosh", ["macintosh", "mac", "x-mac-roman", "csmacintosh"])
        add("x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"])
        add("windows-874", ["windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"])
        // Latin-1 and ASCII labels mean windows-1252; ISO-8859-9 means windows-1254.
        add("windows-1252", ["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
                             "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "csisolatin1", "iso-ir-100",
                             "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "ibm367", "csascii"])
        add("windows-1254", ["iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "latin5", "l5", "csisolatin5", "iso-ir-148"])
        for n in 0...8 {
            let name = "windows-125\(n)"
            add(name, [name, "cp125\(n)", "x-cp125\(n)"])
        }
        for n in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            let name = "iso-8859-\(n)"
            add(name, [name, "iso8859-\(n)", "iso8859\(n)", "iso_8859-\(n)"])
        }
        add("iso-8859-8-i", ["iso-8859-8-i", "csiso88598i", "logical"])
        add("iso-8859-15", ["latin9", "l9", "csisolatin9"])
        add("iso-8859-2", ["latin2", "l2", "csisolatin2"])
        return m
    }()

    /// The WHATWG encoding name for a label (trimmed, any case, quotes dropped), or nil.
    static func encoding(forLabel label: String) -> String? {
        var l = label.lowercased()
        l = String(l.drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" })
        while let last = l.last, last == " " || last == "\t" || last == "\"" || last == "'" || last == ";" { l.removeLast() }
        guard !l.isEmpty else { return nil }
        if let name = labels[l] { return name }
        // Anything else ICU knows is used as it is (x-mac-*, cp1125, ...).
        return wn_charset_exists(l) != 0 ? l : nil
    }

    /// The ICU converter name for a WHATWG encoding name.
    static func converter(for encoding: String) -> String {
        if let c = converters[encoding] { return c }
        if encoding.hasPrefix("windows-125") { return encoding }
        if encoding == "iso-8859-8-i" { return "ISO-8859-8-I" }
        return encoding
    }

    /// Whether the encoding keeps ASCII bytes as ASCII (so all-ASCII input needs no conversion).
    static func isASCIICompatible(_ encoding: String) -> Bool {
        !(encoding.hasPrefix("utf-16") || encoding == "iso-2022-jp" || encoding.hasPrefix("utf-32") || encoding.hasPrefix("utf-7"))
    }

    /// The `charset` parameter of a Content-Type value (`text/html; charset="gbk"` gives `gbk`).
    static func charsetParameter(ofContentType value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingASCIISpaces().lowercased() == "charset" else { continue }
            let v = kv[1].trimmingASCIISpaces().trimmingAny(of: "\"'")
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// The media type of a Content-Type value, lower-cased, without parameters.
    static func mediaType(ofContentType value: String) -> String {
        let essence = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return essence.trimmingASCIISpaces().lowercased()
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String { trimmingAny(of: " \t") }

    /// Without leading and trailing characters from `set`.
    func trimmingAny(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
