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
        guard let block = hmac(key: secret, data: info, suite: suite), block.count >= length else { return nil }
        return Array(block[0..<length])
    }

    /// HMAC (RFC 2104) over the suite's hash, fetched once: looking the hash up in the
    /// provider on every call would cost more than hashing these few bytes.
    static func hmac(key: [UInt8], data: [UInt8], suite: TLS13Suite) -> [UInt8]? {
        let (digest, blockSize) = suite.hashLength == 48 ? (Digests.shared.sha384, 128) : (Digests.shared.sha256, 64)
        guard let digest, key.count <= blockSize else { return nil }
        let padded = key + [UInt8](repeating: 0, count: blockSize - key.count)
        guard let inner = hash(padded.map { $0 ^ 0x36 } + data, digest),
              let outer = hash(padded.map { $0 ^ 0x5C } + inner, digest) else { return nil }
        return outer
    }

    private static func hash(_ bytes: [UInt8], _ digest: OpaquePointer) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        guard EVP_Digest(bytes, bytes.count, &output, &length, digest, nil) == 1 else { return nil }
        return Array(output[0..<Int(length)])
    }

    /// `@unchecked Sendable`: fetched once and never changed; OpenSSL allows a fetched
    /// EVP_MD to be used from any thread.
    private final class Digests: @unchecked Sendable {
        static let shared = Digests()
        let sha256 = EVP_MD_fetch(nil, "SHA256", nil)
        let sha384 = EVP_MD_fetch(nil, "SHA384", nil)
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
