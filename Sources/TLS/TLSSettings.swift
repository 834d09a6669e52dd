import COpenSSL

/// Everything needed to build a server TLS context; reloading builds a new context
/// from the same settings and fresh file contents.
public struct TLSSettings: Sendable {
    public var certificateFile: String
    public var keyFile: String
    public var protocols: ClosedRange<TLSProtocolVersion>
    /// OpenSSL cipher string for TLS ≤ 1.2 (TLS 1.3 suites are OpenSSL's defaults, all AEAD).
    public var ciphers: String
    public var preferServerCiphers: Bool
    /// ALPN protocol ids in server preference order, e.g. ["h2", "http/1.1"].
    public var alpn: [String]

    /// Mozilla's "intermediate" TLS 1.2 list minus DHE: forward-secret AEAD only.
    public static let defaultCiphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
        + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"

    public init(certificateFile: String, keyFile: String, protocols: ClosedRange<TLSProtocolVersion> = .tls1_2 ... .tls1_3,
                ciphers: String = TLSSettings.defaultCiphers, preferServerCiphers: Bool = true, alpn: [String] = ["http/1.1"]) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.protocols = protocols
        self.ciphers = ciphers
        self.preferServerCiphers = preferServerCiphers
        self.alpn = alpn
    }
}

extension TLSSettings {
    /// Whether OpenSSL accepts a cipher string, checked on its own so that a bad
    /// FAYE_SSL_CIPHERS is reported even when the certificate is missing too.
    public static func cipherProblem(_ ciphers: String) -> TLSError? {
        guard let context = SSL_CTX_new(TLS_server_method()) else { return TLSError("SSL_CTX_new failed") }
        defer { SSL_CTX_free(context) }
        return SSL_CTX_set_cipher_list(context, ciphers) == 1 ? nil : TLSError("FAYE_SSL_CIPHERS \"\(ciphers)\" was rejected by OpenSSL")
    }
}
