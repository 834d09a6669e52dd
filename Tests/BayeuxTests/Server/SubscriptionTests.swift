@testable import Bayeux
import Testing

@Suite struct SubscriptionTests {
    @Test func partialFailureMatchesFayeWireExampleAndKeepsEarlierChannels() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        #expect(try test.reply(#"[{"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":["/ok","/meta/x","/ok2"],"id":"ps"}]"#) ==
            #"[{"id":"ps","clientId":"\#(cid)","channel":"/meta/subscribe","successful":false,"subscription":["/ok","/meta/x","/ok2"],"error":"403:/meta/x:Forbidden channel"}]"#)
        #expect(test.engine.statistics.subscriptions == 1)
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .push)
        try test.publish("/ok")
        try test.publish("/ok2")
        #expect(test.drain(listenerAttachment).count == 1)
    }

    @Test func unknownClientKeepsClientIdAndPutsTheErrorBeforeSubscription() throws {
        let test = try TestServer()
        #expect(try test.reply(#"{"channel":"/meta/subscribe","clientId":"nope","subscription":"/a"}"#) ==
            #"[{"clientId":"nope","channel":"/meta/subscribe","successful":false,"error":"401:nope:Unknown client","subscription":"/a"}]"#)
    }

    @Test(arguments: [
        (#""subscription":"/foo/""#, "405:/foo/:Invalid channel"),
        (#""subscription":"/meta/**""#, "403:/meta/**:Forbidden channel"),
        (#""subscription":"/service/**""#, "403:/service/**:Forbidden channel"),
        (#""subscription":"/service""#, "403:/service:Forbidden channel"),
        (#""subscription":"/a/*/b""#, "405:/a/*/b:Invalid channel"),
        (#""subscription":["/a",["/b",5]]"#, "405:5:Invalid channel"),
        (#""subscription":false"#, "405:false:Invalid channel"),
    ])
    func badChannelsAreRefused(subscription: String, error: String) throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let reply = try test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)",\#(subscription)}"#)
        #expect(reply.contains(#""successful":false"#))
        #expect(reply.contains(#""error":"\#(error)""#))
        #expect(!reply.contains("advice"))
    }

    @Test func missingSubscriptionEchoesAnEmptyList() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        #expect(try test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)","id":"s"}"#) ==
            #"[{"id":"s","clientId":"\#(cid)","channel":"/meta/subscribe","successful":false,"error":"402:subscription:Missing required parameter","subscription":[]}]"#)
        #expect(try test.reply(#"{"channel":"/meta/subscribe","subscription":"/a"}"#) ==
            #"[{"channel":"/meta/subscribe","successful":false,"error":"402:clientId:Missing required parameter","subscription":"/a"}]"#)
    }

    @Test func localClientsMaySubscribeToMetaAndService() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        let reply = try test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":["/meta/**","/service/x"]}"#,
                                   transport: .inProcess)
        #expect(reply.contains(#""successful":true"#))
        #expect(test.engine.statistics.subscriptions == 2)
    }

    @Test func emptyListsRepeatsAndUnknownUnsubscribesSucceed() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        #expect(try test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":[]}"#).contains(#""successful":true,"subscription":[]"#))
        try test.subscribe(cid, "/a", "/a")
        try test.subscribe(cid, "/a")
        #expect(test.engine.statistics.subscriptions == 1)
        #expect(try test.reply(#"{"channel":"/meta/unsubscribe","clientId":"\#(cid)","subscription":"/never"}"#) ==
            #"[{"clientId":"\#(cid)","channel":"/meta/unsubscribe","successful":true,"subscription":"/never"}]"#)
    }

    @Test func unsubscribingStopsDeliveries() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a", "/b/*")
        #expect(try test.reply(#"{"channel":"/meta/unsubscribe","clientId":"\#(cid)","subscription":["/b/*"]}"#).contains(#""successful":true"#))
        #expect(test.engine.statistics.subscriptions == 1)
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .push)
        try test.publish("/b/x")
        try test.publish("/a")
        #expect(test.drain(listenerAttachment).map { $0.hasPrefix(#"{"channel":"/a""#) } == [true])
    }

    @Test func remoteUnsubscribeFromMetaIsForbidden() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        #expect(try test.reply(#"{"channel":"/meta/unsubscribe","clientId":"\#(cid)","subscription":"/meta/x"}"#)
            .contains(#""error":"403:/meta/x:Forbidden channel""#))
    }
}

@Suite struct DisconnectAndUnknownMetaTests {
    @Test func disconnectDestroysTheClientAndClosesItsListener() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .push)
        try test.publish("/a")
        #expect(try test.reply(#"{"channel":"/meta/disconnect","clientId":"\#(cid)","id":"d"}"#) ==
            #"[{"id":"d","clientId":"\#(cid)","channel":"/meta/disconnect","successful":true}]"#)
        #expect(listener.events == [.messagesAvailable, .clientClosed])
        #expect(test.engine.statistics.clients == 0)
        #expect(test.engine.statistics.subscriptions == 0)
        #expect(test.engine.statistics.droppedMessages == 1)
        #expect(test.drain(listenerAttachment).isEmpty)
        #expect(try test.reply(#"{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"websocket"}"#)
            .contains(#""error":"401:\#(cid):Unknown client""#))
        #expect(test.server.attach(listener, to: cid, mode: .push) == nil)
    }

    @Test func failedDisconnectDropsClientId() throws {
        let test = try TestServer()
        #expect(try test.reply(#"{"channel":"/meta/disconnect","clientId":"nope"}"#) ==
            #"[{"channel":"/meta/disconnect","successful":false,"error":"401:nope:Unknown client"}]"#)
        #expect(try test.reply(#"{"channel":"/meta/disconnect"}"#) ==
            #"[{"channel":"/meta/disconnect","successful":false,"error":"402:clientId:Missing required parameter"}]"#)
    }

    @Test func metaDispatchIsExact() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        #expect(try test.reply(#"{"channel":"/meta/subscribe/x","clientId":"\#(cid)","subscription":"/a"}"#) ==
            #"[{"clientId":"\#(cid)","channel":"/meta/subscribe/x","successful":false,"error":"403:/meta/subscribe/x:Forbidden channel"}]"#)
        #expect(test.engine.statistics.subscriptions == 0)
        #expect(try test.reply(#"{"channel":"/meta/p","id":"m"}"#) ==
            #"[{"id":"m","channel":"/meta/p","successful":false,"error":"403:/meta/p:Forbidden channel"}]"#)
        #expect(try test.reply(#"{"channel":"/meta/*","data":1}"#) ==
            #"[{"channel":"/meta/*","successful":false,"error":"403:/meta/*:Forbidden channel"}]"#)
    }
}
