import CZlib
import Testing
@testable import HTTP

@Suite("permessage-deflate compression")
struct PerMessageDeflateCompressionTests {
    static let helloCompressed: [UInt8] = [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]

    private func compress(_ message: [UInt8], with compressor: PerMessageDeflateCompressor) -> [UInt8] {
        var output: [UInt8] = []
        message.withUnsafeBytes { compressor.compress($0, into: &output) }
        return output
    }

    private static func agreement(_ offer: String, policy: PerMessageDeflatePolicy = .init()) -> PerMessageDeflateAgreement? {
        PerMessageDeflateAgreement.negotiate(offers: [offer], policy: policy)
    }

    @Test("RFC 7692 §7.2.3.1 and §7.2.3.2: \"Hello\", then again sharing the window")
    func rfcHello() {
        let fresh = PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: true)
        #expect(compress(Array("Hello".utf8), with: fresh) == Self.helloCompressed)
        #expect(compress(Array("Hello".utf8), with: fresh) == Self.helloCompressed)

        let sharing = PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: false)
        #expect(compress(Array("Hello".utf8), with: sharing) == Self.helloCompressed)
        #expect(compress(Array("Hello".utf8), with: sharing) == [0xF2, 0x00, 0x11, 0x00, 0x00])
    }

    /// What lets one compressor serve every connection of a loop, and one
    /// compression serve every subscriber: without context takeover the
    /// output depends on the message alone.
    @Test("without context takeover the output does not depend on earlier messages")
    func noContextOutputIsStable() {
        let shared = PerMessageDeflateCompressor(windowBits: 12, noContextTakeover: true)
        let message = Array(#"{"channel":"/news","data":"Hello Hello Hello"}"#.utf8)
        let first = compress(message, with: shared)
        _ = compress(pseudoRandomBytes(count: 100_000, seed: 8), with: shared)
        _ = compress(message + message, with: shared)
        #expect(compress(message, with: shared) == first)
        #expect(compress(message, with: PerMessageDeflateCompressor(windowBits: 12, noContextTakeover: true)) == first)
    }

    @Test("an empty message compresses to one byte")
    func emptyMessage() {
        #expect(compress([], with: PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: true)) == [0x00])
    }

    @Test("RFC 7692 §7.2.3 payloads inflate to \"Hello\"", arguments: [
        // One block; the same in two fragments; stored; BFINAL set; two blocks.
        [[0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]], [[0xF2, 0x48, 0xCD], [0xC9, 0xC9, 0x07, 0x00]],
        [[0x00, 0x05, 0x00, 0xFA, 0xFF, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x00]],
        [[0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]],
        [[0xF2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xCA, 0xC9, 0xC9, 0x07, 0x00]],
    ] as [[[UInt8]]])
    func rfcPayloads(fragments: [[UInt8]]) throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        var bytes: [UInt8] = []
        for (index, fragment) in fragments.enumerated() {
            let opcode: UInt8 = index == 0 ? 0x1 : 0x0
            bytes += ClientFrame.make(opcode, fragment, isFinal: index == fragments.count - 1, reservedBits: index == 0 ? 0b100 : 0)
        }
        let expected = DecodeOutcome(events: [.text(Array("Hello".utf8))])
        var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: deflate)
        #expect(decoder.decode(bytes) == expected)
        #expect(decoder.isIdle)
        #expect(decoder.decompressor?.holdsStreamState == false)
        var byteByByte = WebSocketFrameDecoder(maxMessageSize: 100, deflate: deflate)
        #expect(byteByByte.decodeByteByByte(bytes) == expected)
    }

    @Test("a message compressed after a final block keeps the window (context takeover)")
    func contextAfterFinalBlock() throws {
        let deflate = try #require(Self.agreement("permessage-deflate", policy: .init(allowsContextTakeover: true)))
        let bytes = ClientFrame.make(0x1, [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00], reservedBits: 0b100)
            + ClientFrame.make(0x1, [0xF2, 0x00, 0x11, 0x00, 0x00], reservedBits: 0b100)
        let hello = WebSocketEvent.text(Array("Hello".utf8))
        #expect(decodeAll(bytes, deflate: deflate) == DecodeOutcome(events: [hello, hello]))
    }

    /// Messages of several kinds and sizes, compressed by our compressor,
    /// masked and fragmented like a client would, decode to themselves.
    @Test("round trip through compressor and decoder", arguments: [false, true])
    func roundTrip(contextTakeover: Bool) throws {
        let policy = PerMessageDeflatePolicy(allowsContextTakeover: contextTakeover)
        let deflate = try #require(Self.agreement("permessage-deflate; client_max_window_bits", policy: policy))
        let compressor = PerMessageDeflateCompressor(windowBits: deflate.clientMaxWindowBits, noContextTakeover: deflate.clientNoContextTakeover)
        let json = Array(#"[{"channel":"/chat/room","data":{"text":"hello hello hello"},"id":"42"}]"#.utf8)
        let messages: [[UInt8]] = [
            json, json, [], Array("é".utf8), pseudoRandomBytes(count: 5000, seed: 9),
            Array(repeating: UInt8(ascii: "a"), count: 300_000), json + json + json,
        ]
        var stream: [UInt8] = []
        var expected: [WebSocketEvent] = []
        for (index, message) in messages.enumerated() {
            let payload = compress(message, with: compressor)
            let isText = index != 4
            // Fragment the compressed payload in three.
            let cuts = [0, payload.count / 3, 2 * payload.count / 3, payload.count]
            for part in 0..<3 {
                let opcode: UInt8 = part > 0 ? 0x0 : isText ? 0x1 : 0x2
                stream += ClientFrame.make(opcode, Array(payload[cuts[part]..<cuts[part + 1]]), isFinal: part == 2, reservedBits: part == 0 ? 0b100 : 0)
            }
            stream += ClientFrame.make(0x9, [UInt8(index)])
            expected += [isText ? .text(message) : .binary(message), .ping([UInt8(index)])]
        }
        var whole = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: deflate)
        #expect(whole.decode(stream) == DecodeOutcome(events: expected))
        #expect(whole.decompressor?.holdsStreamState == contextTakeover)
        var pieces = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: deflate)
        let ranges = stride(from: 0, to: stream.count, by: 97).map { $0..<min($0 + 97, stream.count) }
        #expect(pieces.decode(stream, pieces: ranges) == DecodeOutcome(events: expected))
    }

    @Test("a zip bomb closes with 1009 before its output outgrows the limit")
    func zipBomb() throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        let bomb = compress(Array(repeating: 0, count: 10 << 20), with: PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: true))
        #expect(bomb.count < 20_000)
        var decoder = WebSocketFrameDecoder(maxMessageSize: 1 << 20, deflate: deflate)
        let outcome = decoder.decode(ClientFrame.make(0x2, bomb, reservedBits: 0b100))
        #expect(outcome == DecodeOutcome(events: [], closeCode: .messageTooBig))
        #expect(decoder.messageBytes.count <= 1 << 20)
    }

    @Test("a compressed message of exactly the limit passes; one byte more is 1009")
    func compressedLimit() throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        let compressor = PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: true)
        let message = pseudoRandomBytes(count: 20_000, seed: 4)
        let frame = ClientFrame.make(0x2, compress(message, with: compressor), reservedBits: 0b100)
        #expect(decodeAll(frame, maxMessageSize: 20_000, deflate: deflate) == DecodeOutcome(events: [.binary(message)]))
        #expect(decodeAll(frame, maxMessageSize: 19_999, deflate: deflate) == DecodeOutcome(events: [], closeCode: .messageTooBig))
        // The limit holds even where only the appended tail adds output.
        #expect(decodeAll(ClientFrame.make(0x2, [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x48, 0x65], reservedBits: 0b100)
            + ClientFrame.make(0x0, [0x6C, 0x6C, 0x6F]), maxMessageSize: 4, deflate: deflate).closeCode == .messageTooBig)
    }

    @Test("corrupt or trailing compressed data closes with 1007")
    func corruptData() throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        // Block type 11 is reserved.
        #expect(decodeAll(ClientFrame.make(0x1, [0xFF, 0xFF], reservedBits: 0b100), deflate: deflate).closeCode == .invalidPayload)
        // Bytes after a final block, in the same frame or the next fragment.
        let final: [UInt8] = [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
        #expect(decodeAll(ClientFrame.make(0x1, final + [0xF2], reservedBits: 0b100), deflate: deflate).closeCode == .invalidPayload)
        let split = ClientFrame.make(0x1, final, isFinal: false, reservedBits: 0b100) + ClientFrame.make(0x0, [0x00])
        #expect(decodeAll(split, deflate: deflate).closeCode == .invalidPayload)
    }

    @Test("inflated text is checked as UTF-8: 1007")
    func compressedInvalidText() throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        let payload = compress([0x61, 0xED, 0xA0, 0x80], with: PerMessageDeflateCompressor(windowBits: 15, noContextTakeover: true))
        #expect(decodeAll(ClientFrame.make(0x1, payload, reservedBits: 0b100), deflate: deflate).closeCode == .invalidPayload)
        #expect(decodeAll(ClientFrame.make(0x2, payload, reservedBits: 0b100), deflate: deflate).events == [.binary([0x61, 0xED, 0xA0, 0x80])])
    }

    @Test("without context takeover, nothing stays allocated between messages")
    func noStateWhenIdle() throws {
        let deflate = try #require(Self.agreement("permessage-deflate"))
        var decoder = WebSocketFrameDecoder(maxMessageSize: 100, deflate: deflate)
        let frame = ClientFrame.make(0x1, Self.helloCompressed, reservedBits: 0b100)
        #expect(decoder.decode(Array(frame[..<8])) == DecodeOutcome())
        #expect(decoder.decompressor?.holdsStreamState == true)
        #expect(!decoder.isIdle)
        #expect(decoder.decode(Array(frame[8...])) == DecodeOutcome(events: [.text(Array("Hello".utf8))]))
        #expect(decoder.decompressor?.holdsStreamState == false)
        #expect(decoder.isIdle)
    }

    /// zlib deflates with a 512-byte window when asked for 256 bytes; the
    /// output must still suit a peer that inflates with 256 bytes.
    @Test("server_max_window_bits=8 output inflates with a 256-byte window")
    func eightBitWindow() throws {
        var message: [UInt8] = []
        let phrase = pseudoRandomBytes(count: 40, seed: 5)
        for round in 0..<200 {
            // Repeats at distances between 240 and 400 bytes.
            message += phrase + pseudoRandomBytes(count: 200 + round % 160, seed: UInt64(round))
        }
        let compressed = compress(message, with: PerMessageDeflateCompressor(windowBits: 8, noContextTakeover: true)) + [0x00, 0x00, 0xFF, 0xFF]
        #expect(try inflateRaw(compressed, windowBits: 8, expectedCount: message.count) == message)
    }

    private func inflateRaw(_ input: [UInt8], windowBits: Int32, expectedCount: Int) throws -> [UInt8] {
        var stream = z_stream()
        try #require(CZlib_inflateInit2(&stream, -windowBits) == Z_OK)
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: expectedCount + 16)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return CZlib.inflate(&stream, Z_SYNC_FLUSH)
            }
        }
        try #require(status == Z_OK)
        return Array(output[..<(output.count - Int(stream.avail_out))])
    }
}
