import Glibc
import IO

/// The long-polling clients of one process and the publisher that answers them: the
/// publisher connects first, then the clients open at a bounded pace; once all are
/// polling, the measured window starts (the ready file appears) and round trips and
/// latencies are counted until it ends.
///
/// Loop-confined.
final class LongPollFleet {
    let environment: ClientEnvironment
    var tallies = DeliveryTallies()
    private let credentials: PublisherCredentials
    private let measuredSeconds: Double
    private let readyFile: String?
    private var publisher: PublisherSession?
    private var clients: [LongPollClient] = []
    private var pacer: OpeningPacer
    var ready: Int { pacer.ready }
    var failures: FailureCounts { pacer.failures }
    var dropped: FailureCounts { pacer.dropped }
    private(set) var roundTrips = 0
    private(set) var windowStartedAt: Int64 = 0
    private(set) var windowEndedAt: Int64 = 0
    private var isMeasuring = false

    init(environment: ClientEnvironment, clients: Int, maxOpening: Int, credentials: PublisherCredentials,
         measuredSeconds: Double, readyFile: String?) {
        self.environment = environment
        self.credentials = credentials
        self.measuredSeconds = measuredSeconds
        self.readyFile = readyFile
        pacer = OpeningPacer(total: clients, maxInFlight: maxOpening)
    }

    private var loop: EventLoop { environment.loop }
    var publisherState: PublisherSession? { publisher }

    func start() throws {
        publisher = try PublisherSession(environment: environment, credentials: credentials,
                                         ready: { [unowned self] in self.openMore() }, acknowledged: {},
                                         closed: { [unowned self] in self.publisherClosed() })
        // Opening gets two minutes; then the window runs whatever was opened.
        Termination.watch(on: loop, until: loop.now &+ 120_000_000_000) { [unowned self] in
            if !self.isMeasuring && self.windowEndedAt == 0 { self.beginWindow() }
        }
    }

    private func openMore() {
        while true {
            let indices = pacer.next()
            if indices.isEmpty { break }
            for index in indices {
                do {
                    clients.append(try LongPollClient(index: index, channel: "/bench/lp/\(getpid())/\(index)", fleet: self))
                } catch {
                    pacer.failedToStart("\(error)")
                }
            }
        }
        if pacer.isDone && !isMeasuring && windowEndedAt == 0 { beginWindow() }
    }

    private func beginWindow() {
        isMeasuring = true
        tallies = DeliveryTallies()
        roundTrips = 0
        windowStartedAt = RealtimeClock.now()
        if let readyFile {
            ReadyFile.write(readyFile, .object([("ready", .int(ready)), ("failed", .int(failures.total))]))
        }
        Termination.watch(on: loop, until: loop.now &+ .nanoseconds(seconds: measuredSeconds)) { [unowned self] in
            self.isMeasuring = false
            self.windowEndedAt = RealtimeClock.now()
            self.loop.stop()
        }
    }

    /// Without a publisher no round trip can complete: the window ends here, so the
    /// figures cover only the time the publisher was up.
    private func publisherClosed() {
        if isMeasuring {
            isMeasuring = false
            windowEndedAt = RealtimeClock.now()
        }
        loop.stop()
    }

    func clientReady() {
        pacer.becameReady()
        openMore()
    }

    func clientClosed(_ reason: String, wasReady: Bool) {
        if pacer.closed(reason, wasReady: wasReady) { openMore() }
    }

    func requestPublish(to client: LongPollClient, seq: Int64) {
        publisher?.publish(channel: client.channel, seq: seq)
    }

    func roundTripCompleted() {
        if isMeasuring { roundTrips += 1 }
    }
}
