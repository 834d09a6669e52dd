/// The fixed part of a client frame (RFC 6455 §5.2).
struct WebSocketFrameHeader: Hashable {
    var isFinal: Bool
    /// RSV1: the first frame of a permessage-deflate message (RFC 7692 §6).
    var isCompressed: Bool
    var opcode: WebSocketOpcode
    /// The wire's first key byte in the lowest 8 bits.
    var maskKey: UInt32
    var payloadLength: Int
}

/// Reads frame headers that may arrive split across reads: the up to 14
/// bytes of a split header wait inline, with no allocation. Everything the
/// first two bytes can rule out is rejected as soon as they are seen.
struct WebSocketFrameHeaderReader {
    private var buffered = InlineArray<14, UInt8>(repeating: 0)
    private var bufferedCount = 0

    var isEmpty: Bool { bufferedCount == 0 }

    /// Consumes header bytes from the front of `input`; returns the header
    /// once it is complete, nil when `input` ran out first.
    mutating func read(from input: inout UnsafeRawBufferPointer) throws(WebSocketProtocolError) -> WebSocketFrameHeader? {
        if bufferedCount == 0, input.count >= 2 {
            let (opcode, length) = try Self.check(input[0], input[1])
            if input.count >= length {
                let header = try Self.parse(UnsafeRawBufferPointer(rebasing: input[..<length]), opcode: opcode)
                input = UnsafeRawBufferPointer(rebasing: input[length...])
                return header
            }
        }
        while !input.isEmpty {
            buffered[bufferedCount] = input[0]
            bufferedCount += 1
            input = UnsafeRawBufferPointer(rebasing: input[1...])
            guard bufferedCount >= 2 else { continue }
            let (opcode, length) = try Self.check(buffered[0], buffered[1])
            guard bufferedCount == length else { continue }
            bufferedCount = 0
            return try buffered.span.withUnsafeBytes { bytes throws(WebSocketProtocolError) in
                try Self.parse(UnsafeRawBufferPointer(rebasing: bytes[..<length]), opcode: opcode)
            }
        }
        return nil
    }

    /// Checks the rules the first two bytes decide; returns the opcode and the
    /// length of the whole header.
    private static func check(
        _ first: UInt8, _ second: UInt8
    ) throws(WebSocketProtocolError) -> (opcode: WebSocketOpcode, headerLength: Int) {
        guard first & 0x30 == 0 else { throw WebSocketProtocolError(.reservedBitsSet) }
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else {
            throw WebSocketProtocolError(.unknownOpcode(first & 0x0F))
        }
        if first & 0x40 != 0, opcode.isControl || opcode == .continuation {
            throw WebSocketProtocolError(.unexpectedCompressedBit)
        }
        guard second & 0x80 != 0 else { throw WebSocketProtocolError(.unmaskedFrame) }
        let lengthCode = second & 0x7F
        if opcode.isControl {
            guard first & 0x80 != 0 else { throw WebSocketProtocolError(.fragmentedControlFrame) }
            guard lengthCode <= 125 else { throw WebSocketProtocolError(.controlFrameTooLong) }
        }
        switch lengthCode {
        case 126: return (opcode, 2 + 2 + 4)
        case 127: return (opcode, 2 + 8 + 4)
        default: return (opcode, 2 + 4)
        }
    }

    /// Parses a complete header whose first two bytes passed `check`.
    private static func parse(
        _ bytes: UnsafeRawBufferPointer, opcode: WebSocketOpcode
    ) throws(WebSocketProtocolError) -> WebSocketFrameHeader {
        var length = UInt64(bytes[1] & 0x7F)
        var offset = 2
        if length >= 126 {
            let lengthBytes = length == 126 ? 2 : 8
            length = 0
            for index in offset..<(offset + lengthBytes) {
                length = length << 8 | UInt64(bytes[index])
            }
            offset += lengthBytes
            guard length >> 63 == 0 else { throw WebSocketProtocolError(.lengthOutOfRange) }
        }
        // Only a 32-bit host can fail here, for a length no limit allows.
        guard let payloadLength = Int(exactly: length) else { throw WebSocketProtocolError(.messageTooBig) }
        var maskKey: UInt32 = 0
        for index in 0..<4 {
            maskKey |= UInt32(bytes[offset + index]) << (8 * UInt32(index))
        }
        return WebSocketFrameHeader(
            isFinal: bytes[0] & 0x80 != 0,
            isCompressed: bytes[0] & 0x40 != 0,
            opcode: opcode,
            maskKey: maskKey,
            payloadLength: payloadLength
        )
    }
}
