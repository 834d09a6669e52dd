import IO

/// Deadlines and sizes that protect the server and its other clients from slow or
/// greedy ones.
struct ConnectionLimits: Sendable, Equatable {
    /// Seconds a TLS handshake may take.
    var handshakeTimeout = 10.0
    /// Seconds a request, once its first byte arrived, may take to arrive whole (slowloris).
    var requestTimeout = 10.0
    /// Seconds an idle keep-alive connection stays open.
    var keepAliveTimeout = 75.0
    /// Seconds SIGTERM waits for connections to finish.
    var drainTimeout = 10.0
    /// Largest HTTP request body and WebSocket message (Faye clients keep batches under 2 KiB).
    var maxMessageBytes = 1 << 20
    /// Output a slow reader may leave unread before it is cut off.
    var maxPendingOutputBytes = 4 << 20

    var handshakeDeadline: UInt64 { .nanoseconds(seconds: handshakeTimeout) }
    var requestDeadline: UInt64 { .nanoseconds(seconds: requestTimeout) }
    var keepAliveDeadline: UInt64 { .nanoseconds(seconds: keepAliveTimeout) }
    var drainDeadline: UInt64 { .nanoseconds(seconds: drainTimeout) }
}
