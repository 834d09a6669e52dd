/// A published message as subscribers receive it: the JSON object as the publisher sent it,
/// minus `clientId` and `ext.auth_token`. Encoded once per publish; every recipient queue
/// holds this same instance.
public final class BayeuxDelivery: Sendable {
    public let channel: String
    public let json: [UInt8]

    init(channel: String, json: [UInt8]) {
        self.channel = channel
        self.json = json
    }
}
