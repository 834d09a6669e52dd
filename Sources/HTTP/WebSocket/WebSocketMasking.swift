/// The XOR masking of client frames (RFC 6455 §5.3).
enum WebSocketMasking {
    /// XORs `bytes` in place with the key, starting at key byte `keyOffset`
    /// (0...3): a payload split across reads continues where the last part
    /// stopped. `key` holds the wire's first key byte in its lowest 8 bits.
    static func unmask(_ bytes: UnsafeMutableRawBufferPointer, key: UInt32, keyOffset: Int) {
        guard !bytes.isEmpty else { return }
        // The key repeated over eight bytes in memory order, so one 64-bit
        // XOR covers eight payload bytes whatever the host's byte order.
        var pattern: UInt64 = 0
        withUnsafeMutableBytes(of: &pattern) { pattern in
            for index in 0..<8 {
                pattern[index] = keyByte(key, at: keyOffset + index)
            }
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            bytes.storeBytes(of: word ^ pattern, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bytes[index] ^= keyByte(key, at: keyOffset + index)
            index += 1
        }
    }

    @inline(__always)
    private static func keyByte(_ key: UInt32, at position: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: key >> (8 * UInt32(position & 3)))
    }
}
