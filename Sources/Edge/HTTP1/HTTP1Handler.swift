import HTTP
import IO

/// HTTP/1.1 on one connection: parse, route, answer in order. A request is answered
/// before the next pipelined one is looked at, so a held long-poll simply holds the
/// requests behind it, as RFC 9112 wants.
///
/// Loop-confined.
final class HTTP1Handler: ConnectionHandler {
    /// `unowned(unsafe)`: the connection owns this handler and outlives every call to it.
    unowned(unsafe) let connection: Connection
    private var parser: HTTP1RequestParser
    private var current: HTTP1Exchange?
    private var isWaitingForRequestDeadline = false
    private var isDraining = false
    /// Set when a request switched protocols: the handler hands over and stops.
    private var isUpgraded = false
    /// Counted among FAYE_MAX_PERSISTENT_CONNECTIONS: open, waiting for a request.
    private var isCountedIdle = false

    init(connection: Connection) {
        self.connection = connection
        var limits = HTTP1Limits()
        limits.maxBodyBytes = connection.loopContext.shared.limits.maxMessageBytes
        parser = HTTP1RequestParser(limits: limits)
        // Not yet a persistent connection: no FAYE_MAX_PERSISTENT_CONNECTIONS slot until a request is answered.
        connection.setDeadline(after: connection.loopContext.shared.limits.keepAliveDeadline, reason: "no request")
    }

    func received(_ bytes: UnsafeRawBufferPointer) {
        leaveIdle()
        parser.feed(bytes)
        serveNext()
    }

    /// Answers every complete request that is not waiting behind an unanswered one.
    func serveNext() {
        while current == nil && !isUpgraded && !connection.isClosed {
            let request: HTTPRequest
            do {
                guard let next = try parser.next() else { break }
                request = next
            } catch {
                refuse(error)
                return
            }
            isWaitingForRequestDeadline = false
            leaveIdle()
            connection.cancelDeadline()
            let exchange = HTTP1Exchange(handler: self, request: request)
            current = exchange
            connection.loopContext.shared.metrics.httpRequests.increment()
            Router.route(exchange, port: connection.port, state: connection.loopContext.shared)
        }
        guard current == nil, !isUpgraded, !connection.isClosed else { return }
        if parser.takeContinueDue() {
            connection.withOutput { HTTP1ResponseWriter.writeHead(status: 100, headers: HTTPHeaders(), into: &$0) }
        }
        if parser.hasPartialRequest {
            // Slowloris: the whole request must arrive within the limit, counted from its first byte.
            if !isWaitingForRequestDeadline {
                isWaitingForRequestDeadline = true
                connection.setDeadline(after: connection.loopContext.shared.limits.requestDeadline, reason: "request incomplete") { [unowned self] in
                    self.finish(with: .text(408, "Request Timeout\n"), keepAlive: false)
                }
            }
        } else {
            armIdleDeadline()
        }
    }

    private func armIdleDeadline() {
        let state = connection.loopContext.shared
        guard takeIdleSlot() else {
            // Past FAYE_MAX_PERSISTENT_CONNECTIONS: finish instead of waiting idle.
            connection.closeAfterFlush()
            return
        }
        if isDraining {
            connection.closeAfterFlush()
            return
        }
        connection.setDeadline(after: state.limits.keepAliveDeadline, reason: "keep-alive idle")
    }

    private func takeIdleSlot() -> Bool {
        if !isCountedIdle {
            guard connection.loopContext.shared.enterIdleKeepAlive() else { return false }
            isCountedIdle = true
        }
        return true
    }

    private func leaveIdle() {
        guard isCountedIdle else { return }
        isCountedIdle = false
        connection.loopContext.shared.leaveIdleKeepAlive()
    }

    private func refuse(_ error: HTTP1ParseError) {
        connection.loopContext.shared.metrics.httpBadRequests.increment()
        connection.loopContext.shared.log.info("bad HTTP request", [("status", String(error.status)), ("reason", "\(error)")])
        finish(with: .text(error.status, "\(HTTPStatus.reason(error.status))\n"), keepAlive: false)
    }

    /// Writes a response; then the next pipelined request, or close.
    func finish(with response: HTTPResponse, keepAlive requested: Bool) {
        var response = response
        let state = connection.loopContext.shared
        // The idle slot is taken before the answer is written, so the answer can say
        // `Connection: close` when FAYE_MAX_PERSISTENT_CONNECTIONS are all in use.
        let keepAlive = requested && !isDraining && !state.isDraining && takeIdleSlot()
        if !keepAlive { response.headers.replaceOrAdd("Connection", "close") }
        current = nil
        connection.withOutput { HTTP1ResponseWriter.write(response, into: &$0) }
        if keepAlive {
            serveNext()
        } else {
            // An error reply may leave part of its request unread.
            connection.closeAfterFlush(lingering: response.status >= 400)
        }
    }

    /// After `101 Switching Protocols`: the rest of the bytes belong to `next`.
    func upgrade(to next: ConnectionHandler, response: HTTPResponse) {
        leaveIdle()
        current = nil
        isUpgraded = true
        connection.withOutput { HTTP1ResponseWriter.write(response, into: &$0) }
        let leftover = parser.takeBufferedBytes()
        connection.handler = next
        if !leftover.isEmpty {
            leftover.withUnsafeBytes { next.received($0) }
        }
    }

    /// An EventSource stream owns the connection from its head on.
    func startStream(head: HTTPResponse) {
        isUpgraded = true
        connection.cancelDeadline()
        connection.withOutput { HTTP1ResponseWriter.writeHead(status: head.status, headers: head.headers, into: &$0) }
        if !head.body.isEmpty { connection.send(head.body) }
    }

    func connectionClosed() {
        leaveIdle()
        let exchange = current
        current = nil
        exchange?.abandon()
    }

    func drain() {
        isDraining = true
        if current == nil { connection.closeAfterFlush() }
        current?.drainRequested()
    }
}
