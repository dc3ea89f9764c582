import Testing
@testable import WinnowCore

/// A line giving an e-mail address at the page's own site is the site speaking (`SiteAddress`).
struct SiteAddressTests {
    func appears(_ line: String, _ site: String) -> Bool {
        SiteAddress.host(of: site).map { SiteAddress.appears(in: Support.normalized(line)[...], host: $0) } ?? false
    }

    @Test func anAddressAtThePagesOwnSiteIsTheSites() {
        #expect(appears("Questions about this story? Contact Morgan Hale at tousu@bintaixinews.example.org", "www.bintaixinews.example.org"))
        #expect(appears("如本站內容侵害您的權益，請來函editor@meilansha.example.tw，我們將於查證後移除。", "m.meilansha.example.tw"))
        #expect(appears("Write to desk@news.example.com.", "example.com"))
        // Another site's address, a name for a site, no address at all.
        #expect(!appears("Contact press@othercorp.example.com for details.", "www.bintaixinews.example.org"))
        #expect(!appears("Contact desk@site.example.org", "Site Daily"))
        #expect(!appears("The @ sign and example.org", "example.org"))
    }

    /// On a site seen once, a takedown notice in words no rule knows is still the site's: it
    /// gives the site's own address. The article's lines around it stay.
    @Test func aTakedownNoticeWithTheSitesAddressIsFurnitureOnASiteSeenOnce() {
        let lines = ["超級聯賽第21輪：北京飛龍3比0戰勝長春藍鯨", "2020-07-19 21:51:35　中央社　記者任小杰",
                     "北京時間2月13日，超級聯賽第21輪一場比賽在北京體育中心進行，北京飛龍主場以3比0戰勝長春藍鯨。",
                     "本輪過後，北京飛龍積44分，暫列積分榜第7位。",
                     "如本站內容侵害您的權益，請來函editor@meilansha.example.tw，我們將於查證後移除。",
                     "讀者投書不代表本報立場，文責由作者自負。"]
        let a = Support.analyze([Article(id: "x", text: lines.joined(separator: "\n"), url: "https://m.meilansha.example.tw/a/1.html")])[0]
        let f = Support.furnitureLines(a)
        #expect(f.contains(5) && f.isDisjoint(with: [3, 4]), "\(f.sorted())")
        #expect(a.findings.contains { $0.lineStart == 5 && $0.message.contains("own site") })
        // Published elsewhere (another site's page quoting the address), the line is text.
        let quoted = Support.analyze([Article(id: "y", text: lines.joined(separator: "\n"), url: "https://news.other.example.com/a/2.html")])[0]
        #expect(!quoted.findings.contains { $0.lineStart == 5 && $0.message.contains("own site") })
    }
}
