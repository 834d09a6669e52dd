import IO

/// The `handshakes` command: C probes, each making a new TLS connection per request,
/// for a fixed duration; reports completed handshakes per second.
///
/// Loop-confined.
final class HandshakeRun {
    static let flags = ClientEnvironment.flags.union(["connections", "duration"])

    let environment: ClientEnvironment
    private var probes: [HandshakeProbe] = []
    private var waiting: [HandshakeProbe] = []
    private var retryTimer: IO.Timer?
    private(set) var isRunning = true
    private(set) var completed = 0
    private(set) var failures = FailureCounts()
    private var cipher = ""

    init(environment: ClientEnvironment) {
        self.environment = environment
    }

    static func run(_ options: Options) throws -> JSONValue {
        let environment = try ClientEnvironment(options)
        let run = HandshakeRun(environment: environment)
        let seconds = try options.seconds("duration", default: 10)
        let concurrency = try options.int("connections", default: 32, in: 1...10_000)
        let started = ResourceUsage.now()
        let startedAt = RealtimeClock.now()
        run.start(concurrency: concurrency, seconds: seconds)
        environment.loop.run()
        let window = Double(RealtimeClock.now() - startedAt) / 1e9
        return .object([
            ("command", .string("handshakes")), ("connections", .int(concurrency)), ("completed", .int(run.completed)),
            ("failed", .int(run.failures.total)), ("failures", run.failures.json), ("window_s", .double(window)),
            ("handshakes_per_s", .double(Double(run.completed) / window)), ("cipher", .string(run.cipher)),
            ("cpu", (ResourceUsage.now() - started).json),
        ])
    }

    private func start(concurrency: Int, seconds: Double) {
        let loop = environment.loop
        let timer = IO.Timer { [unowned self] in self.retryWaiting() }
        retryTimer = timer
        probes = (0..<concurrency).map { HandshakeProbe(index: $0, run: self) }
        for probe in probes { probe.start() }
        Termination.watch(on: loop, until: loop.now &+ .nanoseconds(seconds: seconds)) { [unowned self] in
            self.isRunning = false
            loop.stop()
        }
    }

    func completed(cipher: String) {
        completed += 1
        if self.cipher.isEmpty { self.cipher = cipher }
    }

    func failed(_ reason: String) {
        if isRunning { failures.add(reason) }
    }

    func retryLater(_ probe: HandshakeProbe) {
        waiting.append(probe)
        if let retryTimer, !retryTimer.isScheduled { environment.loop.schedule(retryTimer, after: 10_000_000) }
    }

    private func retryWaiting() {
        let ready = waiting
        waiting = []
        for probe in ready where isRunning { probe.start() }
    }
}
