import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct CharsetTests {
    typealias F = CrawlFixtures

    func decode(_ bytes: [UInt8], declared: String? = nil, html: Bool = true) -> CharsetDecoder.Decoded {
        CharsetDecoder.decode(bytes, declared: declared, isHTML: html)
    }

    @Test func metaDeclaredGB18030AndBig5Pages() {
        let gb = F.encoded(F.page("新闻", "简体中文正文。"), "gb18030")
        let withMeta = Array("<html><head><meta charset=\"gb2312\">".utf8) + gb
        let d = decode(withMeta)
        #expect(d.charset == "gb18030" && d.source == "meta" && d.replaced == 0)
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("简体中文正文。"))

        let big5 = F.encoded("繁體中文新聞正文。", "big5")
        #expect(!big5.isEmpty)
        let page = Array("<!-- <meta charset=utf-8> --><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'></head><p>".utf8) + big5
        let b = decode(page)
        #expect(b.charset == "big5" && b.source == "meta" && b.replaced == 0)
        #expect(String(decoding: b.utf8, as: UTF8.self).hasSuffix("<p>繁體中文新聞正文。"))
    }

    @Test func undeclaredGBKPageIsDetected() {
        let page = F.encoded(F.page("统计局", F.chineseNews), "gbk")
        let d = decode(page)
        #expect(d.source == "detected" && d.charset == "gb18030")
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("国家统计局今天发布数据显示"))
        #expect(d.replaced == 0)
    }

    @Test func bomThenHTTPThenMetaThenUTF8() {
        let text = "Café 新闻"
        // The HTTP header beats the meta tag.
        let latin = Array("<meta charset=utf-8>caf".utf8) + [0xE9]
        #expect(String(decoding: decode(latin, declared: "text/html; charset=ISO-8859-1").utf8, as: UTF8.self) == "<meta charset=utf-8>café")
        // A BOM beats everything.
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let d = decode(bom, declared: "text/html; charset=windows-1252")
        #expect(d.source == "bom" && d.utf8 == Array(text.utf8))
        let utf16 = [0xFF, 0xFE] + F.encoded(text, "utf-16le")
        #expect(decode(utf16).utf8 == Array(text.utf8))
        // Undeclared valid UTF-8 is passed through.
        let u = decode(Array(text.utf8))
        #expect(u.source == "utf-8" && u.utf8 == Array(text.utf8))
        // Declared UTF-8 with a bad byte: kept, replaced, counted.
        let broken = decode(Array("ab".utf8) + [0xC3] + Array("cd".utf8), declared: "text/html; charset=\"UTF-8\"")
        #expect(String(decoding: broken.utf8, as: UTF8.self) == "ab\u{FFFD}cd" && broken.replaced == 1)
        // Unmappable bytes in a declared legacy charset are counted too.
        let sjis = decode([0x82, 0xA0, 0xFF, 0x41], declared: "text/plain; charset=shift_jis", html: false)
        #expect(String(decoding: sjis.utf8, as: UTF8.self) == "あ\u{FFFD}A" && sjis.replaced == 1)
    }

    @Test func labelsFollowTheWHATWGAliases() {
        let cases: [(String, String)] = [("GB2312", "gb18030"), (" x-gbk ", "gb18030"), ("big5", "big5"), ("Shift_JIS", "shift_jis"),
                                         ("EUC-KR", "euc-kr"), ("latin1", "windows-1252"), ("us-ascii", "windows-1252"),
                                         ("iso-8859-9", "windows-1254"), ("ISO-8859-2", "iso-8859-2"), ("cp1251", "windows-1251"),
                                         ("\"utf8\"", "utf-8"), ("windows-1250", "windows-1250")]
        for (label, name) in cases { #expect(CharsetLabels.encoding(forLabel: label) == name, "\(label)") }
        #expect(CharsetLabels.encoding(forLabel: "no-such-charset") == nil)
        #expect(CharsetLabels.charsetParameter(ofContentType: "text/html; Charset = 'gbk' ") == "gbk")
        #expect(CharsetLabels.mediaType(ofContentType: " Text/HTML ; charset=x") == "text/html")
        for name in Set(CharsetLabels.labels.values) where !["iso-8859-16", "iso-8859-8-i"].contains(name) {
            #expect(CharsetDecoder.convert(Array("x".utf8), encoding: name, source: "t") != nil, "\(name)")
        }
    }

    @Test func metaPrescanEdgeCases() {
        func label(_ s: String) -> String? { Array(s.utf8).withUnsafeBufferPointer(MetaCharsetPrescan.label(in:)) }
        #expect(label("<meta charset=koi8-r>") == "koi8-r")
        #expect(label("<meta content=\"text/html;charset=euc-jp\" http-equiv=\"content-type\">") == "euc-jp")
        #expect(label("<meta name=description content='charset=big5'>") == nil)
        #expect(label("<div title='<meta charset=gbk>'><meta charset=\"shift_jis\">") == "shift_jis")
        #expect(label(String(repeating: " ", count: 5000) + "<meta charset=gbk>") == nil)
        #expect(label("<metadata charset=gbk>") == nil)
    }

    @Test func warcPagesInLegacyCharsetsAreReadAndFlagged() throws {
        let records = [
            F.response(id: "gb", uri: "https://c.example/gb", headers: ["Content-Type: text/html"],
                       body: Array("<meta charset=gb2312>".utf8) + F.encoded(F.page("新闻", "简体正文。"), "gb18030")),
            F.response(id: "big5", uri: "https://c.example/big5", headers: ["Content-Type: text/html"],
                       body: Array("<meta http-equiv=Content-Type content=\"text/html; charset=big5\">".utf8) + F.encoded("繁體正文。", "big5")),
            F.response(id: "gbk", uri: "https://c.example/gbk", headers: ["Content-Type: text/html"],
                       body: F.encoded(F.page("统计", F.chineseNews), "gbk")),
            F.response(id: "bad", uri: "https://c.example/bad", headers: ["Content-Type: text/html; charset=utf-8"],
                       body: Array("<p>正文".utf8) + [0xE4, 0xB8] + Array("结束</p>".utf8)),
        ]
        let path = IOSupport.tempDir() + "/charsets.warc.gz"
        IOSupport.write(F.gzipMembers(records).bytes, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["gb", "big5", "gbk", "bad"])
        #expect(r.articles[0].text.contains("简体正文。") && r.articles[1].text.contains("繁體正文。"))
        #expect(r.articles[2].text.contains("国家统计局新闻发言人表示"))
        #expect(r.articles.map(\.replacedSequences) == [0, 0, 0, 1])
        #expect(r.articles[3].text.contains("正文\u{FFFD}结束"))
    }

    @Test func htmlFilesInFoldersAreDecoded() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write(Array("<meta charset=big5>".utf8) + F.encoded("<p>繁體頁面。</p>", "big5"), to: dir + "/page.html")
        IOSupport.write("   ", to: dir + "/empty.htm")
        let r = try InputReader().read([dir])
        #expect(r.articles.map(\.id) == ["page.html"])
        #expect(r.articles.first?.text.contains("繁體頁面。") == true)
        #expect(r.articles.first?.origin == RecordOrigin(file: dir + "/page.html", line: 0))
        #expect(r.problems.map(\.description) == ["\(dir)/empty.htm: no text"])
    }

    @Test func utf8RepairMatchesTheStandardLibrary() {
        let samples = IOSupport.randomByteArrays(count: 3000, seed: 7, maxLength: 24) { rng in
            rng >> 60 < 6 ? UInt8(truncatingIfNeeded: rng >> 33) & 0x7F : UInt8(truncatingIfNeeded: rng >> 40)
        }
        for bytes in samples {
            let (fixed, replaced) = UTF8Repair.repair(bytes)
            let expected = Array(String(decoding: bytes, as: UTF8.self).utf8)
            #expect(fixed == expected, "\(bytes)")
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((replaced == 0) == valid)
        }
        #expect(UTF8Repair.repair([0xF0, 0x9F, 0x98, 0x41, 0xFF]).replaced == 2)
    }
}
