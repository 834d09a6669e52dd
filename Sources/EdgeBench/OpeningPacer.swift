/// Opens N connections with at most `maxInFlight` of them being set up at once (TCP,
/// TLS, upgrade, Bayeux handshake...), so the server is not handed thousands of
/// handshakes in one burst and no connection times out waiting in its backlog; and
/// counts how they ended up.
struct OpeningPacer {
    let total: Int
    let maxInFlight: Int
    private(set) var started = 0
    private(set) var finished = 0
    private(set) var ready = 0
    /// Connections that never became ready, by reason.
    private(set) var failures = FailureCounts()
    /// Connections closed after they were ready, by reason.
    private(set) var dropped = FailureCounts()

    init(total: Int, maxInFlight: Int) {
        self.total = total
        self.maxInFlight = max(1, maxInFlight)
    }

    /// The indices of the connections to start now.
    mutating func next() -> Range<Int> {
        let inFlight = started - finished
        let count = min(maxInFlight - inFlight, total - started)
        guard count > 0 else { return started..<started }
        defer { started += count }
        return started..<(started + count)
    }

    /// One connection is set up, or gave up.
    mutating func finishedOne() {
        finished += 1
    }

    var isDone: Bool { finished >= total }

    mutating func becameReady() {
        ready += 1
        finishedOne()
    }

    mutating func failedToStart(_ reason: String) {
        failures.add(reason)
        finishedOne()
    }

    /// Returns true when the connection was still being set up: its place is free for another.
    mutating func closed(_ reason: String, wasReady: Bool) -> Bool {
        if wasReady {
            ready -= 1
            dropped.add(reason)
            return false
        }
        failedToStart(reason)
        return true
    }
}

/// Why connections failed or closed, counted; the reasons are few (errno texts, HTTP
/// statuses), so a dictionary stays small.
struct FailureCounts {
    private(set) var counts: [String: Int] = [:]
    private(set) var total = 0

    mutating func add(_ reason: String) {
        counts[reason, default: 0] += 1
        total += 1
    }

    var json: JSONValue {
        .object(counts.sorted { $0.value > $1.value }.prefix(20).map { ($0.key, .int($0.value)) })
    }
}
