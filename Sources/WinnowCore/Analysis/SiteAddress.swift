/// E-mail addresses at a page's own site. A line that gives one ("如本站内容侵害您的权益，请来函
/// editor@site.example.tw…", "Questions about this story? Contact … at desk@site.example.org") is
/// the site speaking — its contact, takedown or complaints notice — whatever its wording, on a
/// site seen once as on one seen a thousand times: it is the site's furniture, not the article's.
enum SiteAddress {
    /// The site as a host to compare addresses with (lower case), once per page; nil for a site
    /// that is a name rather than a host (a `source` field), which has no addresses.
    static func host(of site: String) -> String? {
        site.contains(".") && !site.contains(" ") ? site.lowercased() : nil
    }

    /// Whether the (normalized, lower-case) line holds an e-mail address whose domain is the
    /// site's `host` or a domain around it (`www.site.example.org` and `site.example.org` alike).
    static func appears(in line: ArraySlice<UInt8>, host: String) -> Bool {
        var i = line.startIndex
        while let at = line[i...].firstIndex(of: 0x40) {
            i = line.index(after: at)
            guard at > line.startIndex, isLocal(line[line.index(before: at)]) else { continue }
            var end = i
            while end < line.endIndex && isDomain(line[end]) { end += 1 }
            var domain = line[i..<end]
            while let last = domain.last, last == 0x2E || last == 0x2D { domain = domain.dropLast() }
            guard domain.contains(0x2E), let d = String(bytes: domain, encoding: .utf8) else { continue }
            if d == host || host.hasSuffix("." + d) || d.hasSuffix("." + host) { return true }
        }
        return false
    }

    private static func isLocal(_ b: UInt8) -> Bool {
        isDomain(b) || b == 0x5F || b == 0x2B || b == 0x25
    }

    private static func isDomain(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || Figures.isDigit(b) || b == 0x2E || b == 0x2D
    }
}
