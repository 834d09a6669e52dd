/// Decodes what a client sends on a WebSocket (RFC 6455 §5, RFC 7692) into
/// whole messages and control frames, straight from a borrowed read buffer:
/// payload bytes are copied once, unmasked on the way, into the message
/// being assembled. Input may be split anywhere, down to one byte per read.
///
/// Loop-confined: one per connection, used only on that connection's loop.
public struct WebSocketFrameDecoder {
    enum FrameState {
        case awaitingHeader
        case readingPayload(PayloadTarget, maskKey: UInt32, length: Int, remaining: Int)
        /// A close frame arrived; the peer may send nothing after it.
        case closed
        case failed(WebSocketProtocolError)
    }

    /// Where the payload of the current frame goes.
    enum PayloadTarget {
        case ping, pong, close
        /// `inflater` is nil for an uncompressed message.
        case message(isText: Bool, isFinal: Bool, inflater: PerMessageDeflateDecompressor?)
    }

    enum MessageState {
        case none
        case open(isText: Bool, inflater: PerMessageDeflateDecompressor?)
    }

    let maxMessageSize: Int
    let decompressor: PerMessageDeflateDecompressor?
    var frameState = FrameState.awaitingHeader
    var headerReader = WebSocketFrameHeaderReader()
    var messageState = MessageState.none
    var messageBytes: [UInt8] = []
    var utf8 = WebSocketUTF8Validator()
    var controlPayload: [UInt8] = []

    /// `maxMessageSize` bounds a whole message after reassembly and
    /// decompression; `deflate` is the agreement made at the upgrade, if any.
    public init(maxMessageSize: Int, deflate: PerMessageDeflateAgreement?) {
        precondition(maxMessageSize >= 0, "negative message size limit")
        self.maxMessageSize = maxMessageSize
        self.decompressor = deflate.map {
            PerMessageDeflateDecompressor(windowBits: $0.clientMaxWindowBits, noContextTakeover: $0.clientNoContextTakeover)
        }
    }

    /// Nothing is buffered: no partial frame, no unfinished message.
    public var isIdle: Bool {
        guard case .awaitingHeader = frameState, headerReader.isEmpty, case .none = messageState else { return false }
        return true
    }

    /// Consumes bytes from the front of `input` until an event is complete
    /// and returns it; returns nil once `input` is used up (what was read of
    /// an unfinished frame is kept for the next call). After a close frame
    /// later bytes are discarded. An error is final: every later call throws
    /// it again, and the connection should be closed with its `closeCode`.
    public mutating func next(from input: inout UnsafeRawBufferPointer) throws(WebSocketProtocolError) -> WebSocketEvent? {
        do {
            return try decode(&input)
        } catch {
            frameState = .failed(error)
            throw error
        }
    }

    private mutating func decode(_ input: inout UnsafeRawBufferPointer) throws(WebSocketProtocolError) -> WebSocketEvent? {
        while true {
            switch frameState {
            case .failed(let error):
                throw error
            case .closed:
                input = UnsafeRawBufferPointer(rebasing: input[input.endIndex...])
                return nil
            case .awaitingHeader:
                guard let header = try headerReader.read(from: &input) else { return nil }
                let target = try start(header)
                frameState = .readingPayload(
                    target, maskKey: header.maskKey, length: header.payloadLength, remaining: header.payloadLength
                )
            case .readingPayload(let target, let maskKey, let length, let remaining):
                let count = min(remaining, input.count)
                if count > 0 {
                    let keyOffset = (length - remaining) & 3
                    try consume(UnsafeRawBufferPointer(rebasing: input[..<count]), into: target, maskKey: maskKey, keyOffset: keyOffset)
                    input = UnsafeRawBufferPointer(rebasing: input[count...])
                }
                guard count == remaining else {
                    frameState = .readingPayload(target, maskKey: maskKey, length: length, remaining: remaining - count)
                    return nil
                }
                frameState = .awaitingHeader
                if let event = try finish(target) {
                    return event
                }
            }
        }
    }

    /// Applies the rules that depend on the message in progress and decides
    /// where the payload goes, before any payload byte is buffered.
    private mutating func start(_ header: WebSocketFrameHeader) throws(WebSocketProtocolError) -> PayloadTarget {
        switch header.opcode {
        case .ping:
            return .ping
        case .pong:
            return .pong
        case .close:
            return .close
        case .text, .binary:
            guard case .none = messageState else { throw WebSocketProtocolError(.messageNotFinished) }
            var inflater: PerMessageDeflateDecompressor?
            if header.isCompressed {
                guard let decompressor else { throw WebSocketProtocolError(.unexpectedCompressedBit) }
                inflater = decompressor
            } else {
                // No capacity is reserved from the announced length: a peer
                // could announce the limit and then send nothing.
                try checkRoom(for: header.payloadLength)
            }
            let isText = header.opcode == .text
            messageState = .open(isText: isText, inflater: inflater)
            utf8 = WebSocketUTF8Validator()
            return .message(isText: isText, isFinal: header.isFinal, inflater: inflater)
        case .continuation:
            guard case .open(let isText, let inflater) = messageState else {
                throw WebSocketProtocolError(.continuationWithoutMessage)
            }
            // A compressed message is limited after inflating, as it arrives.
            if inflater == nil {
                try checkRoom(for: header.payloadLength)
            }
            return .message(isText: isText, isFinal: header.isFinal, inflater: inflater)
        }
    }

    private func checkRoom(for payloadLength: Int) throws(WebSocketProtocolError) {
        guard payloadLength <= maxMessageSize - messageBytes.count else {
            throw WebSocketProtocolError(.messageTooBig)
        }
    }
}

// Loop-confined (see above); it also shares its decompressor by reference.
@available(*, unavailable)
extension WebSocketFrameDecoder: Sendable {}
