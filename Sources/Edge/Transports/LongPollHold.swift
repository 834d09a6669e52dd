import Bayeux
import HTTP
import IO
import Synchronization

/// A long-poll batch waiting on its `/meta/connect`: answered when messages arrive
/// (gathering everything published in the same loop pass), when the hold time ends,
/// when a newer connect takes over, when the client is destroyed, or at SIGTERM.
///
/// Bayeux calls the listener methods from any thread; they only touch `isWakePending`
/// and hop to the loop. Everything else runs on the loop that owns the exchange, which
/// is why the type can be `@unchecked Sendable`.
final class LongPollHold: BayeuxListener, LoopTask, @unchecked Sendable {
    private let loop: EventLoop
    private let state: EdgeState
    private let exchange: HTTPExchange
    private let replies: [[UInt8]]
    private let connect: AcceptedConnect
    private let answer: LongPollAnswer
    private let isWakePending = Atomic<Bool>(false)
    private var isFinished = false
    private var timer: Timer?
    private var attachment: (any BayeuxAttachment)?

    /// Answers a processed batch: at once, or by holding its connect.
    static func begin(_ exchange: HTTPExchange, result: BayeuxBatchResult, answer: LongPollAnswer, state: EdgeState) {
        guard exchange.isOpen else { return }
        guard let connect = result.connect else {
            exchange.respond(answer.response(replies: result.replies, connect: nil, deliveries: []))
            return
        }
        // An EventSource client's messages go down its stream; its connects only keep it alive.
        if connect.connectionType == .eventsource {
            exchange.respond(answer.response(replies: result.replies, connect: connect.reply, deliveries: []))
            return
        }
        let hold = LongPollHold(exchange: exchange, state: state, replies: result.replies, connect: connect, answer: answer)
        hold.start()
    }

    private init(exchange: HTTPExchange, state: EdgeState, replies: [[UInt8]], connect: AcceptedConnect, answer: LongPollAnswer) {
        self.loop = exchange.loop
        self.exchange = exchange
        self.state = state
        self.replies = replies
        self.connect = connect
        self.answer = answer
    }

    private func start() {
        guard let attachment = state.bayeux.attach(self, to: connect.clientId, mode: .hold) else {
            finish(with: [])
            return
        }
        self.attachment = attachment
        exchange.onAbandoned = { [self] in
            isFinished = true
            stopWaiting()
        }
        exchange.onDrain = { [self] in finish(with: []) }
        if connect.hold > 0 {
            let timer = Timer { [unowned self] in self.finish(with: []) }
            self.timer = timer
            loop.schedule(timer, after: .nanoseconds(seconds: connect.hold))
        }
        // Messages queued before this connect leave with it at once.
        drain(finishingWhenEmpty: connect.hold <= 0)
    }

    private func drain(finishingWhenEmpty: Bool) {
        let loop = self.loop
        attachment?.drain { [self] deliveries in
            loop.run {
                if !deliveries.isEmpty || finishingWhenEmpty { self.finish(with: deliveries) }
            }
        }
    }

    private func finish(with deliveries: [BayeuxDelivery]) {
        guard !isFinished else { return }
        isFinished = true
        stopWaiting()
        exchange.respond(answer.response(replies: replies, connect: connect.reply, deliveries: deliveries))
    }

    private func stopWaiting() {
        if let timer { loop.cancel(timer) }
        timer = nil
        exchange.onAbandoned = nil
        exchange.onDrain = nil
        attachment?.detach()
        attachment = nil
    }

    // MARK: BayeuxListener, from any thread

    func messagesAvailable() {
        Wakeup.request(isWakePending, on: loop, task: self)
    }

    func runOnLoop() {
        Wakeup.acknowledge(isWakePending)
        guard !isFinished else { return }
        drain(finishingWhenEmpty: false)
    }

    func clientClosed() {
        loop.run { [self] in finish(with: []) }
    }

    func replaced() {
        loop.run { [self] in finish(with: []) }
    }
}
