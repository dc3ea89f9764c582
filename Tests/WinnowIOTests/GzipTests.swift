import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct GzipTests {
    typealias F = CrawlFixtures

    func inflate(_ bytes: [UInt8], _ format: Inflater.Format = .gzip, limit: Int = 1 << 30) -> ([UInt8], InflateFailure?) {
        let (out, failure) = bytes.withUnsafeBytes { Gzip.inflate($0, format: format, limit: limit) }
        return (out, failure)
    }

    @Test func roundTripsEveryFormatAndConcatenatedMembers() {
        let text = Array(String(repeating: "压缩 compress ", count: 500).utf8)
        for format in [Inflater.Format.gzip, .zlib, .raw] {
            let (out, failure) = inflate(Gzip.deflate(text, format: format), format)
            #expect(out == text && failure == nil)
        }
        // Members back to back, then zero padding: one stream of both texts.
        let two = Gzip.deflate(Array("first ".utf8)) + Gzip.deflate(Array("second".utf8)) + [0, 0, 0, 0]
        #expect(inflate(two).0 == Array("first second".utf8) && inflate(two).1 == nil)
        #expect(inflate(Gzip.deflate([])).0 == [])
        #expect(Gzip.deflate(text).withUnsafeBytes(Gzip.hasMagic))
        #expect(Gzip.deflate(text, format: .zlib).withUnsafeBytes(Gzip.hasZlibHeader))
    }

    @Test func truncatedAndCorruptStreamsSayWhere() {
        let first = Gzip.deflate(Array("one".utf8))
        let second = Gzip.deflate(Array(String(repeating: "two ", count: 100).utf8))
        let (out, failure) = inflate(first + second.prefix(second.count / 2))
        #expect(out.starts(with: Array("one".utf8)))
        #expect(failure == InflateFailure(message: "the data ends inside a gzip stream (truncated)", offset: first.count))
        var bad = first + second
        bad[bad.count - 3] ^= 0xFF  // the length in the trailer
        #expect(inflate(bad).1?.message.hasPrefix("gzip data error") == true)
        #expect(inflate(first + [0x42, 0x42]).1 == InflateFailure(message: "bytes after a gzip member are not gzip", offset: first.count))
    }

    @Test func anEndlessLineStopsAtTheRecordLimit() {
        let text = Array("first line\nsecond line\n".utf8) + [UInt8](repeating: 0x61, count: 5 << 20)
        let (out, failure) = Gzip.deflate(text, level: 9).withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: 1 << 30, maxLine: 1 << 20) }
        #expect(out == Array("first line\nsecond line\n".utf8))
        #expect(failure?.overLimit == true)
        #expect(failure?.message == "a line inflates to more than the per-record limit of 1048576 bytes (a decompression bomb?)")
        // Many short lines are fine however many bytes they add up to.
        let lines = Array(String(repeating: "a short line\n", count: 200_000).utf8)
        let (all, none) = Gzip.deflate(lines).withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: 1 << 30, maxLine: 64) }
        #expect(all == lines && none == nil)
    }

    /// Inflated a block of whole lines at a time: the blocks and what is returned make the whole,
    /// each block ends with a line, and the limits cut where they cut without blocks.
    @Test func blocksOfWholeLinesMakeTheWhole() {
        let lines = Array((0..<50_000).map { "line \($0) " + String(repeating: "x", count: $0 % 37) + "\n" }.joined().utf8)
        let gz = Gzip.deflate(lines) + Gzip.deflate(Array("last line without a newline".utf8))
        var blocks: [[UInt8]] = []
        let (rest, failure) = gz.withUnsafeBytes {
            Gzip.inflate($0, format: .gzip, limit: 1 << 30, maxLine: 1 << 10, block: 64 << 10) { lines, _ in blocks.append(Array(lines)) }
        }
        #expect(failure == nil && blocks.count > 10)
        #expect(blocks.allSatisfy { $0.count >= 64 << 10 && $0.last == 0x0A })
        #expect(blocks.joined() + rest == lines + Array("last line without a newline".utf8))
        for limit in [100_000, 300_001] {
            let whole = gz.withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: limit, maxLine: 1 << 10) }
            var parts: [UInt8] = []
            let cut = gz.withUnsafeBytes {
                Gzip.inflate($0, format: .gzip, limit: limit, maxLine: 1 << 10, block: 64 << 10) { lines, _ in parts += Array(lines) }
            }
            #expect(parts + cut.bytes == whole.bytes && cut.failure == whole.failure && whole.failure?.overLimit == true)
        }
    }

    @Test func decompressionBombIsCapped() throws {
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        let bomb = Gzip.deflate(zeros, level: 9)
        #expect(bomb.count < 64 << 10)
        let (out, failure) = inflate(bomb, limit: 1 << 20)
        #expect(out.count == 1 << 20)
        #expect(failure?.overLimit == true)
        #expect(failure?.message == "inflates to more than the limit of 1048576 bytes (a decompression bomb?)")

        // The same bomb as a .txt.gz file, and as a gzip-encoded WARC payload: reported, not read.
        var reader = InputReader()
        reader.limits.maxRecordBytes = 1 << 20
        let dir = IOSupport.tempDir()
        IOSupport.write(bomb, to: dir + "/bomb.txt.gz")
        let r = try reader.read([dir + "/bomb.txt.gz"])
        #expect(r.articles.isEmpty)
        #expect(r.problems.map(\.description) == ["\(dir)/bomb.txt.gz: at byte 0: inflates to more than the limit of 1048576 bytes (a decompression bomb?)"])

        let records = [
            F.response(id: "bomb", uri: "https://b.example/", headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: bomb),
            F.response(id: "after", uri: "https://b.example/2", headers: ["Content-Type: text/plain"], body: Array("Still read.".utf8)),
        ]
        let (gz, offsets) = F.gzipMembers(records)
        IOSupport.write(gz, to: dir + "/bomb.warc.gz")
        let w = try reader.read([dir + "/bomb.warc.gz"])
        #expect(w.articles.map(\.id) == ["after"])
        #expect(w.problems.map(\.description) == ["\(dir)/bomb.warc.gz: record 1 at byte \(offsets[0]): payload inflates to more than the limit of 1048576 bytes (a decompression bomb?)"])

        // A WARC record whose block alone is over the limit is streamed past, not held: a problem
        // when it is a page, a count when its HTTP head says it is a video (or a 404).
        let huge = F.record("conversion", id: "huge", uri: "https://b.example/3", contentType: "text/plain", block: zeros)
        let video = F.response(id: "video", uri: "https://b.example/v.mp4", headers: ["Content-Type: video/mp4"], body: zeros)
        let missing = F.response(id: "404", uri: "https://b.example/gone", status: 404, headers: ["Content-Type: text/html"], body: zeros)
        let page = F.response(id: "page", uri: "https://b.example/big", headers: ["Content-Type: text/html"], body: zeros)
        let (gz2, offsets2) = F.gzipMembers([huge, video, missing, page, records[1]])
        IOSupport.write(gz2, to: dir + "/huge.warc.gz")
        let h = try reader.read([dir + "/huge.warc.gz"])
        #expect(h.articles.map(\.id) == ["after"])
        #expect(h.skipped == ["non-text payload": 1, "non-2xx status": 1])
        let over = F.http(200, ["Content-Type: text/html"], body: zeros).count
        #expect(h.problems.map(\.description) == [
            "\(dir)/huge.warc.gz: record 1 at byte \(offsets2[0]): the record is \(zeros.count) bytes, more than the per-record limit of 1048576 bytes",
            "\(dir)/huge.warc.gz: record 4 at byte \(offsets2[3]): the record is \(over) bytes, more than the per-record limit of 1048576 bytes",
        ])
    }

    @Test func gzippedJSONLTextMarkdownAndHTMLAreRead() throws {
        let dir = IOSupport.tempDir()
        let jsonl = Array("{\"id\": \"j1\", \"text\": \"第一\"}\n{\"id\": \"j2\", \"text\": \"second\"}\n".utf8)
        IOSupport.write(Gzip.deflate(Array(jsonl[..<20])) + Gzip.deflate(Array(jsonl[20...])), to: dir + "/a.jsonl.gz")
        IOSupport.write(Gzip.deflate(Array("Plain story.".utf8)), to: dir + "/b.txt.gz")
        IOSupport.write(Gzip.deflate(Array("# Heading\nBody.".utf8)), to: dir + "/c.md.gz")
        IOSupport.write(Gzip.deflate(Array(F.page("T", "HTML body.").utf8)), to: dir + "/d.html.gz")
        IOSupport.write(Gzip.deflate(Array(F.page("T", "HTM body.").utf8)), to: dir + "/e.htm")  // gzip bytes, plain name
        let r = try InputReader().read([dir])
        #expect(r.articles.map(\.id) == ["j1", "j2", "b.txt.gz", "c.md.gz", "d.html.gz", "e.htm"])
        #expect(r.articles[0].text == "第一" && r.articles[0].origin == RecordOrigin(file: dir + "/a.jsonl.gz", line: 1))
        #expect(r.articles[2].text == "Plain story." && r.articles[3].text == "# Heading\nBody.")
        #expect(r.articles[4].text.contains("HTML body.") && r.articles[5].text.contains("HTM body."))
        #expect(r.problems.isEmpty)

        // A .jsonl file that is really gzip, given directly; and a truncated .jsonl.gz keeps its whole lines.
        IOSupport.write(Gzip.deflate(jsonl), to: dir + "/plain-name.jsonl")
        #expect(try InputReader().read([dir + "/plain-name.jsonl"]).articles.map(\.id) == ["j1", "j2"])
        let full = Gzip.deflate(jsonl, level: 0)
        IOSupport.write(Array(full[..<(full.count - 20)]), to: dir + "/cut.jsonl.gz")
        let cut = try InputReader().read([dir + "/cut.jsonl.gz"])
        #expect(cut.articles.map(\.id) == ["j1"])
        #expect(cut.problems.map(\.description) == ["\(dir)/cut.jsonl.gz: at byte 0: the data ends inside a gzip stream (truncated); the lines before it were read"])
    }
}
