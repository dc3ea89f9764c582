import Foundation
@testable import WinnowIO

/// WARC records, HTTP responses and gzip files built in code for the crawl reader tests.
enum CrawlFixtures {
    static let date = "2025-03-01T08:00:00Z"

    /// One WARC record: header, blank line, block, CR LF CR LF.
    static func record(_ type: String, id: String, uri: String? = nil, contentType: String? = nil, block: [UInt8],
                       extra: [String] = [], version: String = "1.0", length: Int? = nil) -> [UInt8] {
        var h = ["WARC/\(version)", "WARC-Type: \(type)", "WARC-Record-ID: <urn:uuid:\(id)>", "WARC-Date: \(date)"]
        if let uri { h.append("WARC-Target-URI: \(uri)") }
        if let contentType { h.append("Content-Type: \(contentType)") }
        h += extra
        h.append("Content-Length: \(length ?? block.count)")
        return Array((h.joined(separator: "\r\n") + "\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response: status line, headers, blank line, body.
    static func http(_ status: Int = 200, _ headers: [String], body: [UInt8]) -> [UInt8] {
        Array((["HTTP/1.1 \(status) X"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8) + body
    }

    /// A `response` record holding an HTTP response.
    static func response(id: String, uri: String, status: Int = 200, headers: [String], body: [UInt8]) -> [UInt8] {
        record("response", id: id, uri: uri, contentType: "application/http; msgtype=response",
               block: http(status, headers, body: body))
    }

    /// A small HTML page.
    static func page(_ title: String, _ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html><head>\(head)<title>\(title)</title></head><body><p>\(body)</p></body></html>"
    }

    /// A chunked transfer encoding of `body` in pieces of `size` bytes.
    static func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
        var out = [UInt8]()
        var i = 0
        while i < body.count {
            let n = min(size, body.count - i)
            out += Array((String(n, radix: 16) + ";ext=1\r\n").utf8) + body[i..<(i + n)] + Array("\r\n".utf8)
            i += n
        }
        return out + Array("0\r\n\r\n".utf8)
    }

    /// Each record as its own gzip member (the `.warc.gz` convention), with the member offsets.
    static func gzipMembers(_ records: [[UInt8]]) -> (bytes: [UInt8], offsets: [Int]) {
        var out = [UInt8](), offsets = [Int]()
        for r in records {
            offsets.append(out.count)
            out += Gzip.deflate(r)
        }
        return (out, offsets)
    }

    /// A text in a legacy charset.
    static func encoded(_ text: String, _ charset: String) -> [UInt8] {
        CharsetDecoder.encode(text, encoding: charset) ?? []
    }

    /// Chinese news prose, long enough for charset detection.
    static let chineseNews = """
    新华社北京三月一日电 国家统计局今天发布数据显示，今年一月份全国规模以上工业增加值同比增长百分之六点八，\
    比上月加快零点五个百分点。从环比看，一月份规模以上工业增加值比上月增长百分之零点五。分三大门类看，\
    采矿业增加值同比增长百分之四点二，制造业增长百分之七点一，电力、热力、燃气及水生产和供应业增长百分之五点九。\
    国家统计局新闻发言人表示，总的来看，一月份国民经济延续恢复向好态势，生产需求稳步回升，就业物价总体稳定，\
    市场预期持续改善，经济发展质量效益不断提升。但也要看到，外部环境依然复杂严峻，国内需求仍显不足。
    """
}
