import HTTP
import Testing

/// Serializer output, byte for byte.
struct HTTP1ResponseWriterTests {
    private func written(_ response: HTTPResponse) -> String {
        var buffer: [UInt8] = []
        HTTP1ResponseWriter.write(response, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func addsContentLength() {
        let response = HTTPResponse(
            status: 200,
            headers: HTTPHeaders([
                ("Content-Type", "application/json; charset=utf-8"),
                ("Cache-Control", "no-cache, no-store"),
            ]),
            body: bytes("[{\"successful\":true}]")
        )
        #expect(written(response) == "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json; charset=utf-8\r\n"
            + "Cache-Control: no-cache, no-store\r\n"
            + "Content-Length: 21\r\n"
            + "\r\n"
            + "[{\"successful\":true}]")
    }

    @Test func emptyBodyGetsContentLengthZero() {
        #expect(written(HTTPResponse(status: 404)) == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func keepsTheCallersContentLength() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("content-length", "1234")]))
        #expect(written(response) == "HTTP/1.1 200 OK\r\ncontent-length: 1234\r\n\r\n")
    }

    @Test func longBodyLength() {
        let response = HTTPResponse(status: 200, body: Array(repeating: 0x61, count: 1_048_576))
        #expect(written(response).hasPrefix("HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\n\r\naaa"))
    }

    @Test func noContentLengthWhereContentIsForbidden() {
        #expect(written(HTTPResponse(status: 204)) == "HTTP/1.1 204 No Content\r\n\r\n")
        #expect(written(HTTPResponse(status: 304, headers: HTTPHeaders([("ETag", "abc")])))
            == "HTTP/1.1 304 Not Modified\r\nETag: abc\r\n\r\n")
        let switching = HTTPResponse(status: 101, headers: HTTPHeaders([
            ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        ]))
        #expect(written(switching) == "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
    }

    @Test func noContentLengthBesideTransferEncoding() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("Transfer-Encoding", "chunked")]),
                                    body: bytes("0\r\n\r\n"))
        #expect(written(response) == "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    }

    @Test func unknownStatusHasAnEmptyReason() {
        #expect(written(HTTPResponse(status: 599)) == "HTTP/1.1 599 \r\nContent-Length: 0\r\n\r\n")
    }

    @Test func lineBreaksInFieldsCannotSplitTheResponse() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([
            ("Access-Control-Allow-Origin", "http://a\r\nSet-Cookie: x=1"),
            ("X\n", "nul\u{0}"),
        ]))
        #expect(written(response) == "HTTP/1.1 200 OK\r\n"
            + "Access-Control-Allow-Origin: http://a  Set-Cookie: x=1\r\n"
            + "X : nul \r\nContent-Length: 0\r\n\r\n")
    }

    @Test func appendsAfterWhatTheBufferHolds() {
        var buffer = bytes("previous")
        HTTP1ResponseWriter.write(HTTPResponse(status: 200, body: bytes("a")), into: &buffer)
        HTTP1ResponseWriter.write(HTTPResponse(status: 200, body: bytes("b")), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "previous"
            + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
            + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb")
    }

    /// The EventSource head of the protocol notes, section 10.
    @Test func headOnlyForStreams() {
        var buffer: [UInt8] = []
        HTTP1ResponseWriter.writeHead(status: 200, headers: HTTPHeaders([
            ("Content-Type", "text/event-stream"),
            ("Cache-Control", "no-cache, no-store"),
            ("Connection", "close"),
        ]), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache, no-store\r\nConnection: close\r\n\r\n")
    }

    @Test func continueHead() {
        var buffer: [UInt8] = []
        HTTP1ResponseWriter.writeHead(status: 100, headers: HTTPHeaders(), into: &buffer)
        #expect(buffer == bytes("HTTP/1.1 100 Continue\r\n\r\n"))
    }
}
