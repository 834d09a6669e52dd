@testable import Bayeux
import Foundation
import Testing

private let allTypes = #"["long-polling","cross-origin-long-polling","callback-polling","websocket","eventsource","in-process"]"#

@Suite struct HandshakeTests {
    @Test func successMatchesFayeWireExample() throws {
        let test = try TestServer()
        let result = try test.send(#"[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling","websocket"],"id":"1"}]"#)
        let body = text(BayeuxJSONReply.array(replies: result.replies))
        let clientId = try #require(try jsonObjects(Array(body.utf8)).first?["clientId"] as? String)
        #expect(body.replacingOccurrences(of: clientId, with: "CID") ==
            #"[{"id":"1","channel":"/meta/handshake","successful":true,"version":"1.0","supportedConnectionTypes":\#(allTypes),"clientId":"CID","advice":{"reconnect":"retry","interval":0,"timeout":60000}}]"#)
        #expect(result.connect == nil)
    }

    @Test func clientIdsAreFayeStyle() throws {
        let test = try TestServer()
        let ids = try (0..<50).map { _ in try test.handshake() }
        #expect(Set(ids).count == 50)
        for id in ids {
            #expect(id.utf8.count == 31)
            #expect(id.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) })
        }
    }

    @Test func idsCoverTheWholeBase36Range() {
        var zeros = ZeroGenerator()
        #expect(ClientIdGenerator.make(using: &zeros) == String(repeating: "0", count: 31))
        var ones = AllOnesGenerator()
        // 2^160 - 1 in base 36, padded to 31 digits.
        #expect(ClientIdGenerator.make(using: &ones) == "twj4yidkw7a8pn4g709kzmfoaol3x8f")
    }

    @Test func adviceUsesTheServerTimeout() throws {
        let test = try TestServer(timeout: 5)
        let reply = try test.reply(#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["websocket"]}"#)
        #expect(reply.hasSuffix(#""advice":{"reconnect":"retry","interval":0,"timeout":5000}}]"#))
    }

    @Test func noKnownConnectionTypeMatchesFayeWireExample() throws {
        let test = try TestServer()
        #expect(try test.reply(#"[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["flash","iframe"],"id":"h2"}]"#) ==
            #"[{"id":"h2","channel":"/meta/handshake","successful":false,"version":"1.0","supportedConnectionTypes":\#(allTypes),"error":"301:flash,iframe:Connection types not supported","advice":{"reconnect":"handshake"}}]"#)
        #expect(test.engine.statistics.clients == 0)
    }

    @Test func unknownTypesNextToAKnownOneAreFine() throws {
        let test = try TestServer()
        let reply = try test.reply(#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["flash","long-polling"]}"#)
        #expect(reply.contains(#""successful":true"#))
    }

    @Test(arguments: [
        (#"{"channel":"/meta/handshake","supportedConnectionTypes":["websocket"]}"#, "402:version:Missing required parameter"),
        (#"{"channel":"/meta/handshake","version":null,"supportedConnectionTypes":["websocket"]}"#, "402:version:Missing required parameter"),
        (#"{"channel":"/meta/handshake","version":"1.0"}"#, "402:supportedConnectionTypes:Missing required parameter"),
        (#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":false}"#, "402:supportedConnectionTypes:Missing required parameter"),
        // Last check wins: both missing reports the connection types.
        (#"{"channel":"/meta/handshake"}"#, "402:supportedConnectionTypes:Missing required parameter"),
        (#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":[]}"#, "301::Connection types not supported"),
        (#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["x",null,3]}"#, "301:x,,3:Connection types not supported"),
    ])
    func lastCheckWins(request: String, error: String) throws {
        let test = try TestServer()
        let reply = try #require(try jsonObjects(Array(try test.reply(request).utf8)).first)
        #expect(reply["error"] as? String == error)
        #expect(reply["successful"] as? Bool == false)
        #expect(reply["clientId"] == nil)
        #expect(reply["advice"] as? [String: String] == ["reconnect": "handshake"])
    }

    @Test func anIncomingErrorFailsTheHandshakeInItsPlace() throws {
        let test = try TestServer()
        #expect(try test.reply(#"{"id":7,"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["websocket"],"error":"x"}"#) ==
            #"[{"id":7,"channel":"/meta/handshake","error":"x","successful":false,"version":"1.0","supportedConnectionTypes":\#(allTypes),"advice":{"reconnect":"handshake"}}]"#)
    }

    @Test func versionIsNeverCompared() throws {
        let test = try TestServer()
        #expect(try test.reply(#"{"channel":"/meta/handshake","version":false,"supportedConnectionTypes":["websocket"]}"#).contains(#""successful":true"#))
        #expect(try test.reply(#"{"channel":"/meta/handshake","version":"","supportedConnectionTypes":["websocket"]}"#).contains(#""successful":true"#))
    }
}

private struct ZeroGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}

private struct AllOnesGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { .max }
}
