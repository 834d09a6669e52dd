extension BayeuxServer {
    /// `/meta/disconnect` (protocol.md §3.5): incoming `error`, unknown client, `clientId`
    /// missing; a failed reply loses `clientId`. Destroying the client closes its listener.
    func disconnect(_ message: BayeuxMessage, gatherer: ReplyGatherer) {
        whenClientChecked(message) { [self] exists in
            var reply = ReplyObject(respondingTo: message)
            reply.checkClient(of: message, exists: exists)
            reply.settleSuccess()
            guard !reply.hasError, let clientId = message.clientId else {
                reply.remove("clientId")
                gatherer.add(reply.encoded())
                return
            }
            engine.destroyClient(clientId) { [reply] in gatherer.add(reply.encoded()) }
        }
    }

    /// Any other `/meta/...` channel (protocol.md §3.6): 403, no advice.
    func unknownMeta(_ message: BayeuxMessage) -> [UInt8] {
        var reply = ReplyObject(respondingTo: message)
        reply.setError(.forbiddenChannel(message.channel ?? ""))
        reply.settleSuccess()
        return reply.encoded()
    }
}
