@testable import Bayeux
import Foundation
import Testing

private let retryAdvice = #""advice":{"reconnect":"retry","interval":0,"timeout":60000}"#

@Suite struct ConnectTests {
    @Test func acceptedConnectMatchesFayeWireExample() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(#"[{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"long-polling","id":"2"}]"#)
        let connect = try #require(result.connect)
        #expect(result.replies.isEmpty)
        #expect(connect.clientId == cid)
        #expect(connect.hold == 60)
        #expect(connect.connectionType == .longPolling)
        #expect(text(connect.reply) == #"{"id":"2","clientId":"\#(cid)","channel":"/meta/connect","successful":true,\#(retryAdvice)}"#)
    }

    @Test func unknownClientMatchesFayeWireExample() throws {
        let test = try TestServer()
        let result = try test.send(#"[{"channel":"/meta/connect","clientId":"nope","connectionType":"long-polling","id":"c"}]"#)
        #expect(result.connect == nil)
        #expect(text(BayeuxJSONReply.array(replies: result.replies)) ==
            #"[{"id":"c","channel":"/meta/connect","successful":false,"error":"401:nope:Unknown client","advice":{"reconnect":"handshake"}}]"#)
    }

    @Test func aConnectSharingABatchCompletesLast() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(#"""
            [{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"long-polling","id":"3","advice":{"timeout":0}},
             {"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":"/foo/**","id":"4"}]
            """#)
        let connect = try #require(result.connect)
        #expect(connect.hold == 0)
        #expect(text(BayeuxJSONReply.array(replies: result.replies, connect: connect.reply)) ==
            #"[{"id":"4","clientId":"\#(cid)","channel":"/meta/subscribe","successful":true,"subscription":"/foo/**"},{"id":"3","clientId":"\#(cid)","channel":"/meta/connect","successful":true,\#(retryAdvice)}]"#)
    }

    @Test(arguments: [
        (#","advice":{"timeout":5000}"#, 5.0), (#","advice":{"timeout":0}"#, 0), (#","advice":{"timeout":1500.5}"#, 1.5005),
        (#","advice":{"timeout":-5}"#, 0), (#","advice":{"timeout":1e999}"#, 1e9), (#","advice":{"timeout":"5"}"#, 60),
        (#","advice":{"timeout":null}"#, 60), (#","advice":"x""#, 60), (#","advice":{}"#, 60), ("", 60),
    ])
    func holdComesFromTheClientsAdvice(advice: String, hold: Double) throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(#"{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"long-polling"\#(advice)}"#)
        #expect(try #require(result.connect).hold == hold)
    }

    @Test func eventSourceConnectsAreNotHeldAndAdviseTheTimeoutAsInterval() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(#"{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"eventsource","advice":{"timeout":9000}}"#)
        let connect = try #require(result.connect)
        #expect(connect.hold == 0)
        #expect(connect.connectionType == .eventsource)
        #expect(text(connect.reply) == #"{"clientId":"\#(cid)","channel":"/meta/connect","successful":true,"advice":{"reconnect":"retry","interval":60000,"timeout":0}}"#)
    }

    @Test(arguments: [
        (#"{"channel":"/meta/connect"}"#, "402:connectionType:Missing required parameter"),
        (#"{"channel":"/meta/connect","connectionType":"websocket"}"#, "402:clientId:Missing required parameter"),
        (#"{"channel":"/meta/connect","clientId":"CID","connectionType":"flash"}"#, "301:flash:Connection types not supported"),
        (#"{"channel":"/meta/connect","clientId":"CID","connectionType":5}"#, "301:5:Connection types not supported"),
        (#"{"channel":"/meta/connect","clientId":"CID"}"#, "402:connectionType:Missing required parameter"),
        (#"{"channel":"/meta/connect","clientId":42,"connectionType":"websocket"}"#, "401:42:Unknown client"),
        (#"{"channel":"/meta/connect","clientId":"","connectionType":"websocket"}"#, "401::Unknown client"),
        (#"{"channel":"/meta/connect","clientId":"CID","connectionType":"websocket","error":"nope"}"#, "nope"),
    ])
    func failuresDropClientIdAndAdviseAHandshake(template: String, error: String) throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(template.replacingOccurrences(of: "CID", with: cid))
        #expect(result.connect == nil)
        let reply = try #require(try jsonObjects(BayeuxJSONReply.array(replies: result.replies)).first)
        #expect(reply["error"] as? String == error)
        #expect(reply["successful"] as? Bool == false)
        #expect(reply["clientId"] == nil)
        #expect(reply["advice"] as? [String: String] == ["reconnect": "handshake"])
    }

    @Test(arguments: [
        (#""id":42,"#, #""id":42,"#), (#""id":0,"#, #""id":0,"#), (#""id":"","#, #""id":"","#),
        (#""id":{"a" : [1]},"#, #""id":{"a":[1]},"#), (#""id":false,"#, ""), (#""id":null,"#, ""),
    ])
    func idIsEchoedWithItsJSONType(id: String, echoed: String) throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let result = try test.send(#"{\#(id)"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"websocket"}"#)
        #expect(text(try #require(result.connect).reply).hasPrefix(#"{\#(echoed)"clientId":"#))
    }

    @Test func twoConnectsInOneBatchHoldOnlyTheFirst() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let connect = #"{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"websocket","id":"ID"}"#
        let result = try test.send("[\(connect.replacingOccurrences(of: "ID", with: "a")),\(connect.replacingOccurrences(of: "ID", with: "b"))]")
        #expect(text(try #require(result.connect).reply).hasPrefix(#"{"id":"a""#))
        #expect(result.replies.count == 1)
        #expect(text(result.replies[0]).hasPrefix(#"{"id":"b""#))
    }
}
