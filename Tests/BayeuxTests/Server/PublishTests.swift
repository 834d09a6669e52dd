@testable import Bayeux
import Testing

@Suite struct PublishTests {
    /// protocol.md §4, with the credentials our publisher rule requires added to `ext`.
    @Test func publishWithUnknownClientIdSucceedsAndSubscribersGetTheMessageWithoutClientIdAndToken() throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/foo/*")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: subscriber, mode: .push)
        let reply = try test.reply(
            #"[{"channel":"/foo/bar","data":{"x":1},"clientId":"CID2","id":"p1","ext":{"k":"v","service":"Pub","auth_token":"s3cret-token"}}]"#,
            origin: TestServer.publisherOrigin)
        #expect(reply == #"[{"id":"p1","clientId":"CID2","channel":"/foo/bar","successful":true}]"#)
        #expect(listener.events == [.messagesAvailable])
        #expect(test.drain(listenerAttachment) == [#"{"channel":"/foo/bar","data":{"x":1},"id":"p1","ext":{"k":"v","service":"Pub"}}"#])
    }

    /// The last `ext.auth_token` is the one checked (as a parsed hash holds it); every copy
    /// of it is removed from the delivered `ext`.
    @Test func deliveredMessagesKeepEveryOtherFieldAsSent() throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/a")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: subscriber, mode: .push)
        let reply = try test.reply(#"""
            {"id":7, "data" : [ 1 , "\u00e9" ],"channel":"\/a","extra":{"deep":[true]},"ext":{"auth_token":"s3cret-token","service":"Pub","auth_token":"again"},"data":"last"}
            """#, origin: TestServer.publisherOrigin)
        #expect(reply == #"[{"id":7,"channel":"/a","successful":false,"error":"403:/a:Invalid token"}]"#)
        let accepted = try test.reply(#"""
            {"id":7, "data" : [ 1 , "\u00e9" ],"channel":"\/a","extra":{"deep":[true]},"ext":{"auth_token":"wrong","service":"Pub","auth_token":"s3cret-token"},"data":"last"}
            """#, origin: TestServer.publisherOrigin)
        #expect(accepted.contains(#""successful":true"#))
        #expect(test.drain(listenerAttachment) ==
            [#"{"id":7,"data":"last","channel":"\/a","extra":{"deep":[true]},"ext":{"service":"Pub"}}"#])
    }

    @Test(arguments: [
        (#"{"channel":"/foo/*","data":1}"#, #"[{"channel":"/foo/*","successful":false,"error":"405:/foo/*:Invalid channel"}]"#),
        (#"{"data":1}"#, #"[{"successful":false,"error":"405::Invalid channel"}]"#),
        (#"{"channel":"/foo/","data":1}"#, #"[{"channel":"/foo/","successful":false,"error":"405:/foo/:Invalid channel"}]"#),
        (#"{"channel":"/foo"}"#, #"[{"channel":"/foo","successful":false,"error":"402:data:Missing required parameter"}]"#),
        (#"{"channel":"/foo","data":null}"#, #"[{"channel":"/foo","successful":false,"error":"402:data:Missing required parameter"}]"#),
        (#"{"id":"e","channel":"/foo","data":1,"error":"app says no"}"#, #"[{"id":"e","channel":"/foo","error":"app says no","successful":false}]"#),
        ("[1]", #"[{"successful":false,"error":"402:data:Missing required parameter"}]"#),
    ])
    func refusedPublishes(request: String, reply: String) throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/**")
        let withCredentials = request.replacingFirst("{", with: #"{"ext":{"service":"Pub","auth_token":"s3cret-token"},"#)
        #expect(try test.reply(withCredentials, origin: TestServer.publisherOrigin) == reply)
        #expect(test.server.statistics.publishedMessages == 0)
        #expect(test.engine.statistics.queuedDeliveries == 0)
    }

    @Test func serviceChannelsArePublishedAndReachWildcardSubscribers() throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/**")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: subscriber, mode: .push)
        #expect(try test.publish("/service/x").contains(#""successful":true"#))
        #expect(try test.publish("/service").contains(#""successful":true"#))
        #expect(test.drain(listenerAttachment).count == 2)
    }

    @Test func publishersGetTheirOwnMessagesWhenSubscribed() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/echo")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .push)
        try test.publish("/echo", extra: #","clientId":"\#(cid)""#)
        #expect(test.drain(listenerAttachment).count == 1)
        #expect(test.server.statistics.publishedMessages == 1)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var replaced = self
        replaced.replaceSubrange(range, with: replacement)
        return replaced
    }
}
