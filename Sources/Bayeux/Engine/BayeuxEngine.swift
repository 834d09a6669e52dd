/// Where clients, subscriptions and queues live: Faye's engine interface (`proxy.rb`,
/// redis-engine.md §5). Every operation that may need a round trip completes through a
/// callback, so an engine may answer later from another thread (Redis on an event loop);
/// the Memory engine answers synchronously. Every method may be called from any thread.
public protocol BayeuxEngine: AnyObject, Sendable {
    /// Creates a client, marks it alive (a ping) and passes its new id.
    func createClient(_ completion: @escaping @Sendable (String) -> Void)
    /// Whether the client exists and has not outlived its session.
    func clientExists(_ clientId: String, _ completion: @escaping @Sendable (Bool) -> Void)
    /// Marks the client alive now (an accepted `/meta/connect`). No effect on unknown clients.
    func ping(_ clientId: String)
    /// Removes the client, its subscriptions and queue; its listener gets `clientClosed`.
    func destroyClient(_ clientId: String, _ completion: @escaping @Sendable () -> Void)
    /// Subscribes to each channel (names or patterns, already validated). Idempotent.
    func subscribe(_ clientId: String, to channels: [String], _ completion: @escaping @Sendable () -> Void)
    /// Unsubscribes from each channel; channels never subscribed are ignored.
    func unsubscribe(_ clientId: String, from channels: [String], _ completion: @escaping @Sendable () -> Void)
    /// Queues the message once for every client with a subscription matching its channel
    /// and wakes attached listeners. The publisher's reply does not wait for this (Faye's
    /// doesn't either).
    func publish(_ delivery: BayeuxDelivery)
    /// Binds a listener to the client, replacing (and telling) any other; the transport then
    /// drains and detaches through the returned attachment. nil if the client no longer
    /// exists: the transport answers its connect now.
    func attach(_ listener: any BayeuxListener, to clientId: String, mode: ListenerMode) -> (any BayeuxAttachment)?
    /// Destroys clients that have not pinged for 2 × timeout. Called about once a second.
    func expireInactiveClients()
    /// The engine's counters; `publishedMessages` and `refusedPublishes` belong to the
    /// server and stay 0 here.
    var statistics: BayeuxStatistics { get }
}
