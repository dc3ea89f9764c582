import Testing
@testable import WinnowCore

/// `Article.host(of:)` reads a URL's host on its bytes; it must say what the plain string
/// reading says (the site every line statistic is keyed by).
struct ArticleHostTests {
    /// The plain reading: after "://", up to the path, query or fragment; after user info; before a port.
    static func reference(_ url: String) -> String? {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var host = parts[1]
        if let end = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = host[..<end] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") { host = host[..<colon] }
        return host.isEmpty ? nil : host.lowercased()
    }

    static let urls = [
        "https://Host:80/x", "http://user:pw@Example.COM:8080/p?q=1", "https://[::1]:80/x", "no scheme", "https://",
        "https://例子.中国/新闻", "https://EXAMPLE.com#frag", "mailto:x@y.z", "https://:80/", "https://user@/x",
        "ftp://a.b/c://d", "HTTPS://News.Example.CN", "https://ÉCOLE.example.fr/x", "://x", "https://a?b@c/d",
    ]

    @Test(arguments: urls) func readsTheHostAsThePlainReadingDoes(_ url: String) {
        #expect(Article.host(of: url) == Self.reference(url))
    }

    @Test func siteIsTheSourceElseTheHost() {
        #expect(Article(id: "a", text: "", url: "https://M.Example.com:443/a").site == "m.example.com")
        #expect(Article(id: "a", text: "", url: "https://m.example.com/a", source: "某报").site == "某报")
        #expect(Article(id: "a", text: "").site == "")
    }
}
