extension BayeuxServer {
    /// Faye's `advize`, applied to handshake and connect replies only. `connectionType` is
    /// the request's (a handshake normally has none).
    func advise(_ reply: inout ReplyObject, connectionType: String?) {
        var advice = ReplyObject()
        if reply.hasError {
            advice.set("reconnect", string: "handshake")
        } else if connectionType == ConnectionType.eventsource.rawValue {
            // The client's next connect, its keepalive, comes one timeout later.
            advice.set("reconnect", string: "retry")
            advice.set("interval", integer: configuration.timeoutMilliseconds)
            advice.set("timeout", integer: 0)
        } else {
            advice.set("reconnect", string: "retry")
            advice.set("interval", integer: configuration.intervalMilliseconds)
            advice.set("timeout", integer: configuration.timeoutMilliseconds)
        }
        reply.set("advice", object: advice)
    }
}
