/// Decodes what a WebSocket server sends (RFC 6455 §5.2) on the client side: frames
/// are unmasked, and no extension is agreed (the client offers none), so the RSV bits
/// must be clear. Input may split a frame anywhere; the split part is kept for the next
/// call. A whole unfragmented frame is handed over in place, without a copy.
///
/// Loop-confined: one per connection.
struct ServerFrameDecoder {
    enum Opcode: UInt8 {
        case continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10
    }

    enum DecodeError: Error, Equatable {
        case maskedFrame
        case reservedBits
        case unknownOpcode(UInt8)
        case tooLarge(UInt64)
        case badControlFrame
        case unexpectedContinuation
    }

    let maxMessageBytes: Int
    /// The start of a frame that did not arrive whole.
    private var carried: [UInt8] = []
    /// A fragmented message being put together.
    private var message: [UInt8] = []
    private var messageOpcode: Opcode?

    init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Calls `body` with each complete message and control frame in `input`, in order.
    mutating func decode(_ input: UnsafeRawBufferPointer,
                         _ body: (Opcode, UnsafeRawBufferPointer) -> Void) throws(DecodeError) {
        guard !carried.isEmpty else {
            let used = try decodeFrames(input, body)
            if used < input.count { carried = Array(input[used...]) }
            return
        }
        carried.append(contentsOf: input)
        var buffer: [UInt8] = []
        swap(&buffer, &carried)
        let outcome = buffer.withUnsafeBytes { bytes in
            Result { () throws(DecodeError) in try decodeFrames(bytes, body) }
        }
        let used = try outcome.get()
        if used < buffer.count { carried = Array(buffer[used...]) }
    }

    /// Decodes every whole frame at the start of `bytes`; returns how many bytes they took.
    private mutating func decodeFrames(_ bytes: UnsafeRawBufferPointer,
                                       _ body: (Opcode, UnsafeRawBufferPointer) -> Void) throws(DecodeError) -> Int {
        var position = 0
        while let frame = try Self.frame(in: bytes, at: position, maxLength: maxMessageBytes) {
            position = frame.end
            let payload = UnsafeRawBufferPointer(rebasing: bytes[frame.payloadStart..<frame.end])
            try deliver(opcode: frame.opcode, isFinal: frame.isFinal, payload: payload, body)
        }
        return position
    }

    private mutating func deliver(opcode: Opcode, isFinal: Bool, payload: UnsafeRawBufferPointer,
                                  _ body: (Opcode, UnsafeRawBufferPointer) -> Void) throws(DecodeError) {
        switch opcode {
        case .close, .ping, .pong:
            guard isFinal, payload.count <= 125 else { throw .badControlFrame }
            body(opcode, payload)
        case .text, .binary:
            guard messageOpcode == nil else { throw .unexpectedContinuation }
            if isFinal {
                body(opcode, payload)
            } else {
                messageOpcode = opcode
                message = Array(payload)
            }
        case .continuation:
            guard let started = messageOpcode else { throw .unexpectedContinuation }
            guard message.count + payload.count <= maxMessageBytes else { throw .tooLarge(UInt64(message.count + payload.count)) }
            message.append(contentsOf: payload)
            if isFinal {
                messageOpcode = nil
                message.withUnsafeBytes { body(started, $0) }
                message = []
            }
        }
    }

    private struct Frame {
        let opcode: Opcode
        let isFinal: Bool
        let payloadStart: Int
        let end: Int
    }

    /// The frame starting at `start`, nil if it has not fully arrived.
    private static func frame(in bytes: UnsafeRawBufferPointer, at start: Int, maxLength: Int) throws(DecodeError) -> Frame? {
        guard bytes.count - start >= 2 else { return nil }
        let first = bytes[start], second = bytes[start + 1]
        guard first & 0x70 == 0 else { throw .reservedBits }
        guard let opcode = Opcode(rawValue: first & 0x0f) else { throw .unknownOpcode(first & 0x0f) }
        guard second & 0x80 == 0 else { throw .maskedFrame }
        var headerLength = 2
        var length = UInt64(second & 0x7f)
        if length >= 126 {
            let extra = length == 126 ? 2 : 8
            guard bytes.count - start >= 2 + extra else { return nil }
            length = 0
            for offset in 0..<extra { length = length << 8 | UInt64(bytes[start + 2 + offset]) }
            headerLength += extra
        }
        guard length <= UInt64(maxLength) else { throw .tooLarge(length) }
        let end = start + headerLength + Int(length)
        guard end <= bytes.count else { return nil }
        return Frame(opcode: opcode, isFinal: first & 0x80 != 0, payloadStart: start + headerLength, end: end)
    }
}
