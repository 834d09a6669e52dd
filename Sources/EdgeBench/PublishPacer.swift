import IO

/// Decides when the publisher sends: on a 1 ms tick at a fixed rate, or whenever fewer
/// than `window` publishes are unacknowledged. Stops sending at `count` or when the
/// duration is over, waits up to 10 s for the last acknowledgements, then ends the loop.
///
/// Loop-confined.
final class PublishPacer {
    enum Mode {
        case rate(Double)
        case window(Int)
    }

    private let environment: ClientEnvironment
    private let channel: String
    private let mode: Mode
    private let count: Int
    private let duration: UInt64
    private let firstSeq: Int64
    private let credentials: PublisherCredentials
    private var session: PublisherSession?
    private var tick: IO.Timer?
    private var startedAt: UInt64 = 0
    private var startedAtRealtime: Int64 = 0
    private var stoppedSendingAt: Int64 = 0
    private var lastAckAt: Int64 = 0
    private var isSending = false

    init(environment: ClientEnvironment, channel: String, mode: Mode, count: Int, duration: Double, firstSeq: Int64,
         credentials: PublisherCredentials) {
        self.environment = environment
        self.channel = channel
        self.mode = mode
        self.count = count
        self.duration = .nanoseconds(seconds: duration)
        self.firstSeq = firstSeq
        self.credentials = credentials
    }

    private var loop: EventLoop { environment.loop }

    func start() throws {
        session = try PublisherSession(environment: environment, credentials: credentials,
                                       ready: { [unowned self] in self.beginSending() },
                                       acknowledged: { [unowned self] in self.acknowledged() },
                                       closed: { [unowned self] in self.finish() })
        // The connection and handshake get 30 s; the loop ends whatever happens.
        Termination.watch(on: loop, until: loop.now &+ 30_000_000_000 &+ duration &+ 10_000_000_000) { [unowned self] in
            self.finish()
        }
    }

    private func beginSending() {
        isSending = true
        startedAt = loop.now
        startedAtRealtime = RealtimeClock.now()
        switch mode {
        case .rate:
            let timer = IO.Timer { [unowned self] in self.sendDue() }
            tick = timer
            loop.schedule(timer, after: 1_000_000)
        case .window:
            fillWindow()
        }
    }

    private func sendDue() {
        guard isSending, case .rate(let rate) = mode, let session else { return }
        let elapsed = Double(MonotonicClock.now() &- startedAt) / 1e9
        let due = min(count, Int(elapsed * rate))
        while session.sent < due { send(session) }
        if session.sent >= count || loop.now &- startedAt >= duration {
            stopSending()
        } else if let tick {
            loop.schedule(tick, after: 1_000_000)
        }
    }

    private func fillWindow() {
        guard isSending, case .window(let window) = mode, let session else { return }
        if session.sent >= count || loop.now &- startedAt >= duration {
            stopSending()
            return
        }
        while session.outstanding < window && session.sent < count { send(session) }
    }

    private func send(_ session: PublisherSession) {
        session.publish(channel: channel, seq: firstSeq + Int64(session.sent))
    }

    private func acknowledged() {
        lastAckAt = RealtimeClock.now()
        if isSending {
            fillWindow()
        } else if let session, session.outstanding == 0 {
            finish()
        }
    }

    private func stopSending() {
        guard isSending else { return }
        isSending = false
        stoppedSendingAt = RealtimeClock.now()
        if let session, session.outstanding == 0 { finish() }
    }

    private func finish() {
        if isSending { stopSending() }
        loop.stop()
    }

    func result(usage: ResourceUsage) -> JSONValue {
        let sent = session?.sent ?? 0
        let seconds = Double(max(stoppedSendingAt, startedAtRealtime) - startedAtRealtime) / 1e9
        var members: [(String, JSONValue)] = [
            ("command", .string("publish")), ("sent", .int(sent)), ("accepted", .int(session?.accepted ?? 0)),
            ("refused", .int(session?.refused ?? 0)), ("first_seq", .int(firstSeq)),
            ("start_ns", .int(startedAtRealtime)), ("stop_ns", .int(stoppedSendingAt)), ("last_ack_ns", .int(lastAckAt)),
            ("sending_s", .double(seconds)), ("rate", .double(seconds > 0 ? Double(sent) / seconds : 0)),
            ("cpu", usage.json),
        ]
        if let refusal = session?.firstRefusal { members.append(("first_refusal", .string(refusal))) }
        if let reason = session?.closeReason { members.append(("closed", .string(reason))) }
        return .object(members)
    }
}
