/// One Bayeux client over HTTP/1.1 long-polling on one keep-alive connection, with a
/// channel of its own: handshake, subscribe, a first connect answered at once, then a
/// held connect each time the last one is answered. Whenever it has no message on its
/// way, it asks the shared publisher for one, so each round trip is a held connect
/// answered because a message was published to this client's channel.
///
/// Loop-confined.
final class LongPollClient: HTTPClientOwner {
    private enum Phase {
        case opening
        case handshaking
        case subscribing(clientId: String)
        case attaching(clientId: String)
        case polling(clientId: String)
        case closed
    }

    let channel: String
    private unowned let fleet: LongPollFleet
    private var http: HTTPClient<LongPollClient>!
    private var phase = Phase.opening
    private var lastSeq: Int64 = -1
    private var nextSeq: Int64 = 0
    private var isMessagePending = false
    private var nextMessageId = 3

    init(index: Int, channel: String, fleet: LongPollFleet) throws {
        self.channel = channel
        self.fleet = fleet
        http = try HTTPClient(connection: index, environment: fleet.environment, owner: self)
    }

    func httpOpened() {
        phase = .handshaking
        http.post(json: BayeuxMessages.handshake(connectionType: "long-polling"))
    }

    func received(_ response: HTTPResponseReader.Response) {
        guard response.status == 200 else {
            http.close("HTTP \(response.status)")
            return
        }
        response.body.withUnsafeBytes { handle(body: $0) }
    }

    private func handle(body: UnsafeRawBufferPointer) {
        switch phase {
        case .handshaking:
            guard let clientId = ByteSearch.string(after: BayeuxMessages.clientIdKey, in: body) else {
                http.close("handshake refused")
                return
            }
            phase = .subscribing(clientId: clientId)
            http.post(json: BayeuxMessages.subscribe(clientId: clientId, channel: channel))
        case .subscribing(let clientId):
            guard ByteSearch.contains(BayeuxMessages.successfulTrue, in: body) else {
                http.close("subscribe refused")
                return
            }
            phase = .attaching(clientId: clientId)
            sendConnect(clientId, immediate: true)
        case .attaching(let clientId):
            phase = .polling(clientId: clientId)
            fleet.clientReady()
            poll(clientId)
        case .polling(let clientId):
            guard !ByteSearch.contains(BayeuxMessages.successfulFalse, in: body) else {
                http.close("connect refused")
                return
            }
            let now = RealtimeClock.now()
            var received = 0
            DeliveryScanner.forEach(in: body) { delivery in
                received += 1
                fleet.tallies.record(delivery, at: now, lastSeq: &lastSeq)
            }
            if received > 0 {
                isMessagePending = false
                fleet.roundTripCompleted()
            }
            poll(clientId)
        case .opening, .closed:
            break
        }
    }

    /// A held connect, and a message for it unless one is already on its way.
    private func poll(_ clientId: String) {
        sendConnect(clientId, immediate: false)
        guard !isMessagePending else { return }
        isMessagePending = true
        fleet.requestPublish(to: self, seq: nextSeq)
        nextSeq += 1
    }

    private func sendConnect(_ clientId: String, immediate: Bool) {
        http.post(json: BayeuxMessages.connect(clientId: clientId, connectionType: "long-polling", id: nextMessageId,
                                               immediate: immediate))
        nextMessageId += 1
    }

    func httpClosed(_ reason: String) {
        let wasReady: Bool
        switch phase {
        case .polling: wasReady = true
        case .opening, .handshaking, .subscribing, .attaching, .closed: wasReady = false
        }
        phase = .closed
        fleet.clientClosed(reason, wasReady: wasReady)
    }
}
