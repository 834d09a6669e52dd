/// The subscriber sessions of one process: opens them at a bounded pace, knows how many
/// are ready, why the others failed, and holds the delivery tallies they share.
///
/// Loop-confined.
final class SubscriberFleet {
    let environment: ClientEnvironment
    let channel: String
    var tallies = DeliveryTallies()
    private var sessions: [SubscriberSession] = []
    private var pacer: OpeningPacer
    private let allOpened: () -> Void
    var ready: Int { pacer.ready }
    var failures: FailureCounts { pacer.failures }
    var dropped: FailureCounts { pacer.dropped }
    private(set) var openingStartedAt: Int64 = 0
    private(set) var openingEndedAt: Int64 = 0

    init(environment: ClientEnvironment, channel: String, count: Int, maxOpening: Int, allOpened: @escaping () -> Void) {
        self.environment = environment
        self.channel = channel
        pacer = OpeningPacer(total: count, maxInFlight: maxOpening)
        self.allOpened = allOpened
        sessions.reserveCapacity(count)
    }

    func start() {
        openingStartedAt = RealtimeClock.now()
        openMore()
    }

    var cipherName: String { sessions.first?.cipherName ?? "" }

    private func openMore() {
        while true {
            let indices = pacer.next()
            if indices.isEmpty { break }
            for index in indices {
                do {
                    sessions.append(try SubscriberSession(index: index, fleet: self))
                } catch {
                    pacer.failedToStart("\(error)")
                }
            }
        }
        if pacer.isDone && openingEndedAt == 0 {
            openingEndedAt = RealtimeClock.now()
            allOpened()
        }
    }

    func sessionReady() {
        pacer.becameReady()
        openMore()
    }

    func sessionClosed(_ reason: String, wasReady: Bool) {
        if pacer.closed(reason, wasReady: wasReady) { openMore() }
    }
}
