/// The `<meta charset>` prescan of the HTML standard, simplified: looks through the first
/// `window` bytes for `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">`,
/// skipping comments and other tags (quoted `>` included).
enum MetaCharsetPrescan {
    /// How far into the page to look.
    static let window = 4096

    /// The declared charset label, or nil.
    static func label(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = min(bytes.count, window)
        var i = 0
        while i < n {
            guard bytes[i] == 0x3C else { i += 1; continue }  // <
            if starts(bytes, i, n, "<!--") {
                i = find(bytes, i + 4, n, "-->").map { $0 + 3 } ?? n
            } else if starts(bytes, i, n, "<meta"), i + 5 < n, isSpaceOrSlash(bytes[i + 5]) {
                let (attrs, end) = attributes(bytes, i + 5, n)
                if let found = charset(from: attrs) { return found }
                i = end
            } else if i + 1 < n, isLetter(bytes[i + 1]) || bytes[i + 1] == 0x2F {
                // Another tag: skip its name and attributes.
                var k = i + 1
                while k < n && !isSpaceOrSlash(bytes[k]) && bytes[k] != 0x3E { k += 1 }
                i = attributes(bytes, k, n).end
            } else if i + 1 < n, bytes[i + 1] == 0x21 || bytes[i + 1] == 0x3F {  // <! or <?
                i = find(bytes, i + 2, n, ">").map { $0 + 1 } ?? n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// The charset from one meta tag's attributes (lower-cased names).
    static func charset(from attrs: [(String, String)]) -> String? {
        var httpEquivContentType = false, content: String?, charset: String?
        for (name, value) in attrs {
            switch name {
            case "charset": if charset == nil { charset = value }
            case "http-equiv": httpEquivContentType = value.lowercased() == "content-type"
            case "content": if content == nil { content = value }
            default: break
            }
        }
        if let charset, !charset.isEmpty { return charset }
        if httpEquivContentType, let content { return charsetInContent(content) }
        return nil
    }

    /// `charset=` inside a `content` value (`text/html; charset=gb2312`), quoted or not.
    static func charsetInContent(_ content: String) -> String? {
        let lower = Array(content.lowercased().utf8)
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= lower.count {
            guard Array(lower[i..<(i + key.count)]) == key else { i += 1; continue }
            var k = i + key.count
            while k < lower.count && lower[k] <= 0x20 { k += 1 }
            guard k < lower.count, lower[k] == 0x3D else { i += 1; continue }  // =
            k += 1
            while k < lower.count && lower[k] <= 0x20 { k += 1 }
            guard k < lower.count else { return nil }
            var end = k
            if lower[k] == 0x22 || lower[k] == 0x27 {
                let q = lower[k]
                k += 1
                end = k
                while end < lower.count && lower[end] != q { end += 1 }
            } else {
                while end < lower.count && lower[end] > 0x20 && lower[end] != 0x3B { end += 1 }
            }
            let v = String(decoding: lower[k..<end], as: UTF8.self)
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// Attributes from `i` up to the closing `>`, and the index after it.
    static func attributes(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int) -> (attrs: [(String, String)], end: Int) {
        var attrs: [(String, String)] = []
        var i = start
        while i < n {
            while i < n && (b[i] <= 0x20 || b[i] == 0x2F) { i += 1 }
            guard i < n else { break }
            if b[i] == 0x3E { return (attrs, i + 1) }
            let nameStart = i
            while i < n && b[i] > 0x20 && b[i] != 0x3D && b[i] != 0x3E && b[i] != 0x2F { i += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<i]), as: UTF8.self).lowercased()
            while i < n && b[i] <= 0x20 { i += 1 }
            var value = ""
            if i < n && b[i] == 0x3D {
                i += 1
                while i < n && b[i] <= 0x20 { i += 1 }
                if i < n && (b[i] == 0x22 || b[i] == 0x27) {
                    let q = b[i]
                    let vs = i + 1
                    i = vs
                    while i < n && b[i] != q { i += 1 }
                    value = String(decoding: UnsafeBufferPointer(rebasing: b[vs..<i]), as: UTF8.self)
                    if i < n { i += 1 }
                } else {
                    let vs = i
                    while i < n && b[i] > 0x20 && b[i] != 0x3E { i += 1 }
                    value = String(decoding: UnsafeBufferPointer(rebasing: b[vs..<i]), as: UTF8.self)
                }
            }
            if !name.isEmpty { attrs.append((name, value)) }
        }
        return (attrs, n)
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isSpaceOrSlash(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x2F }

    /// Whether `s` (ASCII, lower case) is at `i`, ignoring ASCII case.
    private static func starts(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let p = s.utf8Start
        for k in 0..<count {
            let c = b[i + k]
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if lower != p[k] { return false }
        }
        return true
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ n: Int, _ s: StaticString) -> Int? {
        var i = from
        while i < n {
            if starts(b, i, n, s) { return i }
            i += 1
        }
        return nil
    }
}
