/// Frames what a WebSocket client sends (RFC 6455 §5.2, §5.3): FIN set, one frame
/// per message, payload masked with the given key.
enum ClientFrameEncoder {
    static func append(_ opcode: ServerFrameDecoder.Opcode, payload: UnsafeRawBufferPointer, mask: UInt32,
                       into output: inout [UInt8]) {
        output.append(0x80 | opcode.rawValue)
        let count = payload.count
        if count < 126 {
            output.append(0x80 | UInt8(count))
        } else if count <= Int(UInt16.max) {
            output.append(0x80 | 126)
            output.append(UInt8(count >> 8))
            output.append(UInt8(count & 0xff))
        } else {
            output.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { output.append(UInt8(truncatingIfNeeded: count >> shift)) }
        }
        let key = [UInt8(mask >> 24), UInt8(mask >> 16 & 0xff), UInt8(mask >> 8 & 0xff), UInt8(mask & 0xff)]
        output.append(contentsOf: key)
        for (index, byte) in payload.enumerated() { output.append(byte ^ key[index & 3]) }
    }

    static func appendText(_ text: [UInt8], mask: UInt32, into output: inout [UInt8]) {
        text.withUnsafeBytes { append(.text, payload: $0, mask: mask, into: &output) }
    }
}

/// Masking keys (RFC 6455 §10.3 wants them unpredictable to intermediaries; a
/// benchmark only needs them to vary): xorshift32 from a seed.
struct MaskKeys {
    private var state: UInt32

    init(seed: UInt32) {
        state = seed == 0 ? 0x9e37_79b9 : seed
    }

    mutating func next() -> UInt32 {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return state
    }
}
