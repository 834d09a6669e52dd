import HTTP
import IO

/// The request an HTTP/1.1 connection is answering now.
///
/// Loop-confined.
final class HTTP1Exchange: HTTPExchange {
    let request: HTTPRequest
    private unowned let handler: HTTP1Handler
    private(set) var isOpen = true
    private var isStreaming = false
    var onAbandoned: (() -> Void)?
    /// Set by a transport that holds the request (long-poll) and must answer early on SIGTERM.
    var onDrain: (() -> Void)?

    init(handler: HTTP1Handler, request: HTTPRequest) {
        self.handler = handler
        self.request = request
    }

    var loop: EventLoop { handler.connection.loop }
    var isSecure: Bool { handler.connection.port == .secure }
    var pendingOutputBytes: Int { handler.connection.pendingOutputBytes }

    func respond(_ response: HTTPResponse) {
        guard isOpen, !isStreaming else { return }
        isOpen = false
        onAbandoned = nil
        handler.finish(with: response, keepAlive: request.keepAlive)
    }

    func startStream(status: Int, headers: HTTPHeaders, initialBody: [UInt8]) {
        guard isOpen, !isStreaming else { return }
        isStreaming = true
        handler.startStream(head: HTTPResponse(status: status, headers: headers, body: initialBody))
    }

    func stream(_ bytes: [UInt8]) {
        guard isOpen, isStreaming else { return }
        handler.connection.send(bytes)
    }

    func close() {
        guard isOpen else { return }
        handler.connection.closeAfterFlush()
    }

    func cutOff() {
        guard isOpen else { return }
        handler.connection.close()
    }

    func switchToWebSocket(_ upgrade: WebSocketUpgrade, makeEndpoint: (WebSocketConnection) -> WebSocketEndpoint) {
        guard isOpen, !isStreaming else { return }
        isOpen = false
        let connection = handler.connection
        let socket = WebSocketConnection(connection: connection, deflate: upgrade.deflate,
                                         maxMessageSize: connection.loopContext.shared.limits.maxMessageBytes)
        socket.endpoint = makeEndpoint(socket)
        handler.upgrade(to: socket, response: upgrade.response)
    }

    /// The peer went away (or the connection was closed) before the answer.
    func abandon() {
        guard isOpen else { return }
        isOpen = false
        let action = onAbandoned
        onAbandoned = nil
        action?()
    }

    func drainRequested() {
        onDrain?()
    }
}
