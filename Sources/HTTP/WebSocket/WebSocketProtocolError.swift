/// Why the decoder failed the connection. Every case maps to the close code
/// the server sends before closing (RFC 6455 §7.1.7), in this one place.
public struct WebSocketProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case unmaskedFrame
        case reservedBitsSet
        case unexpectedCompressedBit
        case unknownOpcode(UInt8)
        case fragmentedControlFrame
        case controlFrameTooLong
        case continuationWithoutMessage
        case messageNotFinished
        case lengthOutOfRange
        case messageTooBig
        case invalidUTF8
        case closePayloadTooShort
        case invalidCloseCode(UInt16)
        case invalidCompressedData
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// The status for the close frame the server answers with.
    public var closeCode: WebSocketCloseCode {
        switch kind {
        case .unmaskedFrame, .reservedBitsSet, .unexpectedCompressedBit, .unknownOpcode,
             .fragmentedControlFrame, .controlFrameTooLong, .continuationWithoutMessage,
             .messageNotFinished, .lengthOutOfRange, .closePayloadTooShort, .invalidCloseCode:
            .protocolError
        case .messageTooBig:
            .messageTooBig
        case .invalidUTF8, .invalidCompressedData:
            .invalidPayload
        }
    }

    public var description: String {
        switch kind {
        case .unmaskedFrame: "client frame not masked"
        case .reservedBitsSet: "reserved bit RSV2 or RSV3 set"
        case .unexpectedCompressedBit: "RSV1 set without permessage-deflate, or on a control or continuation frame"
        case .unknownOpcode(let opcode): "reserved opcode \(opcode)"
        case .fragmentedControlFrame: "control frame without FIN"
        case .controlFrameTooLong: "control frame payload over 125 bytes"
        case .continuationWithoutMessage: "continuation frame without a message to continue"
        case .messageNotFinished: "new message while a fragmented message is unfinished"
        case .lengthOutOfRange: "64-bit payload length with the most significant bit set"
        case .messageTooBig: "message larger than the limit"
        case .invalidUTF8: "text is not valid UTF-8"
        case .closePayloadTooShort: "close frame with a 1-byte payload"
        case .invalidCloseCode(let code): "close code \(code) is not allowed on the wire"
        case .invalidCompressedData: "compressed message is not valid DEFLATE data"
        }
    }
}
