/// One Bayeux client over a TLS WebSocket, as Faye's client does it over a socket:
/// handshake, subscribe, a first connect answered at once, then a connect re-sent each
/// time the server answers the held one. Deliveries are counted in the fleet's tallies.
///
/// Loop-confined.
final class SubscriberSession: WebSocketOwner {
    private enum Phase {
        case opening
        case handshaking
        case subscribing(clientId: String)
        case attaching(clientId: String)
        case subscribed(clientId: String)
        case closed
    }

    private unowned let fleet: SubscriberFleet
    private var socket: WebSocketClient<SubscriberSession>!
    private var phase = Phase.opening
    private var lastSeq: Int64 = -1
    private var nextMessageId = 3

    init(index: Int, fleet: SubscriberFleet) throws {
        self.fleet = fleet
        socket = try WebSocketClient(connection: index, origin: nil, environment: fleet.environment, owner: self)
    }

    var cipherName: String { socket.cipherName }

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
            phase = .subscribing(clientId: clientId)
            socket.sendText(BayeuxMessages.subscribe(clientId: clientId, channel: fleet.channel))
        case .subscribing(let clientId):
            guard ByteSearch.contains(BayeuxMessages.successfulTrue, in: text) else {
                socket.close("subscribe refused")
                return
            }
            phase = .attaching(clientId: clientId)
            sendConnect(clientId, immediate: true)
        case .attaching(let clientId):
            countDeliveries(in: text)
            guard ByteSearch.contains(BayeuxMessages.connectChannel, in: text) else { return }
            phase = .subscribed(clientId: clientId)
            fleet.sessionReady()
            sendConnect(clientId, immediate: false)
        case .subscribed(let clientId):
            countDeliveries(in: text)
            guard ByteSearch.contains(BayeuxMessages.connectChannel, in: text) else { return }
            if ByteSearch.contains(BayeuxMessages.successfulFalse, in: text) {
                socket.close("connect refused")
                return
            }
            sendConnect(clientId, immediate: false)
        case .opening, .closed:
            break
        }
    }

    private func countDeliveries(in text: UnsafeRawBufferPointer) {
        let now = RealtimeClock.now()
        DeliveryScanner.forEach(in: text) { delivery in
            fleet.tallies.record(delivery, at: now, lastSeq: &lastSeq)
        }
    }

    private func sendConnect(_ clientId: String, immediate: Bool) {
        socket.sendText(BayeuxMessages.connect(clientId: clientId, connectionType: "websocket", id: nextMessageId,
                                               immediate: immediate))
        nextMessageId += 1
    }

    func webSocketClosed(_ reason: String) {
        let wasReady: Bool
        switch phase {
        case .subscribed: wasReady = true
        case .opening, .handshaking, .subscribing, .attaching, .closed: wasReady = false
        }
        phase = .closed
        fleet.sessionClosed(reason, wasReady: wasReady)
    }
}
