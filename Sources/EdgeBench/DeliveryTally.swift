/// Deliveries received in one phase of a run. The orchestrator gives each phase its
/// own range of sequence numbers (phase k publishes from k × 10^9), so one subscriber
/// process that stays connected through several phases still reports each apart.
struct DeliveryTally {
    static let seqsPerPhase: Int64 = 1_000_000_000

    var deliveries: UInt64 = 0
    /// Deliveries whose seq was not above the last one on the same connection.
    var duplicates: UInt64 = 0
    /// Sequence numbers skipped on one connection within the phase (losses or reordering;
    /// the orchestrator computes losses from what the publisher had accepted).
    var skipped: UInt64 = 0
    var firstAt = Int64.max
    var lastAt = Int64.min
    var latency = LatencyHistogram()

    /// Counts `delivery`, received at `now` on a connection whose last seq was `lastSeq`.
    mutating func record(_ delivery: DeliveryScanner.Delivery, at now: Int64, lastSeq: inout Int64) {
        deliveries += 1
        latency.record(now &- delivery.sentAt)  // a foreign "t" may be anything
        firstAt = min(firstAt, now)
        lastAt = max(lastAt, now)
        if delivery.seq <= lastSeq {
            duplicates += 1
            return
        }
        let samePhase = lastSeq >= 0 && lastSeq / Self.seqsPerPhase == delivery.seq / Self.seqsPerPhase
        if samePhase && delivery.seq > lastSeq + 1 { skipped += UInt64(delivery.seq - lastSeq - 1) }
        lastSeq = delivery.seq
    }

    func json(phase: Int) -> JSONValue {
        .object([
            ("phase", .int(phase)), ("deliveries", .int(deliveries)), ("duplicates", .int(duplicates)),
            ("skipped", .int(skipped)), ("first_ns", .int(firstAt == .max ? 0 : firstAt)),
            ("last_ns", .int(lastAt == .min ? 0 : lastAt)), ("latency_ns", latency.json),
        ])
    }
}

/// The tallies of one process, by phase.
struct DeliveryTallies {
    private static let maxPhases = 64
    private(set) var phases: [DeliveryTally] = []
    /// Deliveries whose seq named no phase this tool knows (not the benchmark's messages).
    private(set) var foreign: UInt64 = 0

    mutating func record(_ delivery: DeliveryScanner.Delivery, at now: Int64, lastSeq: inout Int64) {
        let phase = delivery.seq / DeliveryTally.seqsPerPhase
        guard delivery.seq >= 0, phase < Self.maxPhases else {
            foreign += 1
            return
        }
        while phases.count <= Int(phase) { phases.append(DeliveryTally()) }
        phases[Int(phase)].record(delivery, at: now, lastSeq: &lastSeq)
    }

    var json: JSONValue {
        .array(phases.enumerated().compactMap { $0.element.deliveries == 0 ? nil : $0.element.json(phase: $0.offset) })
    }
}
