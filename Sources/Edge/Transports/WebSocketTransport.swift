import HTTP

/// The WebSocket upgrade under FAYE_MOUNT: any path below the mount (Faye accepts them all).
enum WebSocketTransport {
    static func accept(_ exchange: HTTPExchange, state: EdgeState) {
        switch WebSocketUpgrade.answer(exchange.request) {
        case .refused(let response):
            state.metrics.httpBadRequests.increment()
            exchange.respond(response)
        case .accepted(let upgrade):
            // The Origin of the upgrade request is the one the token rule checks for every publish on the socket.
            let origin = exchange.request.headers[first: "Origin"]
            exchange.switchToWebSocket(upgrade) { socket in
                BayeuxWebSocket(socket: socket, origin: origin, state: state)
            }
        }
    }
}
