extension BayeuxServer {
    /// `/meta/handshake` (protocol.md §3.2). Checks in Faye's order, the last one wins:
    /// incoming `error`, `version` missing, no known connection type, list missing.
    func handshake(_ message: BayeuxMessage, gatherer: ReplyGatherer) {
        var reply = ReplyObject(respondingTo: message)
        reply.set("version", string: "1.0")
        if message.nonNull("version") == nil {
            reply.setError(.missingParameter("version"))
        }
        reply.set("supportedConnectionTypes", strings: ConnectionType.allCases.map(\.rawValue))
        if let offered = message.truthy("supportedConnectionTypes") {
            // Faye crashes on a non-array here; we read it as a list of one.
            let types = offered.kind == .array ? message.text.elements(offered) : [offered]
            let knowsOne = types.contains { message.text.string($0).flatMap(ConnectionType.init(rawValue:)) != nil }
            if !knowsOne {
                reply.setError(.connectionTypesNotSupported(types.map(message.errorArgument)))
            }
        } else {
            reply.setError(.missingParameter("supportedConnectionTypes"))
        }
        reply.settleSuccess()
        let connectionType = message.connectionType
        guard !reply.hasError else {
            advice.apply(to: &reply, connectionType: connectionType)
            gatherer.add(reply.encoded())
            return
        }
        engine.createClient { [self, reply] clientId in
            var reply = reply
            reply.set("clientId", string: clientId)
            advice.apply(to: &reply, connectionType: connectionType)
            gatherer.add(reply.encoded())
        }
    }
}
