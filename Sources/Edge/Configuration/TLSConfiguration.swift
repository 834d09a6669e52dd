import TLS

/// The TLS part of the configuration as the operator gave it; `contextSettings`
/// is what the TLS layer builds a context from.
struct TLSConfiguration: Sendable, Equatable {
    /// "./certs" by default; holds the development CA when one is made.
    var directory: String
    /// Absolute; may be leaf then CA bundle in one file.
    var certificateFile: String
    var keyFile: String
    /// With only two secure versions, any allowed set is a range.
    var protocols: ClosedRange<TLSProtocolVersion>
    /// OpenSSL cipher string for TLS 1.2 (TLS 1.3 suites are OpenSSL's defaults).
    var ciphers: String
    var prefersServerCiphers: Bool

    static let defaultCiphers = TLSSettings.defaultCiphers

    func contextSettings(alpn: [String]) -> TLSSettings {
        TLSSettings(certificateFile: certificateFile, keyFile: keyFile, protocols: protocols,
                    ciphers: ciphers, preferServerCiphers: prefersServerCiphers, alpn: alpn)
    }
}
