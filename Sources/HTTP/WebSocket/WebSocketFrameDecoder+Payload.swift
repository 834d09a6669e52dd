extension WebSocketFrameDecoder {
    /// Unmasks one part of a frame's payload into its destination.
    mutating func consume(
        _ part: UnsafeRawBufferPointer, into target: PayloadTarget, maskKey: UInt32, keyOffset: Int
    ) throws(WebSocketProtocolError) {
        switch target {
        case .ping, .pong, .close:
            Self.appendUnmasked(part, to: &controlPayload, maskKey: maskKey, keyOffset: keyOffset)
        case .message(let isText, _, let inflater):
            let start = messageBytes.count
            if let inflater {
                try inflate(part, with: inflater, maskKey: maskKey, keyOffset: keyOffset)
            } else {
                Self.appendUnmasked(part, to: &messageBytes, maskKey: maskKey, keyOffset: keyOffset)
            }
            if isText {
                try validateText(from: start)
            }
        }
    }

    /// Completes a frame whose payload has fully arrived; returns the event
    /// it finishes, if any.
    mutating func finish(_ target: PayloadTarget) throws(WebSocketProtocolError) -> WebSocketEvent? {
        switch target {
        case .ping:
            return .ping(takeControlPayload())
        case .pong:
            return .pong(takeControlPayload())
        case .close:
            let event = try Self.closeEvent(takeControlPayload())
            frameState = .closed
            return event
        case .message(let isText, let isFinal, let inflater):
            guard isFinal else { return nil }
            if let inflater {
                let start = messageBytes.count
                try inflater.finishMessage(into: &messageBytes, limit: maxMessageSize)
                if isText {
                    try validateText(from: start)
                }
            }
            guard !isText || utf8.isAtCharacterBoundary else { throw WebSocketProtocolError(.invalidUTF8) }
            messageState = .none
            let bytes = messageBytes
            messageBytes = []
            return isText ? .text(bytes) : .binary(bytes)
        }
    }

    /// Unmasks compressed bytes through a small stack buffer and inflates
    /// them, so the compressed payload is never buffered whole.
    private mutating func inflate(
        _ part: UnsafeRawBufferPointer, with inflater: PerMessageDeflateDecompressor, maskKey: UInt32, keyOffset: Int
    ) throws(WebSocketProtocolError) {
        let scratchSize = min(part.count, 4096)
        try withUnsafeTemporaryAllocation(byteCount: scratchSize, alignment: 8) { scratch throws(WebSocketProtocolError) in
            var done = 0
            while done < part.count {
                let count = min(scratchSize, part.count - done)
                let piece = UnsafeMutableRawBufferPointer(rebasing: scratch[..<count])
                piece.copyMemory(from: UnsafeRawBufferPointer(rebasing: part[done..<(done + count)]))
                WebSocketMasking.unmask(piece, key: maskKey, keyOffset: keyOffset + done)
                try inflater.inflate(UnsafeRawBufferPointer(piece), into: &messageBytes, limit: maxMessageSize)
                done += count
            }
        }
    }

    private mutating func validateText(from start: Int) throws(WebSocketProtocolError) {
        let isValid = messageBytes.withUnsafeBytes { bytes in
            utf8.validate(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        }
        guard isValid else { throw WebSocketProtocolError(.invalidUTF8) }
    }

    private mutating func takeControlPayload() -> [UInt8] {
        let payload = controlPayload
        controlPayload = []
        return payload
    }

    private static func appendUnmasked(
        _ part: UnsafeRawBufferPointer, to bytes: inout [UInt8], maskKey: UInt32, keyOffset: Int
    ) {
        let start = bytes.count
        bytes.append(contentsOf: part)
        bytes.withUnsafeMutableBytes { all in
            WebSocketMasking.unmask(UnsafeMutableRawBufferPointer(rebasing: all[start...]), key: maskKey, keyOffset: keyOffset)
        }
    }

    /// A close payload is empty, or a valid code and a UTF-8 reason (§5.5.1).
    private static func closeEvent(_ payload: [UInt8]) throws(WebSocketProtocolError) -> WebSocketEvent {
        guard !payload.isEmpty else { return .close(code: nil, reason: []) }
        guard payload.count >= 2 else { throw WebSocketProtocolError(.closePayloadTooShort) }
        let code = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isValidOnWire else { throw WebSocketProtocolError(.invalidCloseCode(code.rawValue)) }
        let reason = Array(payload[2...])
        var utf8 = WebSocketUTF8Validator()
        let isValid = reason.withUnsafeBytes { utf8.validate($0) } && utf8.isAtCharacterBoundary
        guard isValid else { throw WebSocketProtocolError(.invalidUTF8) }
        return .close(code: code, reason: reason)
    }
}
