/// Counts of nanosecond values in log-linear buckets, as HdrHistogram does: exact
/// below 64, then 32 buckets per power of two (at most 1/32 ≈ 3% apart). Fixed size,
/// no allocation per value; histograms of several processes merge by adding counts.
struct LatencyHistogram {
    static let subBucketBits = 5
    static let subBuckets = 1 << subBucketBits
    static let bucketCount = (65 - subBucketBits) * subBuckets

    private(set) var counts: [UInt64]
    private(set) var total: UInt64 = 0

    init() {
        counts = [UInt64](repeating: 0, count: Self.bucketCount)
    }

    mutating func record(_ value: Int64) {
        counts[Self.index(of: UInt64(max(value, 0)))] += 1
        total += 1
    }

    mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        total += other.total
    }

    static func index(of value: UInt64) -> Int {
        if value < UInt64(2 * subBuckets) { return Int(value) }
        let shift = (63 - value.leadingZeroBitCount) - subBucketBits
        return (shift + 1) * subBuckets + Int(value >> UInt64(shift)) - subBuckets
    }

    /// The smallest value of bucket `index`.
    static func lowerBound(of index: Int) -> UInt64 {
        if index < 2 * subBuckets { return UInt64(index) }
        let shift = index / subBuckets - 1
        return UInt64(index % subBuckets + subBuckets) << UInt64(shift)
    }

    /// One past the largest value of bucket `index`.
    static func upperBound(of index: Int) -> UInt64 {
        index + 1 < bucketCount ? lowerBound(of: index + 1) : UInt64.max
    }

    /// The upper bound of the bucket holding the value at `fraction` (0...1) of the
    /// counts: the value is at most this. 0 when nothing was recorded.
    func percentile(_ fraction: Double) -> UInt64 {
        guard total > 0 else { return 0 }
        let rank = max(1, UInt64((fraction * Double(total)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if seen >= rank { return Self.upperBound(of: index) - 1 }
        }
        return Self.upperBound(of: counts.count - 1)
    }

    /// `[[low, high, count], ...]` for the non-empty buckets, `high` exclusive.
    var json: JSONValue {
        .array(counts.indices.compactMap { index in
            counts[index] == 0 ? nil
                : .array([.int(Int64(Self.lowerBound(of: index))), .int(Int64(clamping: Self.upperBound(of: index))),
                          .int(Int64(counts[index]))])
        })
    }
}
