import HTTP
import IO

/// A WebSocket on an HTTP/1.1 connection after the upgrade: decodes frames, answers
/// pings and the close handshake, and frames what the endpoint sends straight into
/// the connection's output queue (flushed once per loop pass).
///
/// Loop-confined.
final class WebSocketConnection: ConnectionHandler {
    /// `unowned(unsafe)`: the connection owns this handler and outlives every call to it;
    /// it is read for every frame sent.
    unowned(unsafe) let connection: Connection
    var endpoint: WebSocketEndpoint?
    private var decoder: WebSocketFrameDecoder
    /// The window size of the loop's shared compressor when permessage-deflate was agreed;
    /// nil without it. The edge never agrees to context takeover (`WebSocketUpgrade`), so
    /// a socket keeps no zlib state of its own.
    private let compressionWindowBits: Int?
    private var hasSentClose = false

    init(connection: Connection, deflate: PerMessageDeflateAgreement?, maxMessageSize: Int) {
        self.connection = connection
        decoder = WebSocketFrameDecoder(maxMessageSize: maxMessageSize, deflate: deflate)
        assert(deflate?.serverNoContextTakeover ?? true, "the edge never agrees to context takeover")
        compressionWindowBits = deflate?.serverMaxWindowBits
        connection.loopContext.shared.metrics.webSocketsOpen.increment()
        extendIdleDeadline()
    }

    /// Every read restarts the silence deadline (`EdgeState.webSocketSilence`).
    private func extendIdleDeadline() {
        let silence = state.webSocketSilence
        connection.setDeadline(after: silence.nanoseconds, reason: silence.reason)
    }

    var state: EdgeState { connection.loopContext.shared }
    var isOpen: Bool { !hasSentClose && !connection.isClosed }

    func received(_ bytes: UnsafeRawBufferPointer) {
        extendIdleDeadline()
        var input = bytes
        while !connection.isClosed {
            do {
                guard let event = try decoder.next(from: &input) else { return }
                handle(event)
            } catch {
                state.metrics.webSocketProtocolErrors.increment()
                state.log.info("WebSocket protocol error", [("close", error.closeCode.description), ("reason", error.description)])
                close(error.closeCode, reason: error.description)
                return
            }
        }
    }

    private func handle(_ event: WebSocketEvent) {
        switch event {
        case .text(let payload): endpoint?.received(text: payload, on: self)
        case .binary(let payload): endpoint?.received(binary: payload, on: self)
        case .ping(let payload):
            guard !hasSentClose else { return }
            connection.withOutput { output in
                payload.withUnsafeBytes { WebSocketFrameEncoder.appendFrame(opcode: .pong, payload: $0, into: &output) }
            }
        case .pong: break
        case .close(let code, _):
            // Answer with the peer's code (RFC 6455 §5.5.1), then close once it is written.
            close(code.flatMap { $0.isValidOnWire ? $0 : nil } ?? .normal, reason: "", echoing: code == nil)
        }
    }

    // MARK: sending

    /// One text message, compressed when permessage-deflate was agreed.
    func sendText(_ payload: [UInt8]) {
        guard isOpen else { return }
        let deflate = connection.loopContext.deflate
        connection.withOutput { output in
            if let windowBits = compressionWindowBits {
                var compressed: [UInt8] = []
                payload.withUnsafeBytes { deflate.compress($0, windowBits: windowBits, into: &compressed) }
                appendCompressedFrame(compressed, into: &output)
            } else {
                payload.withUnsafeBytes { WebSocketFrameEncoder.appendFrame(opcode: .text, payload: $0, into: &output) }
            }
        }
    }

    /// `[element]` as one text message, `element` being shared by many sockets (a Bayeux
    /// delivery, encoded once for every subscriber): framed with no copy of the message
    /// first, and compressed once per loop when compression has no context takeover.
    func sendTextWrappedInArray(_ element: [UInt8], sharedAs message: AnyObject) {
        guard isOpen else { return }
        if let windowBits = compressionWindowBits {
            let compressed = connection.loopContext.deflate.compressed(message, windowBits: windowBits) {
                [UInt8(ascii: "[")] + element + [UInt8(ascii: "]")]
            }
            connection.withOutput { appendCompressedFrame(compressed, into: &$0) }
        } else {
            connection.withOutput { output in
                WebSocketFrameEncoder.appendHeader(opcode: .text, payloadLength: element.count + 2, into: &output)
                output.append(UInt8(ascii: "["))
                output.append(contentsOf: element)
                output.append(UInt8(ascii: "]"))
            }
        }
    }

    private func appendCompressedFrame(_ compressed: [UInt8], into output: inout [UInt8]) {
        compressed.withUnsafeBytes {
            WebSocketFrameEncoder.appendFrame(opcode: .text, payload: $0, isCompressed: true, into: &output)
        }
    }

    func sendBinary(_ payload: [UInt8]) {
        guard isOpen else { return }
        connection.withOutput { output in
            payload.withUnsafeBytes { WebSocketFrameEncoder.appendFrame(opcode: .binary, payload: $0, into: &output) }
        }
    }

    /// Bytes written to this socket and not yet taken by the peer.
    var pendingOutputBytes: Int { connection.pendingOutputBytes }

    // MARK: closing

    /// Sends a close frame (unless one was sent) and closes the connection once it is written.
    func close(_ code: WebSocketCloseCode, reason: String = "", echoing isEmptyEcho: Bool = false) {
        if !hasSentClose && !connection.isClosed {
            hasSentClose = true
            connection.withOutput { WebSocketFrameEncoder.appendClose(code: isEmptyEcho ? nil : code, reason: reason, into: &$0) }
        }
        connection.closeAfterFlush(lingering: true)
    }

    /// A reader too slow for what it is sent: cut off at once, without a close frame
    /// (it would only queue behind the unread bytes).
    func cutOff(reason: String) {
        state.metrics.slowReaderDisconnects.increment()
        state.log.info("slow reader disconnected", [("transport", "websocket"), ("reason", reason),
                                                    ("pending", String(pendingOutputBytes))])
        connection.close()
    }

    func connectionClosed() {
        state.metrics.webSocketsOpen.decrement()
        let endpoint = self.endpoint
        self.endpoint = nil
        endpoint?.socketClosed()
    }

    func drain() {
        if let endpoint { endpoint.drain(self) } else { close(.goingAway) }
    }
}
