import Testing
@testable import HTTP

@Suite("WebSocket frame encoder")
struct WebSocketFrameEncoderTests {
    private func frame(
        _ opcode: WebSocketOpcode, _ payload: [UInt8], isFinal: Bool = true, isCompressed: Bool = false
    ) -> [UInt8] {
        var buffer: [UInt8] = []
        payload.withUnsafeBytes {
            WebSocketFrameEncoder.appendFrame(opcode: opcode, payload: $0, isFinal: isFinal, isCompressed: isCompressed, into: &buffer)
        }
        return buffer
    }

    @Test("RFC 6455 §5.7 examples, byte for byte")
    func rfcExamples() {
        let hello = Array("Hello".utf8)
        #expect(frame(.text, hello) == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(frame(.text, Array("Hel".utf8), isFinal: false) == [0x01, 0x03, 0x48, 0x65, 0x6C])
        #expect(frame(.continuation, Array("lo".utf8)) == [0x80, 0x02, 0x6C, 0x6F])
        #expect(frame(.ping, hello) == [0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(frame(.pong, hello) == [0x8A, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        let binary256 = pseudoRandomBytes(count: 256, seed: 1)
        #expect(frame(.binary, binary256) == [0x82, 0x7E, 0x01, 0x00] + binary256)
        let binary65536 = pseudoRandomBytes(count: 65536, seed: 2)
        #expect(frame(.binary, binary65536) == [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0] + binary65536)
    }

    @Test("length forms at their edges", arguments: [
        (0, [0x82, 0x00]), (125, [0x82, 0x7D]), (126, [0x82, 0x7E, 0x00, 0x7E]),
        (65535, [0x82, 0x7E, 0xFF, 0xFF]), (65536, [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0]),
        (0x1_0000_0000, [0x82, 0x7F, 0, 0, 0, 1, 0, 0, 0, 0]),
    ] as [(Int, [UInt8])])
    func lengthForms(length: Int, header: [UInt8]) {
        var buffer: [UInt8] = []
        WebSocketFrameEncoder.appendHeader(opcode: .binary, payloadLength: length, into: &buffer)
        #expect(buffer == header)
        #expect(buffer.count <= WebSocketFrameEncoder.maxHeaderLength)
    }

    @Test("RFC 7692 §7.2.3.1: a compressed \"Hello\" sets RSV1")
    func compressedFrame() {
        let compressed: [UInt8] = [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
        #expect(frame(.text, compressed, isCompressed: true) == [0xC1, 0x07] + compressed)
        #expect(frame(.text, [0xF2, 0x48, 0xCD], isFinal: false, isCompressed: true) == [0x41, 0x03, 0xF2, 0x48, 0xCD])
    }

    @Test("frames are appended after what the buffer already holds")
    func appends() {
        var buffer: [UInt8] = [0xAA]
        WebSocketFrameEncoder.appendHeader(opcode: .text, payloadLength: 2, into: &buffer)
        buffer += Array("hi".utf8)
        [UInt8]([1]).withUnsafeBytes { WebSocketFrameEncoder.appendFrame(opcode: .binary, payload: $0, into: &buffer) }
        #expect(buffer == [0xAA, 0x81, 0x02, 0x68, 0x69, 0x82, 0x01, 0x01])
    }

    @Test("close frames: empty, code only, code and reason")
    func closeFrames() {
        var buffer: [UInt8] = []
        WebSocketFrameEncoder.appendClose(code: nil, into: &buffer)
        #expect(buffer == [0x88, 0x00])
        buffer = []
        WebSocketFrameEncoder.appendClose(code: .normal, into: &buffer)
        #expect(buffer == [0x88, 0x02, 0x03, 0xE8])
        buffer = []
        WebSocketFrameEncoder.appendClose(code: .messageTooBig, reason: "too big", into: &buffer)
        #expect(buffer == [0x88, 0x09, 0x03, 0xF1] + Array("too big".utf8))
    }

    @Test("a long close reason is cut at a character boundary within 125 bytes")
    func longCloseReason() {
        // 122 ASCII bytes, then a 2-byte character that would end at byte 124.
        let reason = String(repeating: "a", count: 122) + "é" + "tail"
        var buffer: [UInt8] = []
        WebSocketFrameEncoder.appendClose(code: .policyViolation, reason: reason, into: &buffer)
        #expect(buffer.count == 2 + 2 + 122)
        #expect(buffer[..<4] == [0x88, 124, 0x03, 0xF0])
        #expect(buffer[4...].allSatisfy { $0 == UInt8(ascii: "a") })
        buffer = []
        WebSocketFrameEncoder.appendClose(code: .normal, reason: String(repeating: "é", count: 70), into: &buffer)
        #expect(buffer[1] == 2 + 122)
    }

    @Test("a close frame the encoder writes decodes to the same code and reason")
    func closeRoundTrip() {
        var buffer: [UInt8] = []
        WebSocketFrameEncoder.appendClose(code: .goingAway, reason: "bye ✓", into: &buffer)
        // Mask it the way a client would, to feed it to the server decoder.
        let masked = ClientFrame.make(0x8, Array(buffer[2...]))
        #expect(decodeAll(masked) == DecodeOutcome(events: [.close(code: .goingAway, reason: Array("bye ✓".utf8))]))
    }
}
