import Bayeux
import Synchronization
import TLS

/// What every loop shares: configuration, logs, metrics, the TLS context store, the
/// Bayeux server, and the process-wide connection counts.
final class EdgeState: Sendable {
    let configuration: Configuration
    let log: Log
    let metrics: Metrics
    let tls: TLSContextStore?
    let bayeux: BayeuxServer
    /// A WebSocket silent this long is gone: Faye clients send a /meta/connect (older ones
    /// an empty batch) at least once per Bayeux timeout. Made once, not on every read.
    let webSocketSilence: (nanoseconds: UInt64, reason: String)
    private let draining = Atomic<Bool>(false)
    private let idleKeepAlive = Atomic<Int>(0)

    init(configuration: Configuration, log: Log, metrics: Metrics, tls: TLSContextStore?, bayeux: BayeuxServer) {
        self.configuration = configuration
        self.log = log
        self.metrics = metrics
        self.tls = tls
        self.bayeux = bayeux
        let seconds = 2 * configuration.bayeux.timeout + 10
        webSocketSilence = (.nanoseconds(seconds: seconds), "WebSocket silent for \(Int(seconds)) s")
    }

    var limits: ConnectionLimits { configuration.limits }

    /// Counts a new connection in, unless FAYE_MAX_CONNECTIONS is reached. The count is
    /// the open-connections gauge of /metrics itself.
    func admitConnection() -> Bool {
        metrics.connectionsOpen.increment(upTo: configuration.listening.maxConnections)
    }

    func releaseConnection() {
        metrics.connectionsOpen.decrement()
    }

    var connectionCount: Int { metrics.connectionsOpen.current }

    /// An HTTP connection starts waiting for its next request; false when
    /// FAYE_MAX_PERSISTENT_CONNECTIONS are already waiting (it should close instead).
    func enterIdleKeepAlive() -> Bool {
        idleKeepAlive.increment(upTo: configuration.listening.maxPersistentConnections)
    }

    func leaveIdleKeepAlive() {
        idleKeepAlive.subtract(1, ordering: .relaxed)
    }

    var isDraining: Bool { draining.load(ordering: .relaxed) }

    func startDraining() { draining.store(true, ordering: .relaxed) }
}

extension EdgeState {
    /// /metrics: the edge's counters and the Bayeux engine's.
    func renderMetrics() -> String {
        let bayeux = self.bayeux.statistics
        return metrics.render(tag: configuration.tag, extra: [
            ("bayeux_edge_clients", "Bayeux clients (sessions) alive", true, bayeux.clients),
            ("bayeux_edge_subscriptions", "Channel subscriptions held by clients", true, bayeux.subscriptions),
            ("bayeux_edge_published_total", "Messages accepted for publishing", false, bayeux.publishedMessages),
            ("bayeux_edge_refused_publishes_total", "Publishes refused by the publisher-token rule", false, bayeux.refusedPublishes),
            ("bayeux_edge_queued_deliveries", "Deliveries waiting in client queues", true, bayeux.queuedDeliveries),
            ("bayeux_edge_dropped_messages_total", "Messages dropped with clients whose queue overflowed", false, bayeux.droppedMessages),
            ("bayeux_edge_overflowed_clients_total", "Clients destroyed because their queue passed its bound", false, bayeux.overflowedClients),
            ("bayeux_edge_expired_clients_total", "Clients removed by the inactivity rule", false, bayeux.expiredClients),
        ])
    }
}
