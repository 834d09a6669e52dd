import Testing
@testable import EdgeBench

@Suite struct DeliveryScannerTests {
    private func scan(_ text: String) -> [DeliveryScanner.Delivery] {
        var found: [DeliveryScanner.Delivery] = []
        Array(text.utf8).withUnsafeBytes { DeliveryScanner.forEach(in: $0) { found.append($0) } }
        return found
    }

    @Test func findsTheDeliveryAsBayeuxEdgeFramesIt() {
        let frame = #"[{"channel":"/c","data":{"t":1796407169299447342,"seq":7},"id":"p7","ext":{"service":"Bench"}}]"#
        #expect(scan(frame) == [.init(sentAt: 1_796_407_169_299_447_342, seq: 7)])
    }

    @Test func findsEveryDeliveryOfALongPollAnswer() {
        let body = #"[{"id":"5","channel":"/meta/connect","successful":true},"#
            + #"{"channel":"/a","data":{"t": 10,"seq": 1000000001}},{"channel":"/a","data":{"t":11,"seq":1000000002}}]"#
        #expect(scan(body) == [.init(sentAt: 10, seq: 1_000_000_001), .init(sentAt: 11, seq: 1_000_000_002)])
    }

    @Test func ignoresMetaRepliesAndCutMessages() {
        #expect(scan(#"[{"channel":"/meta/connect","successful":true,"advice":{"timeout":60000}}]"#).isEmpty)
        #expect(scan(#"{"data":{"t":12,"se"#).isEmpty)
    }

    @Test func readsStringMembers() {
        let reply = Array(#"[{"channel":"/meta/handshake","clientId": "abc123","successful":true}]"#.utf8)
        #expect(reply.withUnsafeBytes { ByteSearch.string(after: BayeuxMessages.clientIdKey, in: $0) } == "abc123")
    }
}

@Suite struct LatencyHistogramTests {
    @Test func bucketsAreExactBelow64AndWithin3PercentAbove() {
        for value: UInt64 in [0, 1, 63, 64, 65, 100, 1_000, 999_999, 123_456_789, 1 << 40, UInt64.max] {
            let index = LatencyHistogram.index(of: value)
            let low = LatencyHistogram.lowerBound(of: index)
            #expect(low <= value)
            #expect(index == LatencyHistogram.bucketCount - 1 || value < LatencyHistogram.upperBound(of: index))
            if value < 64 { #expect(low == value) } else { #expect(Double(value - low) / Double(value) < 1.0 / 32) }
        }
        #expect(LatencyHistogram.index(of: UInt64.max) == LatencyHistogram.bucketCount - 1)
    }

    @Test func percentilesAreTheUpperBoundOfTheirBucket() {
        var histogram = LatencyHistogram()
        for value in 1...100 { histogram.record(Int64(value) * 1_000_000) }
        let p50 = histogram.percentile(0.5), p99 = histogram.percentile(0.99)
        #expect(p50 >= 50_000_000 && Double(p50) < 50_000_000 * 1.04)
        #expect(p99 >= 99_000_000 && Double(p99) < 99_000_000 * 1.04)
        var other = LatencyHistogram()
        other.record(-5)
        histogram.merge(other)
        #expect(histogram.total == 101)
        #expect(histogram.percentile(0.001) == 0)
    }
}

@Suite struct DeliveryTallyTests {
    @Test func countsDuplicatesAndSkippedSeqsPerConnection() {
        var tallies = DeliveryTallies()
        var lastSeq: Int64 = -1
        for seq: Int64 in [0, 1, 1, 4, 3, 1_000_000_000, 1_000_000_001] {
            tallies.record(.init(sentAt: 100, seq: seq), at: 150, lastSeq: &lastSeq)
        }
        #expect(tallies.phases.count == 2)
        #expect(tallies.phases[0].deliveries == 5)
        #expect(tallies.phases[0].duplicates == 2)
        #expect(tallies.phases[0].skipped == 2)
        #expect(tallies.phases[1].deliveries == 2)
        #expect(tallies.phases[1].skipped == 0)
        #expect(tallies.phases[1].latency.percentile(1) == 50)
    }
}
