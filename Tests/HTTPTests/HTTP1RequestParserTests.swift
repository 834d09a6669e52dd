import HTTP
import Testing

/// Request semantics the split tests don't cover: limits at their edges, target forms,
/// keep-alive and upgrade detection.
struct HTTP1RequestParserTests {
    private func single(_ wire: String, limits: HTTP1Limits = HTTP1Limits()) -> HTTPRequest? {
        let outcome = parse([bytes(wire)], limits: limits)
        #expect(outcome.error == nil)
        #expect(outcome.requests.count == 1)
        return outcome.requests.first
    }

    @Test func headAtExactlyTheLimitIsAccepted() {
        let head = "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        let limits = HTTP1Limits(maxHeaderBytes: head.utf8.count)
        #expect(parse([bytes(head)], limits: limits).requests.count == 1)
        #expect(parse(byteByByte(bytes(head)), limits: limits).requests.count == 1)
        let longer = "GET / HTTP/1.1\r\nHost: hh\r\n\r\n"
        #expect(parse([bytes(longer)], limits: limits).error == .headersTooLarge)
        #expect(parse(byteByByte(bytes(longer)), limits: limits).error == .headersTooLarge)
    }

    @Test func fieldCountAtExactlyTheLimitIsAccepted() {
        let fields = (1...9).map { "X-\($0): v\r\n" }.joined()
        let limits = HTTP1Limits(maxHeaderCount: 10)
        #expect(parse([bytes("GET / HTTP/1.1\r\nHost: h\r\n\(fields)\r\n")], limits: limits).requests.count == 1)
        #expect(parse([bytes("GET / HTTP/1.1\r\nHost: h\r\n\(fields)X: 1\r\n\r\n")], limits: limits).error == .headersTooLarge)
    }

    @Test func bodyAtExactlyTheLimitIsAccepted() {
        let limits = HTTP1Limits(maxBodyBytes: 5)
        #expect(single("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello", limits: limits)?.body == bytes("hello"))
        #expect(parse([bytes("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 6\r\n\r\n")], limits: limits).error == .bodyTooLarge)
        let chunked = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(single(chunked + "2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n", limits: limits)?.body == bytes("hello"))
        #expect(parse([bytes(chunked + "2\r\nhe\r\n4\r\n")], limits: limits).error == .bodyTooLarge)
    }

    /// A client streaming header bytes is refused once it passes the limit, so the parser
    /// never holds much more than the limit plus one read.
    @Test func endlessHeadersAreRefusedAtTheLimit() throws {
        var parser = HTTP1RequestParser(limits: HTTP1Limits())
        let piece = bytes("X-Filler: " + String(repeating: "a", count: 4084) + "\r\n")
        var fed = 0
        bytes("GET / HTTP/1.1\r\n").withUnsafeBytes { parser.feed($0) }
        #expect(try parser.next() == nil)
        var refusal: HTTP1ParseError?
        while refusal == nil && fed < 10_000_000 {
            piece.withUnsafeBytes { parser.feed($0) }
            fed += piece.count
            do { _ = try parser.next() } catch { refusal = error }
        }
        #expect(refusal == .headersTooLarge)
        #expect(fed <= 16 * 1024 + piece.count)
        #expect(parser.isIdle)
    }

    @Test func declaredBodyBeyondTheLimitIsRefusedBeforeItArrives() throws {
        var parser = HTTP1RequestParser(limits: HTTP1Limits(maxBodyBytes: 1000))
        bytes("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10000000\r\n\r\n").withUnsafeBytes { parser.feed($0) }
        #expect(throws: HTTP1ParseError.bodyTooLarge) { try parser.next() }
    }

    @Test func emptyBodies() {
        #expect(single("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")?.body == [])
        #expect(single("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")?.body == [])
        #expect(single("POST / HTTP/1.1\r\nHost: h\r\n\r\n")?.body == [])
    }

    @Test func repeatedEqualContentLengthsAreOneLength() {
        let request = single("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\nabc")
        #expect(request?.body == bytes("abc"))
    }

    @Test func chunkedWithBareLineFeedsAndUppercaseHex() {
        let request = single("POST / HTTP/1.1\nHost: h\nTransfer-Encoding: Chunked\n\nA\n0123456789\n0\n\n")
        #expect(request?.body == bytes("0123456789"))
    }

    @Test func headerNamesKeepTheirSpellingAndValuesTheirBytes() {
        let request = single("GET / HTTP/1.1\r\nhOsT: h\r\nX-Name:\tcafé\u{80}\t \r\nX-Empty:\r\n\r\n")
        #expect(Array(request?.headers ?? HTTPHeaders()).map(\.name) == ["hOsT", "X-Name", "X-Empty"])
        #expect(request?.headers[first: "host"] == "h")
        #expect(request?.headers[first: "x-name"] == "café\u{80}")
        #expect(request?.headers[first: "X-EMPTY"] == "")
    }

    @Test func absoluteFormTargetGivesPathAndReplacesHost() {
        let request = single("GET http://example.com:8080/faye/x?a=b HTTP/1.1\r\nHost: other\r\n\r\n")
        #expect(request?.target == "http://example.com:8080/faye/x?a=b")
        #expect(request?.path == "/faye/x")
        #expect(request?.query == "a=b")
        #expect(request?.headers == HTTPHeaders([("Host", "example.com:8080")]))
    }

    @Test func asteriskFormForOptions() {
        let request = single("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(request?.method == .options)
        #expect(request?.path == "*")
        #expect(request?.query == nil)
    }

    @Test func authorityFormForConnect() {
        let request = single("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
        #expect(request?.method == .connect)
        #expect(request?.path == "example.com:443")
    }

    @Test func methodsAreCaseSensitiveTokens() {
        #expect(single("get / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .other("get"))
        #expect(single("PURGE / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .other("PURGE"))
        #expect(single("DELETE / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .delete)
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true),
        ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Upgrade, CLOSE\r\n", false),
        ("HTTP/1.1", "Connection: closed\r\n", true),
        ("HTTP/1.1", "Connection: keep-alive\r\nConnection: close\r\n", false),
        ("HTTP/1.0", "", false),
        ("HTTP/1.0", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: KEEP-ALIVE , te\r\n", true),
        ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
    ])
    func keepAlive(version: String, fields: String, expected: Bool) {
        #expect(single("GET / \(version)\r\nHost: h\r\n\(fields)\r\n")?.keepAlive == expected)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1", "Connection: Upgrade\r\nUpgrade: websocket\r\n", true),
        ("GET / HTTP/1.1", "connection: keep-alive,upgrade\r\nupgrade: WebSocket\r\n", true),
        ("GET / HTTP/1.1", "Connection: Upgrade\r\nUpgrade: h2c, websocket\r\n", true),
        ("GET / HTTP/1.1", "Upgrade: websocket\r\n", false),
        ("GET / HTTP/1.1", "Connection: Upgrade\r\n", false),
        ("GET / HTTP/1.1", "Connection: Upgrade\r\nUpgrade: h2c\r\n", false),
        ("GET / HTTP/1.1", "Connection: Upgraded\r\nUpgrade: websocket\r\n", false),
        ("POST / HTTP/1.1", "Connection: Upgrade\r\nUpgrade: websocket\r\n", false),
        ("GET / HTTP/1.0", "Connection: Upgrade\r\nUpgrade: websocket\r\n", false),
    ])
    func upgradeToWebSocket(requestLine: String, fields: String, expected: Bool) {
        #expect(single("\(requestLine)\r\nHost: h\r\n\(fields)\r\n")?.isUpgradeToWebSocket == expected)
    }
}
