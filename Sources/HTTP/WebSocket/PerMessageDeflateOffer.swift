/// A client's permessage-deflate offer whose parameters are all known,
/// unique and well-formed (RFC 7692 §7); any other offer is declined.
struct PerMessageDeflateOffer: Hashable {
    var serverNoContextTakeover = false
    var clientNoContextTakeover = false
    var serverMaxWindowBits: Int?
    /// The client may be told a smaller window for its own compression.
    var acceptsClientMaxWindowBits = false
    /// The window the client announced it will stay within.
    var clientMaxWindowBits: Int?

    init?(_ element: WebSocketExtensionElement) {
        var seen: Set<String> = []
        for parameter in element.parameters {
            let name = parameter.name.lowercased()
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "server_no_context_takeover":
                guard parameter.value == nil else { return nil }
                serverNoContextTakeover = true
            case "client_no_context_takeover":
                guard parameter.value == nil else { return nil }
                clientNoContextTakeover = true
            case "server_max_window_bits":
                guard let value = parameter.value, let bits = Self.windowBits(value) else { return nil }
                serverMaxWindowBits = bits
            case "client_max_window_bits":
                acceptsClientMaxWindowBits = true
                if let value = parameter.value {
                    guard let bits = Self.windowBits(value) else { return nil }
                    clientMaxWindowBits = bits
                }
            default:
                return nil
            }
        }
    }

    /// "8" to "15", without sign or leading zeros.
    private static func windowBits(_ value: String) -> Int? {
        guard let bits = Int(value), (8...15).contains(bits), String(bits) == value else { return nil }
        return bits
    }
}
