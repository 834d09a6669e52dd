import COpenSSL

/// The TLS 1.3 cipher suites whose records we protect ourselves once OpenSSL has
/// finished the handshake (all three AEAD suites OpenSSL enables by default).
public enum TLS13Suite: Sendable {
    case aes128GCM
    case aes256GCM
    case chacha20Poly1305

    /// From the IANA suite id OpenSSL reports (the low 16 bits of SSL_CIPHER_get_id).
    init?(protocolID: UInt16) {
        switch protocolID {
        case 0x1301: self = .aes128GCM
        case 0x1302: self = .aes256GCM
        case 0x1303: self = .chacha20Poly1305
        default: return nil
        }
    }

    var keyLength: Int {
        switch self {
        case .aes128GCM: 16
        case .aes256GCM, .chacha20Poly1305: 32
        }
    }

    var hashLength: Int {
        switch self {
        case .aes128GCM, .chacha20Poly1305: 32
        case .aes256GCM: 48
        }
    }

    var cipherName: String {
        switch self {
        case .aes128GCM: "AES-128-GCM"
        case .aes256GCM: "AES-256-GCM"
        case .chacha20Poly1305: "ChaCha20-Poly1305"
        }
    }

    static let ivLength = 12
    static let tagLength = 16
}
