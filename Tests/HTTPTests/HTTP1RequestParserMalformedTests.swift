import HTTP
import Testing

/// Each malformed request is refused with the status the peer must get, whether it
/// arrives whole or byte by byte.
struct HTTP1RequestParserMalformedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let wire: String
        let error: HTTP1ParseError
        var testDescription: String { name }

        init(_ name: String, _ wire: String, _ error: HTTP1ParseError) {
            self.name = name
            self.wire = wire
            self.error = error
        }

        init(_ name: String, _ wire: String, badRequest reason: String) {
            self.init(name, wire, .badRequest(reason))
        }
    }

    static let host = "Host: h\r\n"
    static let chunkedHead = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"

    static let cases: [Case] = [
        // Request line.
        Case("bad character in method", "GE(T / HTTP/1.1\r\n\(host)\r\n", badRequest: "invalid character in method"),
        Case("no method", " / HTTP/1.1\r\n\(host)\r\n", badRequest: "request line does not start with a method"),
        Case("missing version", "GET /\r\n\(host)\r\n", badRequest: "request line has no HTTP version"),
        Case("missing target", "GET\r\n\(host)\r\n", badRequest: "request line has no target"),
        Case("two spaces after method", "GET  / HTTP/1.1\r\n\(host)\r\n", badRequest: "empty request target"),
        Case("space inside target", "GET /a b HTTP/1.1\r\n\(host)\r\n", badRequest: "malformed HTTP version"),
        Case("trailing space after version", "GET / HTTP/1.1 \r\n\(host)\r\n", badRequest: "malformed HTTP version"),
        Case("lowercase protocol name", "GET / http/1.1\r\n\(host)\r\n", badRequest: "malformed HTTP version"),
        Case("HTTP/2.0 on the HTTP/1 parser", "GET / HTTP/2.0\r\n\(host)\r\n", .unsupportedVersion),
        Case("HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .unsupportedVersion),
        Case("HTTP/1.2", "GET / HTTP/1.2\r\n\(host)\r\n", .unsupportedVersion),
        Case("HTTP/0.9 style version", "GET / HTTP/0.9\r\n\(host)\r\n", .unsupportedVersion),
        Case("asterisk target on GET", "GET * HTTP/1.1\r\n\(host)\r\n", badRequest: "asterisk target outside OPTIONS"),
        Case("relative target", "GET faye HTTP/1.1\r\n\(host)\r\n",
             badRequest: "request target is neither a path nor an absolute http URI"),
        Case("absolute target without host", "GET http:///faye HTTP/1.1\r\n\(host)\r\n",
             badRequest: "absolute target without a host"),
        Case("NUL in target", "GET /a\u{0}b HTTP/1.1\r\n\(host)\r\n", badRequest: "invalid character in request target"),
        Case("non-ASCII in target", "GET /café HTTP/1.1\r\n\(host)\r\n", badRequest: "invalid character in request target"),
        Case("bare CR ending the request line", "GET / HTTP/1.1\rHost: h\r\n\r\n", badRequest: "malformed HTTP version"),

        // Header fields.
        Case("space before colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", badRequest: "whitespace between header name and colon"),
        Case("tab before colon", "GET / HTTP/1.1\r\n\(host)X-A\t: 1\r\n\r\n", badRequest: "whitespace between header name and colon"),
        Case("obs-fold", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n  continued\r\n\r\n",
             badRequest: "obsolete line folding in header section"),
        Case("bare CR in header value", "GET / HTTP/1.1\r\n\(host)X-A: a\rb\r\n\r\n", badRequest: "control character in header value"),
        Case("NUL in header value", "GET / HTTP/1.1\r\n\(host)X-A: a\u{0}b\r\n\r\n", badRequest: "NUL in header value"),
        Case("DEL in header value", "GET / HTTP/1.1\r\n\(host)X-A: a\u{7F}b\r\n\r\n", badRequest: "control character in header value"),
        Case("NUL in header name", "GET / HTTP/1.1\r\n\(host)X\u{0}A: 1\r\n\r\n", badRequest: "invalid character in header name"),
        Case("separator in header name", "GET / HTTP/1.1\r\n\(host)X@A: 1\r\n\r\n", badRequest: "invalid character in header name"),
        Case("header line without colon", "GET / HTTP/1.1\r\n\(host)X-A\r\n\r\n", badRequest: "header field without a colon"),
        Case("empty header name", "GET / HTTP/1.1\r\n\(host): 1\r\n\r\n", badRequest: "empty header name"),

        // Host.
        Case("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", badRequest: "missing Host header"),
        Case("two Host headers", "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", badRequest: "more than one Host header"),

        // Content-Length and Transfer-Encoding.
        Case("non-digit Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: 12a\r\n\r\n",
             badRequest: "Content-Length is not a decimal number"),
        Case("signed Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: +5\r\n\r\n",
             badRequest: "Content-Length is not a decimal number"),
        Case("empty Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: \r\n\r\n",
             badRequest: "Content-Length is not a decimal number"),
        Case("Content-Length list", "POST / HTTP/1.1\r\n\(host)Content-Length: 3, 3\r\n\r\nabc",
             badRequest: "Content-Length is not a decimal number"),
        Case("two different Content-Lengths", "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
             badRequest: "conflicting Content-Length values"),
        Case("Content-Length and Transfer-Encoding",
             "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
             badRequest: "both Transfer-Encoding and Content-Length"),
        Case("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
             badRequest: "Transfer-Encoding in an HTTP/1.0 request"),
        Case("chunked not last", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n",
             badRequest: "chunked is not the final transfer coding"),
        Case("only an unknown coding", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n",
             badRequest: "chunked is not the final transfer coding"),
        Case("empty Transfer-Encoding", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: ,\r\n\r\n",
             badRequest: "empty Transfer-Encoding"),
        Case("chunked twice", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
             badRequest: "chunked transfer coding applied twice"),
        Case("unknown coding before chunked", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n",
             .unsupportedTransferEncoding),

        // Chunked body.
        Case("bad chunk size", chunkedHead + "zz\r\n", badRequest: "chunk size is not a hex number"),
        Case("chunk size with junk", chunkedHead + "5x\r\nhello\r\n", badRequest: "chunk size is not a hex number"),
        Case("negative chunk size", chunkedHead + "-5\r\n", badRequest: "chunk size is not a hex number"),
        Case("chunk size overflow", chunkedHead + "10000000000000000\r\n", badRequest: "chunk size overflows"),
        Case("chunk longer than its size", chunkedHead + "3\r\nabcd\r\n0\r\n\r\n", badRequest: "chunk data longer than its size"),
        Case("control character in chunk extension", chunkedHead + "3;a\u{1}\r\nabc\r\n",
             badRequest: "control character in chunk extension"),
        Case("chunk size line too long", chunkedHead + "3;" + String(repeating: "x", count: 5000) + "\r\n",
             badRequest: "chunk size line too long"),
        Case("malformed trailer", chunkedHead + "0\r\nBad Trailer: 1\r\n\r\n",
             badRequest: "whitespace between header name and colon"),

        // Limits (defaults: 16 KiB head, 100 fields, 1 MiB body).
        Case("oversize header section",
             "GET / HTTP/1.1\r\n\(host)X-Big: " + String(repeating: "a", count: 17_000) + "\r\n\r\n", .headersTooLarge),
        Case("too many headers",
             "GET / HTTP/1.1\r\n\(host)" + (1...100).map { "X-\($0): 1\r\n" }.joined() + "\r\n", .headersTooLarge),
        Case("oversize body by Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: 1048577\r\n\r\n", .bodyTooLarge),
        Case("Content-Length beyond Int", "POST / HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n",
             .bodyTooLarge),
        Case("oversize body by one chunk", chunkedHead + "100001\r\n", .bodyTooLarge),
        Case("oversize body by the running total of chunks",
             chunkedHead + "80000\r\n" + String(repeating: "a", count: 0x80000) + "\r\n80001\r\n", .bodyTooLarge),
        Case("largest chunk size that fits an Int", chunkedHead + "7FFFFFFFFFFFFFFF\r\n", .bodyTooLarge),
        Case("oversize trailers", chunkedHead + "0\r\nX-T: " + String(repeating: "t", count: 17_000) + "\r\n\r\n",
             .headersTooLarge),
    ]

    @Test(arguments: cases)
    func wholeInput(_ testCase: Case) {
        let outcome = parse([bytes(testCase.wire)])
        #expect(outcome.requests.isEmpty)
        #expect(outcome.error == testCase.error)
    }

    @Test(arguments: cases)
    func byteAtATime(_ testCase: Case) {
        let outcome = parse(byteByByte(bytes(testCase.wire)))
        #expect(outcome.requests.isEmpty)
        #expect(outcome.error == testCase.error)
    }

    @Test func errorsMapToStatuses() {
        #expect(HTTP1ParseError.badRequest("x").status == 400)
        #expect(HTTP1ParseError.headersTooLarge.status == 431)
        #expect(HTTP1ParseError.bodyTooLarge.status == 413)
        #expect(HTTP1ParseError.unsupportedTransferEncoding.status == 501)
        #expect(HTTP1ParseError.unsupportedVersion.status == 505)
    }

    @Test func anErrorIsFinal() {
        var parser = HTTP1RequestParser(limits: HTTP1Limits())
        bytes("GET / HTTP/1.1\r\nHost : h\r\n\r\n").withUnsafeBytes { parser.feed($0) }
        let expected = HTTP1ParseError.badRequest("whitespace between header name and colon")
        #expect(throws: expected) { try parser.next() }
        bytes("GET / HTTP/1.1\r\nHost: h\r\n\r\n").withUnsafeBytes { parser.feed($0) }
        #expect(throws: expected) { try parser.next() }
        #expect(parser.isIdle)
        #expect(!parser.hasPartialRequest)
    }

    @Test func requestsBeforeTheBadOneAreDelivered() {
        let outcome = parse([bytes("GET /ok HTTP/1.1\r\nHost: h\r\n\r\nGET /bad HTTP/1.1\r\n\r\n")])
        #expect(outcome.requests.map(\.path) == ["/ok"])
        #expect(outcome.error == .badRequest("missing Host header"))
    }
}
