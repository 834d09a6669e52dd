/// Faye's `advize` for handshake and connect replies. The advice depends only on the
/// configuration, so its three forms are encoded once when the server is made.
struct Advice: Sendable {
    private let afterError: [UInt8]
    private let forEventSource: [UInt8]
    private let usual: [UInt8]

    init(_ configuration: BayeuxConfiguration) {
        var afterError = ReplyObject()
        afterError.set("reconnect", string: "handshake")
        // An EventSource client's next connect, its keepalive, comes one timeout later.
        var forEventSource = ReplyObject()
        forEventSource.set("reconnect", string: "retry")
        forEventSource.set("interval", integer: configuration.timeoutMilliseconds)
        forEventSource.set("timeout", integer: 0)
        var usual = ReplyObject()
        usual.set("reconnect", string: "retry")
        usual.set("interval", integer: configuration.intervalMilliseconds)
        usual.set("timeout", integer: configuration.timeoutMilliseconds)
        self.afterError = afterError.encoded()
        self.forEventSource = forEventSource.encoded()
        self.usual = usual.encoded()
    }

    /// Adds `advice` to `reply`; `connectionType` is the request's (a handshake normally has none).
    func apply(to reply: inout ReplyObject, connectionType: String?) {
        if reply.hasError {
            reply.set("advice", json: afterError)
        } else if connectionType == ConnectionType.eventsource.rawValue {
            reply.set("advice", json: forEventSource)
        } else {
            reply.set("advice", json: usual)
        }
    }
}
