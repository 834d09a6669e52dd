import Synchronization

/// Process-wide counters for /metrics. Each is an atomic the loops bump without a lock;
/// rendering reads them all into Prometheus's text format.
final class Metrics: Sendable {
    /// A monotonically increasing count or a level that goes up and down.
    final class Counter: Sendable {
        let name: String
        let help: String
        let isGauge: Bool
        private let value = Atomic<Int>(0)

        init(_ name: String, _ help: String, gauge: Bool = false) {
            self.name = name
            self.help = help
            self.isGauge = gauge
        }

        func increment(by amount: Int = 1) { value.add(amount, ordering: .relaxed) }
        func decrement() { value.subtract(1, ordering: .relaxed) }
        /// Counts one more unless that would pass `limit`; says whether it did.
        func increment(upTo limit: Int) -> Bool { value.increment(upTo: limit) }
        var current: Int { value.load(ordering: .relaxed) }
    }

    let connectionsAccepted = Counter("bayeux_edge_connections_accepted_total", "TCP connections accepted")
    let connectionsRefused = Counter("bayeux_edge_connections_refused_total", "Connections closed at accept because FAYE_MAX_CONNECTIONS was reached")
    let connectionsOpen = Counter("bayeux_edge_connections_open", "Client connections open now", gauge: true)
    let tlsHandshakes = Counter("bayeux_edge_tls_handshakes_total", "TLS handshakes completed")
    let tlsHandshakeFailures = Counter("bayeux_edge_tls_handshake_failures_total", "TLS handshakes that failed or timed out")
    let tlsRecordHandoffs = Counter("bayeux_edge_tls13_record_handoffs_total", "TLS 1.3 connections whose records the edge protects itself after the handshake (no SSL object kept)")
    let httpRequests = Counter("bayeux_edge_http_requests_total", "HTTP requests answered")
    let httpBadRequests = Counter("bayeux_edge_http_bad_requests_total", "Malformed or refused HTTP requests (400, 405, 408, 413, 431, 501, 505)")
    let webSocketsOpen = Counter("bayeux_edge_websockets_open", "WebSocket connections open now", gauge: true)
    let webSocketProtocolErrors = Counter("bayeux_edge_websocket_protocol_errors_total", "WebSocket connections closed for a protocol error (1002, 1007, 1009)")
    let slowReaderDisconnects = Counter("bayeux_edge_slow_reader_disconnects_total", "Connections cut off because their output queue passed its bound")
    let bayeuxBadMessages = Counter("bayeux_edge_bayeux_bad_messages_total", "Request bodies or frames that were not Bayeux JSON")
    let reloads = Counter("bayeux_edge_reloads_total", "SIGHUP reloads that succeeded")
    let reloadFailures = Counter("bayeux_edge_reload_failures_total", "SIGHUP reloads that kept the old files because the new ones were invalid")

    var all: [Counter] {
        [connectionsAccepted, connectionsRefused, connectionsOpen, tlsHandshakes, tlsHandshakeFailures, tlsRecordHandoffs,
         httpRequests, httpBadRequests, webSocketsOpen, webSocketProtocolErrors, slowReaderDisconnects,
         bayeuxBadMessages, reloads, reloadFailures]
    }

    /// Prometheus text exposition; `extra` lines come from other owners (the Bayeux engine).
    func render(tag: String, extra: [(name: String, help: String, isGauge: Bool, value: Int)]) -> String {
        var text = ""
        let label = "{tag=\"\(tag)\"}"
        let own = all.map { (name: $0.name, help: $0.help, isGauge: $0.isGauge, value: $0.current) }
        for line in own + extra {
            text += "# HELP \(line.name) \(line.help)\n# TYPE \(line.name) \(line.isGauge ? "gauge" : "counter")\n"
            text += "\(line.name)\(label) \(line.value)\n"
        }
        return text
    }
}

extension Atomic where Value == Int {
    /// Adds one unless that would pass `limit` (undone at once if a racing add got there
    /// first); says whether it added.
    func increment(upTo limit: Int) -> Bool {
        if add(1, ordering: .relaxed).newValue <= limit { return true }
        subtract(1, ordering: .relaxed)
        return false
    }
}
