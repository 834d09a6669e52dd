extension BayeuxServer {
    /// `/meta/connect` (protocol.md §3.3). Checks after the existence lookup, last wins:
    /// incoming `error`, unknown client, `clientId` missing, unknown type, type missing. A
    /// failed reply loses `clientId`; an accepted one pings the client and goes to the
    /// transport as an `AcceptedConnect`.
    func connect(_ message: BayeuxMessage, gatherer: ReplyGatherer) {
        whenClientChecked(message) { [self] exists in
            var reply = ReplyObject(respondingTo: message)
            reply.checkClient(of: message, exists: exists)
            let typeValue = message.nonNull("connectionType")
            let connectionType = message.connectionType.flatMap(ConnectionType.init(rawValue:))
            if connectionType == nil {
                reply.setError(.connectionTypesNotSupported([typeValue.map(message.errorArgument) ?? ""]))
            }
            if typeValue == nil {
                reply.setError(.missingParameter("connectionType"))
            }
            reply.settleSuccess()
            guard !reply.hasError, let clientId = message.clientId, let connectionType else {
                reply.remove("clientId")
                advice.apply(to: &reply, connectionType: message.connectionType)
                gatherer.add(reply.encoded())
                return
            }
            engine.ping(clientId)
            advice.apply(to: &reply, connectionType: message.connectionType)
            gatherer.add(AcceptedConnect(
                clientId: clientId, reply: reply.encoded(),
                hold: hold(of: message, connectionType: connectionType), connectionType: connectionType))
        }
    }

    /// The client's `advice.timeout` (ms) when it is a number, `0` included; else the server
    /// timeout; always 0 for eventsource. Kept within 0 ... 10^9 s so that no value a client
    /// sends (negative, `1e999`) can break the transport's timer arithmetic.
    func hold(of message: BayeuxMessage, connectionType: ConnectionType) -> Double {
        guard connectionType != .eventsource else { return 0 }
        guard let advice = message.value("advice"),
              let timeout = message.text.members(advice).last(named: "timeout"),
              let milliseconds = message.text.double(timeout)
        else { return configuration.timeout }
        let seconds = milliseconds / 1000
        guard seconds > 0 else { return 0 }
        return min(seconds, 1e9)
    }

    /// Runs `body` with whether the message's client exists; a `clientId` that is not a
    /// string never names a client.
    func whenClientChecked(_ message: BayeuxMessage, _ body: @escaping @Sendable (Bool) -> Void) {
        guard let clientId = message.clientId else {
            body(false)
            return
        }
        engine.clientExists(clientId, body)
    }
}
