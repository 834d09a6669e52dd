import Testing
@testable import EdgeBench

@Suite struct ServerFrameDecoderTests {
    private func decodeAll(_ chunks: [[UInt8]]) throws -> [(ServerFrameDecoder.Opcode, [UInt8])] {
        var decoder = ServerFrameDecoder(maxMessageBytes: 1 << 16)
        var events: [(ServerFrameDecoder.Opcode, [UInt8])] = []
        for chunk in chunks {
            try chunk.withUnsafeBytes { bytes in try decoder.decode(bytes) { events.append(($0, Array($1))) } }
        }
        return events
    }

    private let twoFrames: [UInt8] = [0x81, 3] + Array("abc".utf8) + [0x81, 126, 0x01, 0x00] + [UInt8](repeating: 0x41, count: 256)

    @Test func decodesWholeFramesInOneRead() throws {
        let events = try decodeAll([twoFrames])
        #expect(events.map(\.0) == [.text, .text])
        #expect(events[0].1 == Array("abc".utf8))
        #expect(events[1].1.count == 256)
    }

    @Test func decodesTheSameFramesSplitAtEveryByte() throws {
        let events = try decodeAll(twoFrames.map { [$0] })
        #expect(events.map(\.1.count) == [3, 256])
    }

    @Test func joinsFragmentsAndPassesControlFramesBetweenThem() throws {
        let bytes: [UInt8] = [0x01, 2, 0x61, 0x62, 0x89, 1, 0x70, 0x80, 1, 0x63]
        let events = try decodeAll([bytes])
        #expect(events.map(\.0) == [.ping, .text])
        #expect(events[1].1 == Array("abc".utf8))
    }

    @Test func refusesMaskedAndReservedFrames() {
        #expect(throws: ServerFrameDecoder.DecodeError.maskedFrame) { try decodeAll([[0x81, 0x81, 0, 0, 0, 0, 0x61]]) }
        #expect(throws: ServerFrameDecoder.DecodeError.reservedBits) { try decodeAll([[0xC1, 1, 0x61]]) }
    }
}

@Suite struct ClientFrameEncoderTests {
    @Test func masksThePayloadWithTheKey() {
        var output: [UInt8] = []
        ClientFrameEncoder.appendText(Array("Hello".utf8), mask: 0x37fa_213d, into: &output)
        // RFC 6455 §5.7: a masked "Hello".
        #expect(output == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
    }

    @Test func usesTheExtendedLengths() {
        var output: [UInt8] = []
        ClientFrameEncoder.appendText([UInt8](repeating: 0, count: 300), mask: 0, into: &output)
        #expect(Array(output[0..<4]) == [0x81, 0x80 | 126, 0x01, 0x2c])
        #expect(output.count == 4 + 4 + 300)
    }

    @Test func upgradeKeysAreBase64OfSixteenBytes() {
        var random = MaskKeys(seed: 42)
        for _ in 0..<50 {
            let key = UpgradeKey.make(&random)
            #expect(key.count == 24 && key.hasSuffix("=="))
            #expect("AQgw".contains(key[key.index(key.startIndex, offsetBy: 21)]))
        }
    }
}

@Suite struct HTTPResponseReaderTests {
    private func responses(_ chunks: [String]) throws -> [HTTPResponseReader.Response] {
        var reader = HTTPResponseReader()
        var found: [HTTPResponseReader.Response] = []
        for chunk in chunks {
            Array(chunk.utf8).withUnsafeBytes { reader.append($0) }
            while let response = try reader.next() { found.append(response) }
        }
        return found
    }

    @Test func readsKeepAliveResponsesFramedByLength() throws {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n[]"
        let found = try responses([text + text.prefix(20), String(text.dropFirst(20))])
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.status == 200 && $0.body == Array("[]".utf8) })
        #expect(found[0].header("content-type") == "application/json")
    }

    @Test func readsChunkedBodiesAndTheSwitchingProtocolsHead() throws {
        let chunked = try responses(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"])
        #expect(chunked.first?.body == Array("abcde".utf8))
        var reader = HTTPResponseReader()
        (Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".utf8) + [0x81, 0]).withUnsafeBytes { reader.append($0) }
        #expect(try reader.next()?.status == 101)
        #expect(reader.takeRemainder() == [0x81, 0])
    }

    @Test func refusesWhatIsNotHTTP() {
        #expect(throws: HTTPResponseReader.ReadError.badStatusLine) { try responses(["SSH-2.0-OpenSSH\r\n\r\n"]) }
    }
}

@Suite struct OpeningPacerTests {
    @Test func keepsAtMostMaxInFlight() {
        var pacer = OpeningPacer(total: 5, maxInFlight: 2)
        #expect(pacer.next() == 0..<2)
        #expect(pacer.next().isEmpty)
        pacer.finishedOne()
        #expect(pacer.next() == 2..<3)
        for _ in 0..<2 { pacer.finishedOne() }
        #expect(pacer.next() == 3..<5)
        for _ in 0..<2 { pacer.finishedOne() }
        #expect(pacer.isDone)
    }
}
