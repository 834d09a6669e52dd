import HTTP
import IO

/// One request being answered. HTTP/1.1 answers one at a time per connection; an
/// HTTP/2 stream will be another kind of exchange, and the router and transports
/// don't need to know which.
///
/// Loop-confined.
protocol HTTPExchange: AnyObject {
    var request: HTTPRequest { get }
    var loop: EventLoop { get }
    /// False once the peer has gone or the exchange was answered.
    var isOpen: Bool { get }
    /// Called once if the peer goes away before the answer (a held long-poll is then abandoned).
    var onAbandoned: (() -> Void)? { get set }
    /// Called on SIGTERM while the exchange is unanswered: a held long-poll answers now.
    var onDrain: (() -> Void)? { get set }
    /// Whether the request arrived over TLS (for redirects and the WebSocket URL).
    var isSecure: Bool { get }
    func respond(_ response: HTTPResponse)
    /// Starts an open-ended body (EventSource): the head now, then `stream(_:)` chunks.
    func startStream(status: Int, headers: HTTPHeaders, initialBody: [UInt8])
    func stream(_ bytes: [UInt8])
    /// Bytes queued to the peer and not yet written (slow-reader bound for streams).
    var pendingOutputBytes: Int { get }
    /// Ends the exchange and its connection once what is queued is written (a stream that must stop).
    func close()
    /// Drops the connection now, queued output included: a reader too slow for its stream.
    func cutOff()
    /// Answers `101 Switching Protocols` and runs `makeEndpoint`'s endpoint on the socket.
    func switchToWebSocket(_ upgrade: WebSocketUpgrade, makeEndpoint: (WebSocketConnection) -> WebSocketEndpoint)
}

extension HTTPResponse {
    /// A short plain-text answer: errors, /healthz, the 404 page.
    static func text(_ status: Int, _ body: String, headers extra: [(String, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; charset=utf-8")
        for (name, value) in extra { headers.add(name, value) }
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}
