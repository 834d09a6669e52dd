/// Protocol settings shared by the server and its engine.
public struct BayeuxConfiguration: Sendable {
    /// Seconds a long-poll `/meta/connect` is held (FAYE_TIMEOUT); `advice.timeout` is this
    /// in ms, and a session expires 2 × timeout after its last handshake or connect.
    public var timeout: Double
    /// Seconds sent as `advice.interval` (Faye's engine option, default 0).
    public var interval: Double
    /// Messages a client may have waiting in the engine. A client that does not collect them
    /// (gone without a disconnect, or never connecting) is destroyed when one more arrives:
    /// it loses its queue and subscriptions exactly as Faye's session expiry would, only
    /// sooner, and the client library recovers the same way (401, re-handshake, re-subscribe).
    public var maxQueuedMessagesPerClient: Int

    public init(timeout: Double = 60, interval: Double = 0, maxQueuedMessagesPerClient: Int = 10_000) {
        self.timeout = timeout
        self.interval = interval
        self.maxQueuedMessagesPerClient = maxQueuedMessagesPerClient
    }

    var timeoutMilliseconds: Int64 { Self.milliseconds(timeout) }
    var intervalMilliseconds: Int64 { Self.milliseconds(interval) }
    /// Faye's Memory engine destroys a client 2 × timeout after its last ping.
    var sessionLifetimeMilliseconds: Int64 { Self.milliseconds(timeout * 2) }

    /// `floor(seconds × 1000)`, kept within 0 ... 10^15 ms so that no value (negative,
    /// NaN, infinite) can trap in the conversion or overflow later arithmetic.
    static func milliseconds(_ seconds: Double) -> Int64 {
        let milliseconds = (seconds * 1000).rounded(.down)
        guard milliseconds > 0 else { return 0 }
        return milliseconds < 1e15 ? Int64(milliseconds) : 1_000_000_000_000_000
    }
}
