import HTTP
import Testing

/// Valid requests give the same result however the bytes are split.
struct HTTP1RequestParserSplitTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let wire: String
        let expected: [HTTPRequest]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "GET with query",
            wire: "GET /faye?message=%5B%7B%22channel%22%3A%22%2Fmeta%2Fhandshake%22%7D%5D&jsonp=__jsonp1__ HTTP/1.1\r\n"
                + "Host: example.com\r\nAccept: */*\r\nUser-Agent: test/1.0\r\n\r\n",
            expected: [.http11(
                .get,
                "/faye?message=%5B%7B%22channel%22%3A%22%2Fmeta%2Fhandshake%22%7D%5D&jsonp=__jsonp1__",
                [("Host", "example.com"), ("Accept", "*/*"), ("User-Agent", "test/1.0")]
            )]
        ),
        Case(
            name: "POST with Content-Length",
            wire: "POST /faye HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40\r\n\r\n[{\"channel\":\"/meta/connect\",\"id\":\"1\"}]\r\n",
            expected: [.http11(
                .post, "/faye",
                [("Host", "example.com"), ("Content-Type", "application/json"), ("Content-Length", "40")],
                body: "[{\"channel\":\"/meta/connect\",\"id\":\"1\"}]\r\n"
            )]
        ),
        Case(
            name: "chunked POST with extensions and trailers",
            wire: "POST /faye HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6 ; a=\"b c\" ;d\r\n world\r\nA\r\n, and more\r\n"
                + "0\r\nChecksum: abc\r\nOther-Trailer: 1\r\n\r\n",
            expected: [.http11(
                .post, "/faye", [("Host", "h"), ("Transfer-Encoding", "chunked")],
                body: "hello world, and more"
            )]
        ),
        Case(
            name: "HTTP/1.0 without and with keep-alive",
            wire: "GET /a HTTP/1.0\r\n\r\nGET /b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
            expected: [
                HTTPRequest(method: .get, target: "/a", version: .http1_0, headers: HTTPHeaders(), keepAlive: false),
                HTTPRequest(method: .get, target: "/b", version: .http1_0,
                            headers: HTTPHeaders([("Connection", "Keep-Alive")]), keepAlive: true),
            ]
        ),
        Case(
            name: "pipelined trio",
            wire: "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nxy\r\n0\r\n\r\n",
            expected: [
                .http11(.get, "/1", [("Host", "h")]),
                .http11(.post, "/2", [("Host", "h"), ("Content-Length", "3")], body: "abc"),
                .http11(.post, "/3", [("Host", "h"), ("Transfer-Encoding", "chunked"), ("Connection", "close")],
                        body: "xy", keepAlive: false),
            ]
        ),
        Case(
            name: "bare LF line endings and leading empty lines",
            wire: "\r\n\nGET / HTTP/1.1\nHost: h\nX:  spaced value \t\n\n\r\nPOST /p HTTP/1.1\nHost: h\nContent-Length: 1\n\nz",
            expected: [
                .http11(.get, "/", [("Host", "h"), ("X", "spaced value")]),
                .http11(.post, "/p", [("Host", "h"), ("Content-Length", "1")], body: "z"),
            ]
        ),
        Case(
            name: "WebSocket upgrade",
            wire: "GET /faye HTTP/1.1\r\nHost: h\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            expected: [.http11(
                .get, "/faye",
                [("Host", "h"), ("Upgrade", "WebSocket"), ("Connection", "keep-alive, Upgrade"),
                 ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Sec-WebSocket-Version", "13")],
                isUpgradeToWebSocket: true
            )]
        ),
    ]

    @Test(arguments: cases)
    func wholeInput(_ testCase: Case) {
        #expect(parse([bytes(testCase.wire)]) == ParseOutcome(requests: testCase.expected))
    }

    @Test(arguments: cases)
    func everySplitPoint(_ testCase: Case) {
        for pieces in everyTwoPieceSplit(bytes(testCase.wire)) {
            let outcome = parse(pieces)
            #expect(outcome == ParseOutcome(requests: testCase.expected), "split at \(pieces[0].count)")
        }
    }

    @Test(arguments: cases)
    func byteAtATime(_ testCase: Case) {
        #expect(parse(byteByByte(bytes(testCase.wire))) == ParseOutcome(requests: testCase.expected))
    }
}

/// Found by fuzzing: a request without a body whose head arrived in pieces must not leave
/// its scan position behind for the request after it.
@Test func scanPositionDoesNotLeakIntoTheNextRequest() {
    let longValue = String(repeating: "v", count: 100)
    let outcome = parse([
        bytes("GET /1 HTTP/1.1\r\nHost: h\r\nX-Long: \(longValue)\r\n"),
        bytes("\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n"),
    ])
    #expect(outcome == ParseOutcome(requests: [
        .http11(.get, "/1", [("Host", "h"), ("X-Long", longValue)]),
        .http11(.get, "/2", [("Host", "h")]),
    ]))
}
