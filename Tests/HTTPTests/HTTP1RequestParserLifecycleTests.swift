import HTTP
import Testing

/// What the connection asks the parser between requests: is a request under way, may
/// buffers be dropped, what follows an upgrade, does the client wait for 100 Continue.
struct HTTP1RequestParserLifecycleTests {
    /// A reference around the parser, so expectations can call its mutating methods.
    private final class Connection {
        var parser = HTTP1RequestParser(limits: HTTP1Limits())

        func feed(_ text: String) { feed(bytes(text)) }
        func feed(_ raw: [UInt8]) { raw.withUnsafeBytes { parser.feed($0) } }
        func next() throws -> HTTPRequest? { try parser.next() }
        func takeBufferedBytes() -> [UInt8] { parser.takeBufferedBytes() }
        func takeContinueDue() -> Bool { parser.takeContinueDue() }
        var isIdle: Bool { parser.isIdle }
        var hasPartialRequest: Bool { parser.hasPartialRequest }
    }

    private let parser = Connection()

    private func feed(_ text: String) { parser.feed(text) }
    private func feed(_ raw: [UInt8]) { parser.feed(raw) }

    @Test func idleUntilBytesArriveAndAgainAfterTheRequest() throws {
        #expect(parser.isIdle)
        #expect(!parser.hasPartialRequest)
        feed("GET / HTTP/1.1\r\nHo")
        #expect(try parser.next() == nil)
        #expect(!parser.isIdle)
        #expect(parser.hasPartialRequest)
        feed("st: h\r\n\r\n")
        #expect(try parser.next()?.path == "/")
        #expect(parser.isIdle)
        #expect(!parser.hasPartialRequest)
    }

    @Test func aBodyUnderWayIsPartialEvenWithNothingBuffered() throws {
        feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab")
        #expect(try parser.next() == nil)
        #expect(parser.hasPartialRequest)
        #expect(!parser.isIdle)
        feed("cd")
        #expect(try parser.next()?.body == bytes("abcd"))
        #expect(parser.isIdle)
    }

    @Test func pipelinedRequestsComeOutOneAtATime() throws {
        feed("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HTTP/1.1\r\n")
        #expect(try parser.next()?.path == "/1")
        #expect(parser.hasPartialRequest)
        #expect(try parser.next()?.path == "/2")
        #expect(try parser.next() == nil)
        #expect(parser.hasPartialRequest)
        feed("Host: h\r\n\r\n")
        #expect(try parser.next()?.path == "/3")
        #expect(parser.isIdle)
    }

    @Test func emptyLinesBetweenRequestsLeaveTheParserIdle() throws {
        feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx\r\n")
        #expect(try parser.next()?.body == bytes("x"))
        #expect(try parser.next() == nil)
        #expect(parser.isIdle)
        #expect(!parser.hasPartialRequest)
    }

    @Test func bytesAfterAnUpgradeGoToTheNewProtocol() throws {
        let frame: [UInt8] = [0x81, 0x82, 0x01, 0x02, 0x03, 0x04, 0x69, 0x6B]
        feed(bytes("GET /faye HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n") + frame)
        let request = try parser.next()
        #expect(request?.isUpgradeToWebSocket == true)
        #expect(parser.takeBufferedBytes() == frame)
        #expect(parser.isIdle)
        #expect(parser.takeBufferedBytes() == [])
    }

    @Test func bytesAfterAnUpgradeFedSeparately() throws {
        feed("GET /faye HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
        #expect(try parser.next()?.isUpgradeToWebSocket == true)
        feed([0x88, 0x80])
        #expect(parser.takeBufferedBytes() == [0x88, 0x80])
    }

    @Test func continueIsDueOnceWhileTheBodyIsAwaited() throws {
        feed("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        #expect(try parser.next() == nil)
        #expect(parser.takeContinueDue())
        #expect(!parser.takeContinueDue())
        feed("ok")
        #expect(try parser.next()?.body == bytes("ok"))
        #expect(!parser.takeContinueDue())
    }

    @Test func continueIsNotDueWhenTheBodyAlreadyArrived() throws {
        feed("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nab")
        #expect(try parser.next() == nil)
        #expect(!parser.takeContinueDue())
    }

    @Test func continueIsNotDueForChunkedBodyOnceFramingArrived() throws {
        feed("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(try parser.next() == nil)
        feed("4\r\n")
        #expect(try parser.next() == nil)
        #expect(!parser.takeContinueDue())
    }

    @Test(arguments: [
        "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n",
    ])
    func continueIsNotDueWithoutAnExpectationOrBody(_ head: String) throws {
        feed(head)
        _ = try parser.next()
        #expect(!parser.takeContinueDue())
    }

    @Test func headerBytesThatAreNotUTF8AreRepaired() throws {
        feed(bytes("GET / HTTP/1.1\r\nHost: h\r\nX-Latin1: caf") + [0xE9] + bytes("\r\n\r\n"))
        #expect(try parser.next()?.headers[first: "X-Latin1"] == "caf\u{FFFD}")
    }
}
