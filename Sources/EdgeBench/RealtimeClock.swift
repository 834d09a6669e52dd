import Glibc

/// CLOCK_REALTIME nanoseconds: the publisher stamps messages with it and subscribers
/// on the same machine subtract, so publish-to-delivery latency needs no shared state.
enum RealtimeClock {
    @inline(__always)
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
