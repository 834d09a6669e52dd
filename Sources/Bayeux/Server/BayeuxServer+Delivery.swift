/// Delivery plumbing for transports: a held long-poll attaches `.hold`, a bound WebSocket or
/// EventSource attaches `.push`; each drains through its attachment right after attaching and
/// whenever told `messagesAvailable`. See `BayeuxListener` and `BayeuxAttachment`.
extension BayeuxServer {
    /// Binds `listener` to the client; the previous listener, if another, is told `replaced`.
    /// nil if the client is gone: answer the connect now.
    public func attach(_ listener: any BayeuxListener, to clientId: String,
                       mode: ListenerMode) -> (any BayeuxAttachment)? {
        engine.attach(listener, to: clientId, mode: mode)
    }

    /// Housekeeping, about once a second: Faye's inactivity rule (2 × timeout).
    public func expireInactiveClients() {
        engine.expireInactiveClients()
    }
}
