import Bayeux
import HTTP
import IO
import Synchronization

/// Faye's EventSource transport (protocol.md §10): `GET <mount>/<clientId>` with
/// `Accept: text/event-stream` opens a stream that carries the client's messages as
/// `data: [message]` events; everything the client sends still goes by long-poll POST.
///
/// Bayeux calls the listener methods from any thread; they hop to the loop, where
/// everything else happens, hence `@unchecked Sendable`.
final class EventSourceTransport: BayeuxListener, LoopTask, @unchecked Sendable {
    private let loop: EventLoop
    private let state: EdgeState
    private let exchange: HTTPExchange
    private let clientId: String
    private let isWakePending = Atomic<Bool>(false)
    private var isClosed = false
    private var attachment: (any BayeuxAttachment)?

    static func open(_ exchange: HTTPExchange, state: EdgeState) {
        // Faye takes the last path segment as the client id.
        let clientId = String(exchange.request.path.split(separator: "/").last ?? "")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/event-stream")
        headers.add("Cache-Control", "no-cache, no-store")
        headers.add("Connection", "close")
        exchange.startStream(status: 200, headers: headers, initialBody: Array("retry: 5000\r\n\r\n".utf8))
        let stream = EventSourceTransport(exchange: exchange, state: state, clientId: clientId)
        exchange.onAbandoned = { [stream] in stream.stop() }
        exchange.onDrain = { [stream] in stream.close() }
        guard let attachment = state.bayeux.attach(stream, to: clientId, mode: .push) else {
            stream.close()
            return
        }
        stream.attachment = attachment
        stream.drain()
    }

    private init(exchange: HTTPExchange, state: EdgeState, clientId: String) {
        self.loop = exchange.loop
        self.exchange = exchange
        self.state = state
        self.clientId = clientId
    }

    private func drain() {
        attachment?.drain { [self] deliveries in
            loop.run { self.write(deliveries) }
        }
    }

    private func write(_ deliveries: [BayeuxDelivery]) {
        guard !isClosed, !deliveries.isEmpty else { return }
        var events: [UInt8] = []
        events.reserveCapacity(deliveries.reduce(0) { $0 + $1.json.count + 12 })
        for delivery in deliveries {
            events += "data: [".utf8
            events += delivery.json
            events += "]\r\n\r\n".utf8
        }
        exchange.stream(events)
        if exchange.pendingOutputBytes > state.limits.maxPendingOutputBytes {
            state.metrics.slowReaderDisconnects.increment()
            state.log.info("slow reader disconnected", [("transport", "eventsource"), ("clientId", clientId)])
            stop()
            exchange.cutOff()
        }
    }

    /// The peer went away: stop taking this client's messages (they stay queued).
    private func stop() {
        guard !isClosed else { return }
        isClosed = true
        attachment?.detach()
        attachment = nil
    }

    private func close() {
        stop()
        exchange.close()
    }

    func messagesAvailable() {
        Wakeup.request(isWakePending, on: loop, task: self)
    }

    func runOnLoop() {
        Wakeup.acknowledge(isWakePending)
        guard !isClosed else { return }
        drain()
    }

    func clientClosed() {
        loop.run { [self] in close() }
    }

    func replaced() {
        loop.run { [self] in close() }
    }
}
