import COpenSSL

/// The TLS versions the server may speak. Older ones are refused outright: a
/// configuration naming them is repaired with a warning and never reaches OpenSSL.
public enum TLSProtocolVersion: Int, Sendable, Comparable, CaseIterable {
    case tls1_2
    case tls1_3

    /// nginx's spelling, as in FAYE_SSL_PROTOCOLS.
    public var name: String {
        switch self {
        case .tls1_2: "TLSv1.2"
        case .tls1_3: "TLSv1.3"
        }
    }

    var openSSLValue: Int32 {
        switch self {
        case .tls1_2: TLS1_2_VERSION
        case .tls1_3: TLS1_3_VERSION
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "TLSv1.2 TLSv1.3", as FAYE_SSL_PROTOCOLS would say it.
    public static func names(of range: ClosedRange<TLSProtocolVersion>) -> String {
        allCases.filter { range.contains($0) }.map(\.name).joined(separator: " ")
    }
}
