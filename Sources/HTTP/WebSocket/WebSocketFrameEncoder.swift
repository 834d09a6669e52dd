/// Writes server frames (RFC 6455 §5.2) into a connection's output buffer.
/// Server frames are never masked, so a payload is appended as it is, or by
/// the caller itself after `appendHeader`: the same serialized message can be
/// framed for every subscriber without another copy.
public enum WebSocketFrameEncoder {
    /// A header is 2 bytes plus a 2- or 8-byte extended length.
    public static let maxHeaderLength = 10

    /// Appends a frame header announcing `payloadLength` bytes of payload.
    /// `isCompressed` sets RSV1, on the first frame of a message compressed
    /// with permessage-deflate only.
    public static func appendHeader(
        opcode: WebSocketOpcode, payloadLength: Int, isFinal: Bool = true, isCompressed: Bool = false,
        into buffer: inout [UInt8]
    ) {
        precondition(payloadLength >= 0, "negative payload length")
        precondition(!opcode.isControl || (isFinal && payloadLength <= 125), "control frame fragmented or over 125 bytes")
        precondition(!isCompressed || opcode == .text || opcode == .binary, "RSV1 on a control or continuation frame")
        var first = opcode.rawValue
        if isFinal {
            first |= 0x80
        }
        if isCompressed {
            first |= 0x40
        }
        buffer.append(first)
        switch payloadLength {
        case 0...125:
            buffer.append(UInt8(payloadLength))
        case 126...0xFFFF:
            buffer.append(126)
            buffer.append(UInt8(truncatingIfNeeded: payloadLength >> 8))
            buffer.append(UInt8(truncatingIfNeeded: payloadLength))
        default:
            buffer.append(127)
            withUnsafeBytes(of: UInt64(payloadLength).bigEndian) { buffer.append(contentsOf: $0) }
        }
    }

    /// Appends a whole frame: header and payload.
    public static func appendFrame(
        opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, isFinal: Bool = true, isCompressed: Bool = false,
        into buffer: inout [UInt8]
    ) {
        appendHeader(opcode: opcode, payloadLength: payload.count, isFinal: isFinal, isCompressed: isCompressed, into: &buffer)
        buffer.append(contentsOf: payload)
    }

    /// Appends a close frame: empty when `code` is nil, otherwise the code
    /// and the reason, cut at a character boundary to fit in 125 bytes.
    public static func appendClose(code: WebSocketCloseCode?, reason: String = "", into buffer: inout [UInt8]) {
        guard let code else {
            appendHeader(opcode: .close, payloadLength: 0, into: &buffer)
            return
        }
        precondition(code.isValidOnWire, "close code \(code) may not be sent")
        var reasonLength = 0
        for scalar in reason.unicodeScalars {
            let width = UTF8.width(scalar)
            guard reasonLength + width <= 123 else { break }
            reasonLength += width
        }
        appendHeader(opcode: .close, payloadLength: 2 + reasonLength, into: &buffer)
        buffer.append(UInt8(truncatingIfNeeded: code.rawValue >> 8))
        buffer.append(UInt8(truncatingIfNeeded: code.rawValue))
        buffer.append(contentsOf: reason.utf8.prefix(reasonLength))
    }
}
