/// A Bayeux publisher over a TLS WebSocket: upgrade (with the publisher's Origin),
/// handshake, then publishes on demand, counting the server's acknowledgements. It
/// subscribes to nothing, so its own messages never come back to it, but it keeps a
/// `/meta/connect` going as Faye's client does: Faye expires a client that never
/// connects, and with it the socket.
///
/// Loop-confined.
final class PublisherSession: WebSocketOwner {
    private enum Phase {
        case opening
        case handshaking
        case publishing(clientId: String)
        case closed(reason: String)
    }

    private var socket: WebSocketClient<PublisherSession>!
    private var phase = Phase.opening
    private let credentials: PublisherCredentials
    private let ready: () -> Void
    private let acknowledged: () -> Void
    private let closed: () -> Void
    private(set) var sent = 0
    private(set) var accepted = 0
    private(set) var refused = 0
    private(set) var firstRefusal: String?
    private var nextConnectId = 3

    init(environment: ClientEnvironment, credentials: PublisherCredentials, ready: @escaping () -> Void,
         acknowledged: @escaping () -> Void, closed: @escaping () -> Void) throws {
        self.credentials = credentials
        self.ready = ready
        self.acknowledged = acknowledged
        self.closed = closed
        socket = try WebSocketClient(connection: 0, origin: credentials.origin, environment: environment, owner: self)
    }

    var closeReason: String? {
        if case .closed(let reason) = phase { return reason }
        return nil
    }

    var outstanding: Int { sent - accepted - refused }

    /// Queues one publish stamped now; it leaves with the others queued in this loop pass.
    func publish(channel: String, seq: Int64) {
        guard case .publishing(let clientId) = phase else { return }
        socket.sendText(BayeuxMessages.publish(channel: channel, clientId: clientId, sentAt: RealtimeClock.now(), seq: seq,
                                               credentials: credentials))
        sent += 1
    }

    func webSocketOpened() {
        phase = .handshaking
        socket.sendText(BayeuxMessages.handshake(connectionType: "websocket"))
    }

    func received(text: UnsafeRawBufferPointer) {
        switch phase {
        case .handshaking:
            guard let clientId = ByteSearch.string(after: BayeuxMessages.clientIdKey, in: text) else {
                socket.close("handshake refused")
                return
            }
            phase = .publishing(clientId: clientId)
            sendConnect(clientId, immediate: true)
            ready()
        case .publishing(let clientId):
            // One message per frame each way, so a frame is either a connect reply or acknowledgements.
            if ByteSearch.contains(BayeuxMessages.connectChannel, in: text) {
                sendConnect(clientId, immediate: false)
            } else {
                countReplies(in: text)
            }
        case .opening, .closed:
            break
        }
    }

    private func sendConnect(_ clientId: String, immediate: Bool) {
        socket.sendText(BayeuxMessages.connect(clientId: clientId, connectionType: "websocket", id: nextConnectId,
                                               immediate: immediate))
        nextConnectId += 1
    }

    private static let successfulKey = Array("\"successful\":".utf8)

    private func countReplies(in text: UnsafeRawBufferPointer) {
        var position = 0
        while let hit = ByteSearch.find(Self.successfulKey, in: text, from: position) {
            position = hit + Self.successfulKey.count
            if position < text.count, text[position] == UInt8(ascii: "t") {
                accepted += 1
            } else {
                refused += 1
                if firstRefusal == nil { firstRefusal = String(decoding: text.prefix(300), as: UTF8.self) }
            }
            acknowledged()
        }
    }

    func webSocketClosed(_ reason: String) {
        phase = .closed(reason: reason)
        closed()
    }
}
