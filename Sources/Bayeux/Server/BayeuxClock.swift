#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time in ms since the Unix epoch (the Redis engine stores it as ping scores,
/// so all processes sharing a Redis must agree on it). Tests pass a fake.
public protocol BayeuxClock: Sendable {
    func nowMilliseconds() -> Int64
}

/// The real clock: `CLOCK_REALTIME`.
public struct SystemClock: BayeuxClock {
    public init() {}

    public func nowMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
