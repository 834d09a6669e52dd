/// The Bayeux messages the load generator sends, each as a one-message batch, spelled
/// as Faye's client spells them.
enum BayeuxMessages {
    static func handshake(connectionType: String) -> [UInt8] {
        Array(("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"\(connectionType)\"],"
            + "\"id\":\"1\"}]").utf8)
    }

    static func subscribe(clientId: String, channel: String) -> [UInt8] {
        Array("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"\(clientId)\",\"subscription\":\"\(channel)\",\"id\":\"2\"}]".utf8)
    }

    /// `immediate`: `advice.timeout` 0, as Faye's client sends its first connect, so the
    /// reply comes at once and proves the connection is attached.
    static func connect(clientId: String, connectionType: String, id: Int, immediate: Bool) -> [UInt8] {
        let advice = immediate ? ",\"advice\":{\"timeout\":0}" : ""
        return Array(("[{\"channel\":\"/meta/connect\",\"clientId\":\"\(clientId)\",\"connectionType\":\"\(connectionType)\","
            + "\"id\":\"\(id)\"\(advice)}]").utf8)
    }

    /// A publish carrying the benchmark's `data` and the publisher credentials in `ext`.
    static func publish(channel: String, clientId: String, sentAt: Int64, seq: Int64, credentials: PublisherCredentials) -> [UInt8] {
        var text = "[{\"channel\":\"\(channel)\",\"data\":{\"t\":\(sentAt),\"seq\":\(seq)},\"clientId\":\"\(clientId)\","
        text += "\"id\":\"p\(seq)\",\"ext\":{\"service\":\"\(credentials.service)\",\"auth_token\":\"\(credentials.token)\"}}]"
        return Array(text.utf8)
    }

    static let clientIdKey = Array("\"clientId\":".utf8)
    static let connectChannel = Array("\"/meta/connect\"".utf8)
    static let successfulTrue = Array("\"successful\":true".utf8)
    static let successfulFalse = Array("\"successful\":false".utf8)
}

/// `ext.service` and `ext.auth_token` of the tokens file, and the Origin they must come from.
struct PublisherCredentials {
    let service: String
    let token: String
    let origin: String

    init(_ options: Options) throws(UsageError) {
        service = try options.string("service")
        token = try options.string("token")
        origin = try options.string("origin")
    }
}
