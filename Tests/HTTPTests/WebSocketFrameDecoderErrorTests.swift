import Testing
@testable import HTTP

@Suite("WebSocket frame decoder: malformed input closes with the right code")
struct WebSocketFrameDecoderErrorTests {
    static let deflate = PerMessageDeflateAgreement.negotiate(offers: ["permessage-deflate"], policy: .init())

    /// Expects the error whole, one byte at a time, and after a valid
    /// message, so the rule holds wherever the reads happen to split.
    private func expectFailure(
        _ bytes: [UInt8], _ code: WebSocketCloseCode, after events: [WebSocketEvent] = [], maxMessageSize: Int = 1 << 20,
        deflate: PerMessageDeflateAgreement? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = DecodeOutcome(events: events, closeCode: code)
        #expect(decodeAll(bytes, maxMessageSize: maxMessageSize, deflate: deflate) == expected, sourceLocation: sourceLocation)
        var byteByByte = WebSocketFrameDecoder(maxMessageSize: maxMessageSize, deflate: deflate)
        #expect(byteByByte.decodeByteByByte(bytes) == expected, sourceLocation: sourceLocation)
        let ping = ClientFrame.make(0x9, [7])
        let afterPing = DecodeOutcome(events: [.ping([7])] + events, closeCode: code)
        #expect(decodeAll(ping + bytes, maxMessageSize: maxMessageSize, deflate: deflate) == afterPing, sourceLocation: sourceLocation)
    }

    @Test("unmasked client frame: 1002")
    func unmasked() {
        expectFailure(ClientFrame.make(0x1, Array("hi".utf8), masked: false), .protocolError)
    }

    @Test("RSV2 or RSV3 set: 1002", arguments: [UInt8(0b010), 0b001, 0b011, 0b111])
    func reservedBits(bits: UInt8) {
        expectFailure(ClientFrame.make(0x1, Array("hi".utf8), reservedBits: bits), .protocolError)
        expectFailure(ClientFrame.make(0x1, Array("hi".utf8), reservedBits: bits), .protocolError, deflate: Self.deflate)
    }

    @Test("RSV1 without permessage-deflate: 1002")
    func compressedBitWithoutDeflate() {
        expectFailure(ClientFrame.make(0x1, [0xF2, 0x48], reservedBits: 0b100), .protocolError)
    }

    @Test("RSV1 on a control or continuation frame: 1002", arguments: [UInt8(0x8), 0x9, 0xA])
    func compressedBitOnControlFrame(opcode: UInt8) {
        expectFailure(ClientFrame.make(opcode, [], reservedBits: 0b100), .protocolError, deflate: Self.deflate)
    }

    @Test("RSV1 on a continuation frame: 1002")
    func compressedBitOnContinuation() {
        let bytes = ClientFrame.make(0x1, [], isFinal: false, reservedBits: 0b100) + ClientFrame.make(0x0, [], reservedBits: 0b100)
        expectFailure(bytes, .protocolError, deflate: Self.deflate)
    }

    @Test("reserved opcodes: 1002", arguments: [UInt8(3), 4, 5, 6, 7, 11, 12, 13, 14, 15])
    func reservedOpcode(opcode: UInt8) {
        expectFailure(ClientFrame.make(opcode, [1, 2]), .protocolError)
    }

    @Test("control frame over 125 bytes: 1002", arguments: [UInt8(0x8), 0x9, 0xA])
    func longControlFrame(opcode: UInt8) {
        let payload = opcode == 0x8 ? [0x03, 0xE8] + Array(repeating: UInt8(ascii: "x"), count: 124) : Array(repeating: 0, count: 126)
        expectFailure(ClientFrame.make(opcode, payload), .protocolError)
    }

    @Test("fragmented control frame: 1002", arguments: [UInt8(0x8), 0x9, 0xA])
    func fragmentedControlFrame(opcode: UInt8) {
        expectFailure(ClientFrame.make(opcode, [], isFinal: false), .protocolError)
    }

    @Test("continuation without a message: 1002")
    func continuationWithoutMessage() {
        expectFailure(ClientFrame.make(0x0, Array("orphan".utf8)), .protocolError)
        expectFailure(ClientFrame.text("done") + ClientFrame.make(0x0, []), .protocolError, after: [.text(Array("done".utf8))])
    }

    @Test("new message while a fragmented one is open: 1002", arguments: [UInt8(0x1), 0x2])
    func messageNotFinished(opcode: UInt8) {
        expectFailure(ClientFrame.make(0x1, Array("first".utf8), isFinal: false) + ClientFrame.make(opcode, []), .protocolError)
    }

    @Test("64-bit length with the top bit set: 1002")
    func lengthTopBit() {
        let header: [UInt8] = [0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0] + ClientFrame.maskKey
        expectFailure(header, .protocolError)
    }

    @Test("frame longer than the limit: 1009 from the header alone", arguments: [101, 65536, Int(Int64.max)])
    func frameTooBig(length: Int) {
        // Only the header is sent: the decision may not wait for the payload.
        var header: [UInt8] = [0x82, 0x80 | 127]
        header += (0..<8).reversed().map { UInt8(truncatingIfNeeded: length >> ($0 * 8)) }
        expectFailure(header + ClientFrame.maskKey, .messageTooBig, maxMessageSize: 100)
    }

    @Test("fragments adding up to more than the limit: 1009")
    func fragmentsTooBig() {
        let bytes = ClientFrame.make(0x2, Array(repeating: 1, count: 60), isFinal: false)
            + ClientFrame.make(0x0, Array(repeating: 2, count: 30), isFinal: false)
            + ClientFrame.make(0x0, Array(repeating: 3, count: 11))
        expectFailure(bytes, .messageTooBig, maxMessageSize: 100)
    }

    @Test("invalid UTF-8 in a text message: 1007", arguments: [
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80],
        [0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5, 0xED, 0xA0, 0x80, 0x65, 0x64, 0x69, 0x74, 0x65, 0x64],
    ] as [[UInt8]])
    func invalidText(bytes: [UInt8]) {
        expectFailure(ClientFrame.make(0x1, bytes), .invalidPayload)
    }

    @Test("text ending inside a character: 1007, also across fragments")
    func truncatedText() {
        expectFailure(ClientFrame.make(0x1, [0x41, 0xE2, 0x82]), .invalidPayload)
        expectFailure(ClientFrame.make(0x1, [0xE2], isFinal: false) + ClientFrame.make(0x0, [0x82]), .invalidPayload)
    }

    @Test("invalid UTF-8 fails before the rest of the frame or message arrives")
    func invalidTextFailsFast() {
        // The frame announces 100 bytes; only the first 4 arrive, and the
        // message is not final either.
        let frame = ClientFrame.make(0x1, [0x61, 0x62, 0xF4, 0x90] + Array(repeating: 0x61, count: 96), isFinal: false)
        let partial = Array(frame[..<(2 + 4 + 4)])
        #expect(decodeAll(partial) == DecodeOutcome(events: [], closeCode: .invalidPayload))
        let validSoFar = Array(frame[..<(2 + 4 + 3)])
        var decoder = WebSocketFrameDecoder(maxMessageSize: 1000, deflate: nil)
        #expect(decoder.decode(validSoFar) == DecodeOutcome())
    }

    @Test("close frame with a 1-byte payload: 1002")
    func closeOneByte() {
        expectFailure(ClientFrame.make(0x8, [0x03]), .protocolError)
    }

    @Test("close codes not allowed on the wire: 1002", arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535])
    func invalidCloseCode(code: UInt16) {
        expectFailure(ClientFrame.make(0x8, [UInt8(code >> 8), UInt8(code & 0xFF)]), .protocolError)
    }

    @Test("close reason that is not UTF-8: 1007")
    func invalidCloseReason() {
        expectFailure(ClientFrame.make(0x8, [0x03, 0xE8, 0x61, 0xC3]), .invalidPayload)
        expectFailure(ClientFrame.make(0x8, [0x03, 0xE8, 0xED, 0xA0, 0x80]), .invalidPayload)
    }

    @Test("an error is final: later calls throw it again and consume nothing")
    func errorIsSticky() throws {
        var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: nil)
        #expect(decoder.decode(ClientFrame.make(0x3, [])).closeCode == .protocolError)
        let valid = ClientFrame.text("ok")
        valid.withUnsafeBytes { buffer in
            var input = buffer
            #expect(throws: WebSocketProtocolError(.unknownOpcode(3))) { try decoder.next(from: &input) }
            #expect(input.count == valid.count)
        }
        #expect(!decoder.isIdle)
    }
}
