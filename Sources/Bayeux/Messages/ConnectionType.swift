/// The transports a Faye server offers. `allCases` is the server's list in the order Faye
/// sends it in handshake replies.
public enum ConnectionType: String, Sendable, CaseIterable {
    case longPolling = "long-polling"
    case crossOriginLongPolling = "cross-origin-long-polling"
    case callbackPolling = "callback-polling"
    case websocket
    case eventsource
    /// Messages handed over inside the process, not through a network request. Such a
    /// "local" client may subscribe to `/meta/**` and `/service/**`.
    case inProcess = "in-process"
}
