/// The permessage-deflate parameters both sides use on one connection,
/// settled at the upgrade (RFC 7692 §7).
public struct PerMessageDeflateAgreement: Hashable, Sendable {
    /// The server starts every message with an empty window.
    public let serverNoContextTakeover: Bool
    /// The client starts every message with an empty window.
    public let clientNoContextTakeover: Bool
    /// The window the server compresses with.
    public let serverMaxWindowBits: Int
    /// The largest window the client compresses with.
    public let clientMaxWindowBits: Int
    /// The Sec-WebSocket-Extensions value of the 101 response.
    public let responseHeaderValue: String

    /// Picks the first permessage-deflate offer in the client's
    /// Sec-WebSocket-Extensions values (all header lines, in order) that the
    /// server can accept; nil when there is none, and the connection then
    /// runs uncompressed. Offers with unknown, repeated or invalid
    /// parameters are skipped.
    public static func negotiate(offers: [String], policy: PerMessageDeflatePolicy) -> PerMessageDeflateAgreement? {
        for element in WebSocketExtensionList.parse(offers) where ASCII.equalsIgnoringCase(element.name, "permessage-deflate") {
            if let offer = PerMessageDeflateOffer(element) {
                return PerMessageDeflateAgreement(accepting: offer, policy: policy)
            }
        }
        return nil
    }

    private init(accepting offer: PerMessageDeflateOffer, policy: PerMessageDeflatePolicy) {
        serverNoContextTakeover = offer.serverNoContextTakeover || !policy.allowsContextTakeover
        clientNoContextTakeover = offer.clientNoContextTakeover || !policy.allowsContextTakeover
        serverMaxWindowBits = min(offer.serverMaxWindowBits ?? 15, policy.serverMaxWindowBits)
        // Without the parameter in the offer the client cannot be limited.
        clientMaxWindowBits = offer.acceptsClientMaxWindowBits
            ? min(offer.clientMaxWindowBits ?? 15, policy.clientMaxWindowBits)
            : 15

        var response = "permessage-deflate"
        if serverNoContextTakeover {
            response += "; server_no_context_takeover"
        }
        if clientNoContextTakeover {
            response += "; client_no_context_takeover"
        }
        if offer.serverMaxWindowBits != nil || serverMaxWindowBits < 15 {
            response += "; server_max_window_bits=\(serverMaxWindowBits)"
        }
        if clientMaxWindowBits < 15 {
            response += "; client_max_window_bits=\(clientMaxWindowBits)"
        }
        responseHeaderValue = response
    }
}
