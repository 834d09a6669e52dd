import COpenSSL

/// The part of TLS 1.3's key schedule (RFC 8446 §7) needed after the handshake:
/// traffic keys from a traffic secret, and the next secret on a KeyUpdate.
enum TLS13KeySchedule {
    /// HKDF-Expand-Label(secret, label, "", length). Every output here is at most one
    /// hash long, so HKDF-Expand is a single HMAC: T(1) = HMAC(secret, info || 0x01).
    static func expandLabel(secret: [UInt8], label: String, length: Int, suite: TLS13Suite) -> [UInt8]? {
        let fullLabel = Array("tls13 \(label)".utf8)
        var info: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xFF), UInt8(fullLabel.count)]
        info += fullLabel
        info.append(0)  // empty context
        info.append(1)  // HKDF-Expand's block counter
        var output = [UInt8](repeating: 0, count: 64)
        var outputLength = 0
        let done = secret.withUnsafeBytes { key in
            info.withUnsafeBytes { data in
                output.withUnsafeMutableBytes { out in
                    EVP_Q_mac(nil, "HMAC", nil, suite.hashName, nil, key.baseAddress, key.count,
                              data.baseAddress?.assumingMemoryBound(to: UInt8.self), data.count,
                              out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count, &outputLength)
                }
            }
        }
        guard done != nil, outputLength >= length else { return nil }
        return Array(output[0..<length])
    }

    /// key || iv for a traffic secret.
    static func trafficKeys(secret: [UInt8], suite: TLS13Suite) -> (key: [UInt8], iv: [UInt8])? {
        guard let key = expandLabel(secret: secret, label: "key", length: suite.keyLength, suite: suite),
              let iv = expandLabel(secret: secret, label: "iv", length: TLS13Suite.ivLength, suite: suite) else { return nil }
        return (key, iv)
    }

    static func nextSecret(after secret: [UInt8], suite: TLS13Suite) -> [UInt8]? {
        expandLabel(secret: secret, label: "traffic upd", length: suite.hashLength, suite: suite)
    }
}
