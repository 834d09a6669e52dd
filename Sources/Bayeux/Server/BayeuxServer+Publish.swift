import Synchronization

extension BayeuxServer {
    /// A message on any non-meta channel, `/service/...` included (protocol.md §4). Checks,
    /// the last one wins: incoming `error`; the publisher-token rule (an incoming extension
    /// in the stack we replace, so Faye's own checks still override it); channel not a name
    /// → 405; `data` absent or null → 402 (Ruby's reading). `clientId` is never checked.
    func publish(_ message: BayeuxMessage, context: BayeuxRequestContext) -> [UInt8] {
        var reply = ReplyObject(respondingTo: message)
        // Only a refusal names the channel.
        func channelArgument() -> String { message.value("channel").map(message.errorArgument) ?? "" }
        let ext = message.value("ext").map(message.text.members) ?? []
        var refusedByTokens = false
        if let refusal = publishRefusal(ext: ext, of: message, context: context) {
            reply.setError(.publishRefused(channel: channelArgument(), refusal))
            refusedByTokens = true
        }
        let channel = message.channel.flatMap { ChannelName.form(of: $0) == .name ? $0 : nil }
        if channel == nil {
            reply.setError(.invalidChannel(channelArgument()))
            refusedByTokens = false
        }
        if message.nonNull("data") == nil {
            reply.setError(.missingParameter("data"))
            refusedByTokens = false
        }
        reply.settleSuccess()
        if refusedByTokens {
            refusedPublishes.add(1, ordering: .relaxed)
        }
        if let channel, !reply.hasError {
            engine.publish(BayeuxDelivery(channel: channel, json: DeliveryEncoder.encode(message, ext: ext)))
            publishedMessages.add(1, ordering: .relaxed)
        }
        return reply.encoded()
    }

    /// config.md's ServerAuth rule: `ext.service` and `ext.auth_token` (strings) must name a
    /// service of the tokens file, match its token and come with its origin.
    private func publishRefusal(ext: [JSONMember], of message: BayeuxMessage,
                                context: BayeuxRequestContext) -> PublishRefusal? {
        guard let tokens = publishers.withLock({ $0 }) else { return .publishingDisabled }
        guard let service = ext.last(named: "service").flatMap(message.text.string),
              let token = ext.last(named: "auth_token").flatMap(message.text.string)
        else { return .missingCredentials }
        return tokens.refusal(service: service, token: Array(token.utf8), origin: context.canonicalOrigin)
    }
}
