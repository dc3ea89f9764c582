import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct WARCReaderTests {
    typealias F = CrawlFixtures

    /// A small crawl: one of every record type, two readable pages.
    static var crawl: [[UInt8]] {
        let html = Array(F.page("头条", "第一篇正文。").utf8)
        return [
            F.record("warcinfo", id: "info", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8)),
            F.record("request", id: "req1", uri: "https://news.example/a", contentType: "application/http; msgtype=request",
                     block: Array("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8)),
            F.response(id: "11111111-aaaa", uri: "https://news.example/a", headers: ["Content-Type: text/html; charset=utf-8"], body: html),
            F.record("metadata", id: "meta1", uri: "https://news.example/a", contentType: "application/warc-fields",
                     block: Array("fetchTimeMs: 12\r\n".utf8)),
            F.response(id: "22222222-bbbb", uri: "https://news.example/b.txt", headers: ["Content-Type: text/plain"],
                       body: Array("Plain text story.\nSecond line.".utf8)),
            F.response(id: "gone", uri: "https://news.example/c", status: 404, headers: ["Content-Type: text/html"], body: html),
            F.response(id: "moved", uri: "https://news.example/d", status: 301, headers: ["Location: /e"], body: []),
            F.response(id: "img", uri: "https://news.example/logo.png", headers: ["Content-Type: image/png"], body: [0x89, 0x50, 0x4E, 0x47]),
            F.record("revisit", id: "rev1", uri: "https://news.example/a", contentType: "application/http; msgtype=response",
                     block: Array("HTTP/1.1 200 OK\r\n\r\n".utf8),
                     extra: ["WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"]),
            F.record("response", id: "dns", uri: "dns:news.example", contentType: "text/dns", block: Array("news.example. 300 IN A 1.2.3.4\n".utf8)),
        ]
    }

    static func expectCrawl(_ r: ReadResult, file: String) {
        #expect(r.articles.map(\.id) == ["11111111-aaaa", "22222222-bbbb"])
        #expect(r.articles.first?.url == "https://news.example/a")
        #expect(r.articles.first?.publishedAt == F.date)
        #expect(r.articles.first?.origin == RecordOrigin(file: file, line: 3))
        #expect(r.articles.first?.text.contains("第一篇正文。") == true)
        #expect(r.articles.last?.text == "Plain text story.\nSecond line.")
        #expect(r.articles.last?.origin == RecordOrigin(file: file, line: 5))
        #expect(r.problems.isEmpty, "\(r.problems)")
        #expect(r.skipped == ["warcinfo": 1, "request": 1, "metadata": 1, "revisit": 1, "non-2xx status": 2,
                              "non-text payload": 1, "not HTTP": 1])
    }

    @Test func readsPlainMultiMemberAndSingleStreamWARC() throws {
        let dir = IOSupport.tempDir()
        let plain = Self.crawl.flatMap { $0 }
        IOSupport.write(plain, to: dir + "/crawl.warc")
        IOSupport.write(F.gzipMembers(Self.crawl).bytes, to: dir + "/multi.warc.gz")
        IOSupport.write(Gzip.deflate(plain), to: dir + "/single.warc.gz")
        IOSupport.write(F.gzipMembers(Self.crawl).bytes, to: dir + "/no-extension")  // sniffed: gzip, then WARC/
        for name in ["crawl.warc", "multi.warc.gz", "single.warc.gz", "no-extension"] {
            let r = try InputReader().read([dir + "/" + name])
            Self.expectCrawl(r, file: dir + "/" + name)
        }
        // Folders read .warc and .warc.gz (the same record ids in three files are duplicates).
        let all = try InputReader().read([dir])
        #expect(all.articles.count == 2 && all.problems.count == 4)
        #expect(all.problems.first?.reason == "duplicate id \"11111111-aaaa\" (first at \(dir)/crawl.warc:3)")
        #expect(all.skippedSummary.hasPrefix("6 non-2xx status, 3 metadata, 3 non-text payload"))
    }

    @Test func chunkedAndCompressedPayloads() throws {
        let body = Array(F.page("Chunked", String(repeating: "Long paragraph of news text. ", count: 40)).utf8)
        let gz = Gzip.deflate(body)
        let records = [
            F.response(id: "chunked", uri: "http://x.example/1", headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"],
                       body: F.chunked(body, size: 100)),
            F.response(id: "gzip", uri: "http://x.example/2", headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: gz),
            F.response(id: "both", uri: "http://x.example/3",
                       headers: ["Content-Type: text/html", "Content-Encoding: x-gzip", "Transfer-Encoding: chunked"],
                       body: F.chunked(gz, size: 37)),
            F.response(id: "zlib", uri: "http://x.example/4", headers: ["Content-Type: text/html", "Content-Encoding: deflate"],
                       body: Gzip.deflate(body, format: .zlib)),
            F.response(id: "raw", uri: "http://x.example/5", headers: ["Content-Type: text/html", "Content-Encoding: deflate"],
                       body: Gzip.deflate(body, format: .raw)),
            // Stored already decoded by the crawler, but with the original headers.
            F.response(id: "decoded", uri: "http://x.example/6", headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: body),
            F.response(id: "brotli", uri: "http://x.example/7", headers: ["Content-Type: text/html", "Content-Encoding: br"], body: [1, 2, 3]),
        ]
        let path = IOSupport.tempDir() + "/enc.warc.gz"
        IOSupport.write(F.gzipMembers(records).bytes, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["chunked", "gzip", "both", "zlib", "raw", "decoded"])
        let expected = HTMLArticleReader.article(utf8: body, id: "x", url: nil, fetchedAt: nil, origin: nil)?.text
        #expect(expected?.contains("Long paragraph of news text.") == true)
        for a in r.articles { #expect(a.text == expected, "\(a.id)") }
        #expect(r.skipped == ["unsupported Content-Encoding": 1])
        #expect(r.problems.isEmpty, "\(r.problems)")
    }

    @Test func truncatedLastMemberKeepsEarlierRecordsAndNamesTheOffset() throws {
        let records = (1...4).map { i in
            F.response(id: "p\(i)", uri: "https://t.example/\(i)", headers: ["Content-Type: text/plain"],
                       body: Array((0..<40).map { "Story \(i) sentence \($0) with some words. " }.joined().utf8))
        }
        let (gz, offsets) = F.gzipMembers(records)
        let path = IOSupport.tempDir() + "/cut.warc.gz"
        IOSupport.write(Array(gz[..<((offsets[3] + gz.count) / 2)]), to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["p1", "p2", "p3"])
        #expect(r.problems.map(\.description) == ["\(path): record 4 at byte \(offsets[3]): the file ends inside a gzip member (truncated)"])

        // The same cut in a single gzip stream: complete records before the cut are read.
        let single = Gzip.deflate(records.flatMap { $0 }, level: 0)
        let path2 = IOSupport.tempDir() + "/cut-single.warc.gz"
        IOSupport.write(Array(single[..<(single.count - 60)]), to: path2)
        let r2 = try InputReader().read([path2])
        #expect(r2.articles.map(\.id) == ["p1", "p2", "p3"])
        #expect(r2.problems.count == 1)
        #expect(r2.problems.first?.origin.hasPrefix("\(path2): record 4 at byte 0 (gzip member), uncompressed byte ") == true)
    }

    @Test func contentLengthPastTheEndAndWrongLengthsResynchronise() throws {
        let ok1 = F.response(id: "ok1", uri: "https://l.example/1", headers: ["Content-Type: text/plain"], body: Array("First.".utf8))
        let short = F.record("response", id: "bad", uri: "https://l.example/2", block: F.http(200, ["Content-Type: text/plain"], body: Array("Wrong length.".utf8)), length: 10)
        let ok2 = F.response(id: "ok2", uri: "https://l.example/3", headers: ["Content-Type: text/plain"], body: Array("Third.".utf8))
        let long = F.record("response", id: "long", uri: "https://l.example/4", block: F.http(200, [], body: Array("Cut.".utf8)), length: 5000)
        let plain = ok1 + short + Array("garbage line\r\n".utf8) + ok2 + long
        let path = IOSupport.tempDir() + "/lengths.warc"
        IOSupport.write(plain, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["ok1", "ok2"])
        let offsetBad = ok1.count, offsetLong = plain.count - long.count
        #expect(r.problems.map(\.description) == [
            "\(path): record 2 at byte \(offsetBad): Content-Length 10 does not end at a record boundary",
            "\(path): record 4 at byte \(offsetLong): Content-Length 5000 runs past the end of the file",
        ])
        #expect(r.articles[1].origin?.line == 3)
    }

    @Test func corruptMemberIsSkippedAndTheNextMemberRead() throws {
        let records = (1...3).map { i in
            F.response(id: "c\(i)", uri: "https://c.example/\(i)", headers: ["Content-Type: text/plain"],
                       body: Array(String(repeating: "Corrupt member test \(i). ", count: 20).utf8))
        }
        var (gz, offsets) = F.gzipMembers(records)
        for k in (offsets[1] + 12)..<(offsets[1] + 40) { gz[k] ^= 0x5A }
        let path = IOSupport.tempDir() + "/corrupt.warc.gz"
        IOSupport.write(gz, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["c1", "c3"])
        #expect(r.problems.count == 1)
        #expect(r.problems.first?.origin == "\(path): record 2 at byte \(offsets[1])", "\(r.problems)")
        #expect(r.problems.first?.reason.hasPrefix("gzip data error") == true)
        #expect(r.articles.last?.origin?.line == 3)
    }

    @Test func wetConversionRecordsAreTextArticles() throws {
        let records = [
            F.record("warcinfo", id: "wi", contentType: "application/warc-fields", block: Array("isPartOf: CC\r\n".utf8)),
            F.record("conversion", id: "w1", uri: "https://w.example/1", contentType: "text/plain",
                     block: Array("标题\n正文第一段。\n正文第二段。".utf8), extra: ["WARC-Refers-To: <urn:uuid:x>"]),
            F.record("conversion", id: "w2", uri: "https://w.example/2", contentType: "text/plain", block: Array("   \n".utf8)),
            F.record("conversion", id: "w3", uri: "https://w.example/3", contentType: "text/plain",
                     block: Array("Bad byte: ".utf8) + [0xFF] + Array(" kept.".utf8)),
        ]
        let path = IOSupport.tempDir() + "/crawl.warc.wet.gz"
        IOSupport.write(F.gzipMembers(records).bytes, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["w1", "w3"])
        #expect(r.articles[0].text == "标题\n正文第一段。\n正文第二段。")
        #expect(r.articles[0].url == "https://w.example/1" && r.articles[0].publishedAt == F.date)
        #expect(r.articles[1].text == "Bad byte: \u{FFFD} kept." && r.articles[1].replacedSequences == 1)
        #expect(r.articles[0].replacedSequences == 0)
        #expect(r.skipped == ["warcinfo": 1, "no text": 1])
    }

    @Test func headerProblemsAreEscapedAndFramingGoesOn() throws {
        let bad = Array("WARC/1.1\r\nWARC-Type: response\r\nno colon \u{1B}[31m here\r\nContent-Length: 0\r\n\r\n\r\n\r\n".utf8)
        let noLength = Array("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: ten\r\n\r\n\r\n\r\n".utf8)
        let ok = F.record("conversion", id: "ok", uri: "https://h.example/", contentType: "text/plain", block: Array("Fine.".utf8), version: "1.1")
        let path = IOSupport.tempDir() + "/headers.warc"
        IOSupport.write(bad + noLength + ok, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["ok"])
        #expect(r.articles.first?.origin?.line == 3)
        #expect(r.problems.map(\.description) == [
            "\(path): record 1 at byte 0: malformed header line \"no colon \\u{1b}[31m here\"",
            "\(path): record 2 at byte \(bad.count): missing or bad Content-Length",
        ])
    }

    @Test func recordIdsAndTargetURIsLoseTheirBrackets() {
        var h = WARCHeader(version: "WARC/1.0")
        h.fields.append(name: "WARC-Record-ID", value: "<urn:uuid:ABC-123>")
        h.fields.append(name: "WARC-Target-URI", value: "<http://old.example/>")
        #expect(h.recordID == "ABC-123" && h.targetURI == "http://old.example/")
        var other = WARCHeader(version: "WARC/1.1")
        other.fields.append(name: "warc-record-id", value: "<urn:sha1:XYZ>")
        #expect(other.recordID == "urn:sha1:XYZ" && other.targetURI == nil)
    }

    @Test func dechunkLeavesUnchunkedBodiesAlone() {
        #expect(HTTPBody.dechunk(Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)) == Array("hello world".utf8))
        #expect(HTTPBody.dechunk(Array("<html>".utf8)) == nil)
        #expect(HTTPBody.dechunk(Array("a\r\n0123".utf8)) == Array("0123".utf8))  // truncated record
    }
}
