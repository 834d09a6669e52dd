/// Counters for /metrics. Counts since start-up, except `clients` and `subscriptions`,
/// which are current values.
public struct BayeuxStatistics: Sendable, Equatable {
    public var clients = 0
    public var subscriptions = 0
    /// Publishes accepted and handed to the engine.
    public var publishedMessages = 0
    /// Publishes refused by the publisher-token rule.
    public var refusedPublishes = 0
    /// Message copies put into client queues (one per recipient per publish).
    public var queuedDeliveries = 0
    /// Queued messages discarded with a destroyed client (disconnect, expiry, overflow).
    public var droppedMessages = 0
    /// Clients destroyed because their queue reached `maxQueuedMessagesPerClient`.
    public var overflowedClients = 0
    /// Clients destroyed for inactivity (2 × timeout without handshake or connect).
    public var expiredClients = 0

    public init() {}
}
