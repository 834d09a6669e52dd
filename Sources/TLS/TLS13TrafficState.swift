/// One direction of a TLS 1.3 connection after the handshake: its traffic secret
/// (kept for KeyUpdate), key, IV and record sequence number, in one small allocation.
struct TLS13TrafficState {
    let suite: TLS13Suite
    /// secret || key || iv
    private var material: [UInt8]
    private(set) var sequence: UInt64

    init?(secret: [UInt8], suite: TLS13Suite, sequence: UInt64) {
        guard secret.count == suite.hashLength,
              let (key, iv) = TLS13KeySchedule.trafficKeys(secret: secret, suite: suite) else { return nil }
        self.suite = suite
        self.material = secret + key + iv
        self.sequence = sequence
    }

    /// RFC 8446 §7.2: a KeyUpdate moves to the next secret and restarts the sequence.
    mutating func advance() -> Bool {
        let secret = Array(material[0..<suite.hashLength])
        guard let next = TLS13TrafficState(secret: TLS13KeySchedule.nextSecret(after: secret, suite: suite) ?? [],
                                           suite: suite, sequence: 0) else { return false }
        self = next
        return true
    }

    /// Calls `body` with the key and this record's nonce (IV XOR the padded sequence
    /// number, §5.3), then counts the record.
    mutating func protectNext<R>(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> R) -> R {
        let keyStart = suite.hashLength
        let ivStart = keyStart + suite.keyLength
        var nonce: (UInt64, UInt32) = (0, 0)
        let result = withUnsafeMutableBytes(of: &nonce) { nonceBytes -> R in
            material.withUnsafeBytes { all in
                let iv = all[ivStart..<(ivStart + TLS13Suite.ivLength)]
                for i in 0..<TLS13Suite.ivLength { nonceBytes[i] = iv[ivStart + i] }
                let counter = sequence.bigEndian
                withUnsafeBytes(of: counter) { seq in
                    for i in 0..<8 { nonceBytes[4 + i] ^= seq[i] }
                }
                return body(UnsafeRawBufferPointer(rebasing: all[keyStart..<ivStart]),
                            UnsafeRawBufferPointer(rebasing: nonceBytes[0..<TLS13Suite.ivLength]))
            }
        }
        sequence &+= 1
        return result
    }
}
