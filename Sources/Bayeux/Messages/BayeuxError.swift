/// The Bayeux errors this server emits, written as Faye writes them (`lib/faye/error.rb`):
/// `code:args:message`, the arguments joined with commas. 300, 302, 400, 404, 406, 407 and
/// 500 exist in Faye's table but Faye never emits them, so neither do we.
enum BayeuxError {
    /// 301: handshake with no known type (the client's list), connect with an unknown type.
    case connectionTypesNotSupported([String])
    /// 401: connect/subscribe/unsubscribe/disconnect for a dead or unknown client.
    case unknownClient(String)
    /// 402: a required field is absent (or `null`).
    case missingParameter(String)
    /// 403: unknown `/meta/...` channel; remote (un)subscribe to `/meta` or `/service`.
    case forbiddenChannel(String)
    /// 403 with our own reason: a publish refused by the publisher-token rule.
    case publishRefused(channel: String, PublishRefusal)
    /// 405: bad channel or pattern in (un)subscribe; publish to a pattern or bad name.
    case invalidChannel(String)

    var text: String {
        switch self {
        case .connectionTypesNotSupported(let types):
            "301:\(types.joined(separator: ",")):Connection types not supported"
        case .unknownClient(let clientId): "401:\(clientId):Unknown client"
        case .missingParameter(let name): "402:\(name):Missing required parameter"
        case .forbiddenChannel(let channel): "403:\(channel):Forbidden channel"
        case .publishRefused(let channel, let refusal): "403:\(channel):\(refusal.rawValue)"
        case .invalidChannel(let channel): "405:\(channel):Invalid channel"
        }
    }
}
