import Bayeux
import HTTP
import IO
import Synchronization

/// Bayeux over one WebSocket (protocol.md §9): each text frame is a batch answered by
/// one frame; a `/meta/connect` binds the socket to its client, whose messages are
/// then pushed the moment they are published, each as its own `[message]` frame; the
/// connect reply itself waits out the hold, as Faye's does.
///
/// Bayeux calls the listener methods from any thread; they only touch `isWakePending`
/// and hop to the loop, where everything else happens, hence `@unchecked Sendable`.
final class BayeuxWebSocket: WebSocketEndpoint, BayeuxListener, LoopTask, @unchecked Sendable {
    private unowned let socket: WebSocketConnection
    private let loop: EventLoop
    private let state: EdgeState
    /// Every frame's batch is processed with the upgrade request's Origin.
    private let context: BayeuxRequestContext
    private let isWakePending = Atomic<Bool>(false)
    private var attachment: (any BayeuxAttachment)?
    /// A frame's replies waiting on its held connect.
    private var held: (reply: [UInt8], timer: Timer)?
    private var isClosed = false

    init(socket: WebSocketConnection, origin: String?, state: EdgeState) {
        self.socket = socket
        self.loop = socket.connection.loop
        self.context = BayeuxRequestContext(origin: origin, transport: .websocket)
        self.state = state
    }

    // MARK: frames from the client

    func received(text: [UInt8], on socket: WebSocketConnection) {
        guard let batch = try? BayeuxBatch.parse(text) else {
            // Faye logs and ignores a frame that is not a batch; the socket stays open.
            state.metrics.bayeuxBadMessages.increment()
            state.log.info("WebSocket frame is not a Bayeux batch", [("bytes", String(text.count))])
            return
        }
        let loop = self.loop
        state.bayeux.process(batch, context: context) { [self] result in
            loop.run { self.answer(result) }
        }
    }

    func received(binary: [UInt8], on socket: WebSocketConnection) {
        socket.close(.unsupportedData, reason: "Bayeux frames are text")
    }

    private func answer(_ result: BayeuxBatchResult) {
        guard !isClosed else { return }
        guard let connect = result.connect else {
            socket.sendText(BayeuxJSONReply.array(replies: result.replies))
            return
        }
        // A newer connect answers the one still held, then takes over.
        answerHeldConnect()
        guard let attachment = state.bayeux.attach(self, to: connect.clientId, mode: .push) else {
            socket.sendText(BayeuxJSONReply.array(replies: result.replies, connect: connect.reply))
            return
        }
        self.attachment = attachment
        // Messages queued before this connect go first, then the connect waits out its hold.
        pushQueued()
        let reply = BayeuxJSONReply.array(replies: result.replies, connect: connect.reply)
        guard connect.hold > 0 else {
            socket.sendText(reply)
            return
        }
        let timer = Timer { [unowned self] in self.answerHeldConnect() }
        held = (reply, timer)
        loop.schedule(timer, after: .nanoseconds(seconds: connect.hold))
    }

    private func answerHeldConnect() {
        guard let held else { return }
        self.held = nil
        loop.cancel(held.timer)
        socket.sendText(held.reply)
    }

    // MARK: deliveries

    private func pushQueued() {
        attachment?.drain { [self] deliveries in
            loop.run { self.push(deliveries) }
        }
    }

    private func push(_ deliveries: [BayeuxDelivery]) {
        guard !isClosed, !deliveries.isEmpty else { return }
        let socket = self.socket
        for delivery in deliveries { socket.sendTextWrappedInArray(delivery.json, sharedAs: delivery) }
        if socket.pendingOutputBytes > state.limits.maxPendingOutputBytes {
            socket.cutOff(reason: "\(socket.pendingOutputBytes) bytes unread, bound \(state.limits.maxPendingOutputBytes)")
        }
    }

    func messagesAvailable() {
        Wakeup.request(isWakePending, on: loop, task: self)
    }

    func runOnLoop() {
        Wakeup.acknowledge(isWakePending)
        pushQueued()
    }

    func clientClosed() {
        loop.run { [self] in
            guard !isClosed else { return }
            answerHeldConnect()
            attachment = nil
            // Disconnect or expiry closes the client's socket (protocol.md §3.5).
            socket.close(.normal)
        }
    }

    func replaced() {
        loop.run { [self] in
            // The client moved to another connection: this socket no longer carries it.
            attachment = nil
            answerHeldConnect()
        }
    }

    // MARK: socket lifecycle

    func socketClosed() {
        isClosed = true
        if let held { loop.cancel(held.timer) }
        held = nil
        attachment?.detach()
        attachment = nil
    }

    func drain(_ socket: WebSocketConnection) {
        answerHeldConnect()
        socket.close(.goingAway)
    }
}
