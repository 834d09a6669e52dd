extension BayeuxServer {
    /// `/meta/subscribe` and `/meta/unsubscribe` (protocol.md §3.4). After incoming `error`,
    /// unknown client, `clientId` missing and `subscription` missing, the channels are taken
    /// in order: 403 if a remote client may not use it, 405 if it is no name or pattern
    /// (overriding the 403). The first bad channel stops the loop but the channels before it
    /// stay (un)subscribed. The reply keeps `clientId` even on error and echoes
    /// `subscription` as sent.
    func changeSubscriptions(_ message: BayeuxMessage, context: BayeuxRequestContext,
                             subscribing: Bool, gatherer: ReplyGatherer) {
        whenClientChecked(message) { [self] exists in
            var reply = ReplyObject(respondingTo: message)
            let subscription = message.nonNull("subscription")
            reply.checkClient(of: message, exists: exists)
            if subscription == nil {
                reply.setError(.missingParameter("subscription"))
            }
            if let echoed = message.truthy("subscription") {
                reply.set("subscription", echoing: echoed, of: message.text)
            } else {
                reply.set("subscription", json: Array("[]".utf8))
            }
            var accepted: [String] = []
            for value in subscription.map({ flattened($0, of: message.text) }) ?? [] {
                if reply.hasError { break }
                let channel = message.text.string(value)
                if !context.isLocal && !(channel.map(ChannelName.isSubscribable) ?? false) {
                    reply.setError(.forbiddenChannel(message.errorArgument(value)))
                }
                if channel.flatMap(ChannelName.form(of:)) == nil {
                    reply.setError(.invalidChannel(message.errorArgument(value)))
                }
                if let channel, !reply.hasError {
                    accepted.append(channel)
                }
            }
            reply.settleSuccess()
            let finished: @Sendable () -> Void = { [reply] in gatherer.add(reply.encoded()) }
            guard let clientId = message.clientId, !accepted.isEmpty else {
                finished()
                return
            }
            if subscribing {
                engine.subscribe(clientId, to: accepted, finished)
            } else {
                engine.unsubscribe(clientId, from: accepted, finished)
            }
        }
    }

    /// Faye's `[message['subscription']].flatten`: one channel or any nesting of arrays.
    private func flattened(_ value: JSONValue, of text: JSONText) -> [JSONValue] {
        guard value.kind == .array else { return [value] }
        var leaves: [JSONValue] = []
        text.walkNested(value, separator: {}, leaf: { leaves.append($0) })
        return leaves
    }
}
