import Testing
@testable import HTTP

@Suite("WebSocket frame decoder: valid input")
struct WebSocketFrameDecoderTests {
    @Test("RFC 6455 §5.7: a masked \"Hello\"")
    func rfcMaskedHello() {
        let frame: [UInt8] = [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58]
        #expect(decodeAll(frame) == DecodeOutcome(events: [.text(Array("Hello".utf8))]))
    }

    /// A conversation with every frame kind: small text, 16-bit length,
    /// a fragmented message with a ping between its fragments, pong, close.
    static let conversation: (bytes: [UInt8], events: [WebSocketEvent]) = {
        let medium = pseudoRandomBytes(count: 300, seed: 1)
        let bytes = ClientFrame.text("Hi")
            + ClientFrame.make(0x2, medium)
            + ClientFrame.make(0x1, Array("frag".utf8), isFinal: false)
            + ClientFrame.make(0x9, Array("ping".utf8))
            + ClientFrame.make(0x0, Array("men".utf8), isFinal: false)
            + ClientFrame.make(0x0, Array("ted €".utf8))
            + ClientFrame.make(0xA, [])
            + ClientFrame.make(0x8, [0x03, 0xE8] + Array("bye".utf8))
        let events: [WebSocketEvent] = [
            .text(Array("Hi".utf8)),
            .binary(medium),
            .ping(Array("ping".utf8)),
            .text(Array("fragmented €".utf8)),
            .pong([]),
            .close(code: .normal, reason: Array("bye".utf8)),
        ]
        return (bytes, events)
    }()

    @Test("every split into two reads gives the same events")
    func everyTwoPartSplit() {
        let (bytes, events) = Self.conversation
        for split in 0...bytes.count {
            var decoder = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: nil)
            let outcome = decoder.decode(bytes, pieces: [0..<split, split..<bytes.count])
            #expect(outcome == DecodeOutcome(events: events), "split at \(split)")
        }
    }

    @Test("every split into three reads gives the same events")
    func everyThreePartSplit() {
        let (bytes, events) = Self.conversation
        // The first 60 bytes hold the headers and the 16-bit length form.
        for first in 0...60 {
            for second in first...bytes.count where (second - first) % 7 == 0 || second < 60 {
                var decoder = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: nil)
                let outcome = decoder.decode(bytes, pieces: [0..<first, first..<second, second..<bytes.count])
                #expect(outcome == DecodeOutcome(events: events), "splits at \(first), \(second)")
            }
        }
    }

    @Test("one byte at a time gives the same events")
    func byteByByte() {
        let (bytes, events) = Self.conversation
        var decoder = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: nil)
        #expect(decoder.decodeByteByByte(bytes) == DecodeOutcome(events: events))
    }

    @Test("16-bit length form at its edges", arguments: [126, 127, 65535])
    func sixteenBitLengths(count: Int) {
        let payload = pseudoRandomBytes(count: count, seed: UInt64(count))
        let frame = ClientFrame.make(0x2, payload)
        #expect(frame[1] == 0x80 | 126)
        #expect(decodeAll(frame) == DecodeOutcome(events: [.binary(payload)]))
    }

    @Test("64-bit length form: 65536 bytes, split anywhere")
    func sixtyFourBitLength() {
        let payload = pseudoRandomBytes(count: 65536, seed: 7)
        let frame = ClientFrame.make(0x2, payload) + ClientFrame.make(0x9, [1, 2, 3])
        #expect(frame[1] == 0x80 | 127)
        let expected = DecodeOutcome(events: [.binary(payload), .ping([1, 2, 3])])
        var byteByByte = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: nil)
        #expect(byteByByte.decodeByteByByte(frame) == expected)
        for split in Array(0...20) + Array(stride(from: 21, through: frame.count, by: 1021)) + [frame.count - 1] {
            var decoder = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: nil)
            #expect(decoder.decode(frame, pieces: [0..<split, split..<frame.count]) == expected, "split at \(split)")
        }
    }

    @Test("empty messages and an empty close")
    func emptyFrames() {
        let bytes = ClientFrame.make(0x1, []) + ClientFrame.make(0x2, [])
            + ClientFrame.make(0x1, [], isFinal: false) + ClientFrame.make(0x0, [])
            + ClientFrame.make(0x8, [])
        #expect(decodeAll(bytes) == DecodeOutcome(events: [.text([]), .binary([]), .text([]), .close(code: nil, reason: [])]))
    }

    @Test("events come one per call and consume only their own bytes")
    func oneEventPerCall() throws {
        let first = ClientFrame.text("one")
        let second = ClientFrame.text("two", isFinal: false)
        var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: nil)
        try (first + second).withUnsafeBytes { buffer throws in
            var input = buffer
            #expect(try decoder.next(from: &input) == .text(Array("one".utf8)))
            #expect(input.count == second.count)
            #expect(decoder.isIdle)
            #expect(try decoder.next(from: &input) == nil)
            #expect(input.isEmpty)
            #expect(!decoder.isIdle)
        }
    }

    @Test("isIdle is false while a header, a payload or a message is unfinished")
    func idleness() throws {
        var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: nil)
        #expect(decoder.isIdle)
        let frame = ClientFrame.text("abc")
        for cut in 1..<frame.count {
            var fresh = WebSocketFrameDecoder(maxMessageSize: 100, deflate: nil)
            #expect(fresh.decode(Array(frame[..<cut])) == DecodeOutcome())
            #expect(!fresh.isIdle, "cut at \(cut)")
        }
        #expect(decoder.decode(frame) == DecodeOutcome(events: [.text(Array("abc".utf8))]))
        #expect(decoder.isIdle)
    }

    @Test("bytes after a close frame are discarded")
    func afterClose() {
        let bytes = ClientFrame.make(0x8, [0x03, 0xE9]) + ClientFrame.text("late") + [0xFF, 0xFF]
        #expect(decodeAll(bytes) == DecodeOutcome(events: [.close(code: .goingAway, reason: [])]))
    }

    @Test("control frames of 125 bytes and close codes allowed on the wire", arguments: [1000, 1003, 1007, 1011, 1012, 1014, 3000, 4999])
    func validCloseCodes(code: UInt16) {
        let reason = Array(repeating: UInt8(ascii: "r"), count: 123)
        let bytes = ClientFrame.make(0x8, [UInt8(code >> 8), UInt8(code & 0xFF)] + reason)
        #expect(decodeAll(bytes) == DecodeOutcome(events: [.close(code: WebSocketCloseCode(rawValue: code), reason: reason)]))
    }

    @Test("a message of exactly the limit passes, with and without fragments")
    func exactLimit() {
        let payload = pseudoRandomBytes(count: 1000, seed: 3)
        #expect(decodeAll(ClientFrame.make(0x2, payload), maxMessageSize: 1000) == DecodeOutcome(events: [.binary(payload)]))
        let fragmented = ClientFrame.make(0x2, Array(payload[..<400]), isFinal: false) + ClientFrame.make(0x0, Array(payload[400...]))
        #expect(decodeAll(fragmented, maxMessageSize: 1000) == DecodeOutcome(events: [.binary(payload)]))
    }

    @Test("any mask key unmasks, whatever the payload alignment")
    func maskKeys() {
        for length in 0..<40 {
            let payload = pseudoRandomBytes(count: length, seed: UInt64(length))
            let key = pseudoRandomBytes(count: 4, seed: UInt64(100 + length))
            let frame = ClientFrame.make(0x2, payload, key: key)
            var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: nil)
            // Odd piece sizes start each part at a different key offset.
            let pieces = stride(from: 0, to: frame.count, by: 3).map { $0..<min($0 + 3, frame.count) }
            #expect(decoder.decode(frame, pieces: pieces) == DecodeOutcome(events: [.binary(payload)]), "length \(length)")
        }
    }
}
