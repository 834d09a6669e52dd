import Glibc

/// Nanoseconds of CLOCK_MONOTONIC: deadlines and durations inside the loops.
public enum MonotonicClock {
    @inline(__always)
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

extension UInt64 {
    /// A duration in seconds as nanoseconds, saturating instead of trapping on huge values.
    public static func nanoseconds(seconds: Double) -> UInt64 {
        guard seconds > 0 else { return 0 }
        let ns = seconds * 1_000_000_000
        return ns >= Double(UInt64.max / 2) ? UInt64.max / 2 : UInt64(ns)
    }
}
