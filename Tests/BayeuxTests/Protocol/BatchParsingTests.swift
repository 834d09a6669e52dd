@testable import Bayeux
import Testing

@Suite struct BatchParsingTests {
    @Test func anObjectIsABatchOfOne() throws {
        let batch = try BayeuxBatch.parse(Array(#"{"channel":"/meta/connect","clientId":"abc","connectionType":"websocket"}"#.utf8))
        #expect(batch.count == 1)
        #expect(batch[0].channel == "/meta/connect")
        #expect(batch[0].clientId == "abc")
        #expect(batch[0].connectionType == "websocket")
    }

    @Test func anArrayIsABatchInOrder() throws {
        let batch = try BayeuxBatch.parse(Array(#" [ {"channel":"/a"}, {"channel":"/b","clientId":5} ] "#.utf8))
        #expect(batch.map(\.channel) == ["/a", "/b"])
        #expect(batch[1].clientId == nil)
        #expect(try BayeuxBatch.parse(Array("[]".utf8)).isEmpty)
    }

    @Test(arguments: ["1", #""text""#, "null", "true", "-0.5"])
    func scalarsAreNotBatches(json: String) {
        #expect(throws: BayeuxParseError.notObjectOrArray) { try BayeuxBatch.parse(Array(json.utf8)) }
    }

    @Test func invalidJSONIsReportedWithItsPosition() {
        #expect(throws: BayeuxParseError.invalidJSON(JSONSyntaxError(offset: 13, reason: .unexpectedEnd))) {
            try BayeuxBatch.parse(Array(#"[{"channel":1"#.utf8))
        }
        #expect(throws: BayeuxParseError.invalidJSON(JSONSyntaxError(offset: 0, reason: .unexpectedEnd))) {
            try BayeuxBatch.parse([UInt8]())
        }
        #expect(throws: BayeuxParseError.invalidJSON(JSONSyntaxError(offset: 2, reason: .trailingBytes))) {
            try BayeuxBatch.parse(Array("{}x".utf8))
        }
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = Array(#"{"channel":"/a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: BayeuxParseError.invalidJSON(JSONSyntaxError(offset: 14, reason: .invalidUTF8))) {
            try BayeuxBatch.parse(bytes)
        }
    }

    @Test func nonObjectElementsBecomeEmptyMessages() throws {
        let batch = try BayeuxBatch.parse(Array(#"[1, "x", null, [], {"channel":"/a"}]"#.utf8))
        #expect(batch.count == 5)
        #expect(batch.prefix(4).allSatisfy { $0.members.isEmpty && $0.channel == nil })
        #expect(batch[4].channel == "/a")
    }

    @Test func parsesFromAnyByteCollection() throws {
        let bytes = Array(#"{"channel":"/a"}"#.utf8)
        let batch = try bytes.withUnsafeBytes { try BayeuxBatch.parse($0) }
        #expect(batch.first?.channel == "/a")
    }
}
