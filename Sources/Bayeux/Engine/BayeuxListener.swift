/// How a connection waits for a client's messages.
public enum ListenerMode: Sendable {
    /// A held long-poll `/meta/connect`: a drain that returns messages also ends the
    /// attachment, so whatever arrives afterwards waits in the queue for the next connect.
    case hold
    /// A WebSocket or EventSource bound to the client: stays attached until detached,
    /// replaced or closed; each drain takes what is queued.
    case push
}

/// The transport side of a client's connection. The engine calls these from any thread,
/// with no lock held, possibly concurrently with each other and with the transport's own
/// calls; the implementation hops to its own loop.
public protocol BayeuxListener: AnyObject, Sendable {
    /// The client's queue went from empty to non-empty while this listener was attached:
    /// drain through the attachment. The drain may find nothing (an earlier one took it).
    func messagesAvailable()
    /// The client was destroyed (disconnect, expiry, queue overflow): answer a held connect
    /// now, close a bound WebSocket or EventSource (protocol.md §3.5). Already detached.
    func clientClosed()
    /// Another listener was attached to this client and this one is detached. A held connect
    /// is answered at once with only its connect reply (Faye leaves it hanging: we don't); a
    /// socket stays open but no longer receives this client's messages. Not called when the
    /// same listener attaches again (a WebSocket's next connect).
    func replaced()
}
