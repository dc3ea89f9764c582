/// The headline from a page's titles, without the site's name.
///
/// The headline is `og:title` when present, else `<title>`. Then:
/// 1. When the site name is known (`og:site_name`), a leading `Site <sep> ` or trailing
///    ` <sep> Site` is removed (separators `|` `｜` `-` `–` `—` `_` `·` `:` `»` `/`, one or two of
///    them, spaces optional, case ignored).
/// 2. Else, for `<title>` only: the title is cut at separators and its longest part kept when a
///    separator surely marks a site name: `|`, `｜`, `_`, ` » ` or ` :: ` once, or a spaced dash or
///    middle dot (` - ` ` – ` ` — ` ` · `) at least twice. A single ` - ` is left alone: headlines use it.
enum HTMLTitle {
    static let separators: Set<Character> = ["|", "｜", "-", "–", "—", "_", "·", ":", "»", "/"]

    /// The headline of a page, or nil when it has no title.
    static func headline(openGraphTitle: String?, title: String?, siteName: String?) -> String? {
        let og = openGraphTitle.map(trimmed).flatMap { $0.isEmpty ? nil : $0 }
        let plain = title.map(trimmed).flatMap { $0.isEmpty ? nil : $0 }
        guard let raw = og ?? plain else { return nil }
        if let site = siteName.map(trimmed), !site.isEmpty, let stripped = removing(site: site, from: raw) {
            return stripped
        }
        return og == nil ? splitAtSeparators(raw) : raw
    }

    /// `title` without a leading or trailing site name joined by a separator, or nil when it has none.
    static func removing(site: String, from title: String) -> String? {
        let lowerTitle = title.lowercased(), lowerSite = site.lowercased()
        if lowerTitle.hasSuffix(lowerSite), let head = withoutSeparator(title.dropLast(site.count).reversed()) {
            return String(head.reversed())
        }
        if lowerTitle.hasPrefix(lowerSite), let tail = withoutSeparator(Array(title.dropFirst(site.count))) {
            return String(tail)
        }
        return nil
    }

    /// The characters after leading spaces, one or two separators and more spaces; nil when no
    /// separator leads or nothing follows.
    private static func withoutSeparator(_ chars: [Character]) -> [Character]? {
        var i = chars.startIndex
        while i < chars.endIndex, chars[i].isWhitespace { i += 1 }
        let first = i
        while i < chars.endIndex, i - first < 2, separators.contains(chars[i]) { i += 1 }
        guard i > first else { return nil }
        while i < chars.endIndex, chars[i].isWhitespace { i += 1 }
        return i < chars.endIndex ? Array(chars[i...]) : nil
    }

    /// The longest part of a `<title>` cut at separators that surely mark a site name (see above).
    static func splitAtSeparators(_ title: String) -> String {
        for strong in [" | ", "|", "｜", "_", " » ", " :: "] where title.contains(strong) {
            return longestPart(title, separator: strong)
        }
        for weak in [" - ", " – ", " — ", " · "] where title.split(separator: weak).count >= 3 {
            return longestPart(title, separator: weak)
        }
        return title
    }

    private static func longestPart(_ title: String, separator: String) -> String {
        let parts = title.split(separator: separator).map(trimmed).filter { !$0.isEmpty }
        return parts.max { $0.count < $1.count } ?? title
    }

    /// `s` without leading and trailing whitespace.
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        guard let start = s.firstIndex(where: { !$0.isWhitespace }),
              let end = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(s[start...end])
    }
}
