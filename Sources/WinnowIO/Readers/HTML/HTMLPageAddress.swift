/// The address a page names for itself, resolved against the crawled address.
///
/// `<link rel=canonical>` first, then `og:url`, then the crawled URL. Relative references are
/// resolved against the crawled URL (`//host/p`, `/p`, `p`); anything that does not end up as an
/// `http`/`https` URL, or holds whitespace, is ignored.
enum HTMLPageAddress {
    /// The page's address, or `crawled` when the page names no usable one.
    static func resolve(canonical: String?, openGraph: String?, crawled: String?) -> String? {
        for candidate in [canonical, openGraph] {
            if let candidate, let url = absolute(candidate, base: crawled) { return url }
        }
        return crawled
    }

    /// `reference` as an absolute http(s) URL, or nil.
    static func absolute(_ reference: String, base: String?) -> String? {
        let ref = HTMLTitle.trimmed(reference)
        guard !ref.isEmpty, !ref.contains(where: { $0.isWhitespace }) else { return nil }
        if let scheme = scheme(of: ref) { return isWeb(scheme) && ref.dropFirst(scheme.count).hasPrefix("://") ? ref : nil }
        guard let base, let baseScheme = scheme(of: base), isWeb(baseScheme),
              base.dropFirst(baseScheme.count).hasPrefix("://") else { return nil }
        let afterScheme = base.index(base.startIndex, offsetBy: baseScheme.count + 3)
        if ref.hasPrefix("//") { return baseScheme + ":" + ref }
        let rest = base[afterScheme...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let origin = base[..<hostEnd]
        guard hostEnd > afterScheme else { return nil }
        if ref.hasPrefix("/") { return origin + ref }
        if ref.hasPrefix("?") || ref.hasPrefix("#") { return nil }
        // A path relative to the base's folder.
        let path = base[hostEnd...].prefix { $0 != "?" && $0 != "#" }
        let folder = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
        return origin + folder + ref
    }

    private static func isWeb(_ scheme: String) -> Bool { scheme == "http" || scheme == "https" }

    /// The lower-cased scheme of `url` (`https` in `https://…`, `javascript` in `javascript:…`), or nil
    /// for a relative reference.
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }
}
