import COpenSSL

/// Why an upgrade request is refused (RFC 6455 §4.2.1).
public enum WebSocketHandshakeError: Error, Hashable, Sendable {
    case missingKey
    /// Sec-WebSocket-Key is not base64 of 16 bytes.
    case invalidKey
    /// Sec-WebSocket-Version is absent or not 13.
    case unsupportedVersion

    /// The HTTP status to answer with. A 426 must carry
    /// `Sec-WebSocket-Version: 13` (§4.4), naming the version we speak.
    public var responseStatus: Int {
        switch self {
        case .missingKey, .invalidKey: 400
        case .unsupportedVersion: 426
        }
    }
}

/// The server's half of the opening handshake (RFC 6455 §4.2).
public enum WebSocketHandshake {
    /// The only version of the protocol there is.
    public static let version = "13"
    private static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Validates an upgrade request's Sec-WebSocket-Key and
    /// Sec-WebSocket-Version values and returns the Sec-WebSocket-Accept
    /// value for the 101 response.
    public static func accept(key: String?, version: String?) -> Result<String, WebSocketHandshakeError> {
        guard let version, trimmed(version) == Self.version else { return .failure(.unsupportedVersion) }
        guard let key else { return .failure(.missingKey) }
        let clientKey = trimmed(key)
        guard WebSocketBase64.decode(clientKey)?.count == 16 else { return .failure(.invalidKey) }
        return .success(acceptValue(for: clientKey))
    }

    /// base64(SHA-1(key + GUID)), §4.2.2 item 5.
    static func acceptValue(for key: Substring) -> String {
        let input = Array((key + acceptGUID).utf8)
        var digest = [UInt8](repeating: 0, count: 20)
        var digestLength: UInt32 = 0
        let status = EVP_Digest(input, input.count, &digest, &digestLength, EVP_sha1(), nil)
        // SHA-1 of a short buffer only fails if libcrypto itself is broken.
        precondition(status == 1 && digestLength == 20, "EVP_Digest(SHA-1) failed")
        return WebSocketBase64.encode(digest)
    }

    private static func trimmed(_ value: String) -> Substring {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let start = value.firstIndex { !isWhitespace($0) } ?? value.endIndex
        let end = value.lastIndex { !isWhitespace($0) }.map(value.index(after:)) ?? start
        return value[start..<end]
    }
}
