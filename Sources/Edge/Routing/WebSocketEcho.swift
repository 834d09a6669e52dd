import HTTP

/// An echo endpoint for the Autobahn|Testsuite only (`--ws-echo-path`, off by default):
/// every message comes back as it was sent, so the fuzzing client can drive the codec.
final class WebSocketEcho: WebSocketEndpoint {
    static func accept(_ exchange: HTTPExchange, state: EdgeState) {
        switch WebSocketUpgrade.answer(exchange.request) {
        case .refused(let response): exchange.respond(response)
        case .accepted(let upgrade): exchange.switchToWebSocket(upgrade) { _ in WebSocketEcho() }
        }
    }

    func received(text: [UInt8], on socket: WebSocketConnection) {
        socket.sendText(text)
    }

    func received(binary: [UInt8], on socket: WebSocketConnection) {
        socket.sendBinary(binary)
    }

    func socketClosed() {}

    func drain(_ socket: WebSocketConnection) {
        socket.close(.goingAway)
    }
}
