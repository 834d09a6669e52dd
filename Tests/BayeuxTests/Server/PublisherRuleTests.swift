@testable import Bayeux
import Testing

@Suite struct PublisherRuleTests {
    private func publish(_ test: TestServer, ext: String, origin: String?) throws -> String {
        try test.reply(#"{"channel":"/news","data":"d","ext":\#(ext)}"#, origin: origin)
    }

    @Test(arguments: [
        (#"{"service":"Nope","auth_token":"s3cret-token"}"#, "https://publisher.example", "Unknown service"),
        (#"{"service":"Pub","auth_token":"s3cret-tokeN"}"#, "https://publisher.example", "Invalid token"),
        (#"{"service":"Pub","auth_token":"s3cret-token-and-more"}"#, "https://publisher.example", "Invalid token"),
        (#"{"service":"Pub","auth_token":"s3cret"}"#, "https://publisher.example", "Invalid token"),
        (#"{"service":"Pub","auth_token":"s3cret-token"}"#, "https://evil.example", "Origin mismatch"),
        (#"{"service":"Pub","auth_token":"s3cret-token"}"#, "http://publisher.example", "Origin mismatch"),
        (#"{"service":"Pub","auth_token":"s3cret-token"}"#, "https://publisher.example:8443", "Origin mismatch"),
        (#"{"service":"Pub","auth_token":"s3cret-token"}"#, nil, "Origin mismatch"),
        (#"{"service":"Pub"}"#, "https://publisher.example", "Missing credentials"),
        (#"{"auth_token":"s3cret-token"}"#, "https://publisher.example", "Missing credentials"),
        (#"{"service":"Pub","auth_token":42}"#, "https://publisher.example", "Missing credentials"),
        (#""s3cret-token""#, "https://publisher.example", "Missing credentials"),
    ] as [(String, String?, String)])
    func refusals(ext: String, origin: String?, reason: String) throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/news")
        let reply = try publish(test, ext: ext, origin: origin)
        #expect(reply == #"[{"channel":"/news","successful":false,"error":"403:/news:\#(reason)"}]"#)
        #expect(!reply.contains("s3cret"))
        #expect(test.engine.statistics.queuedDeliveries == 0)
        #expect(test.server.statistics.refusedPublishes == 1)
    }

    @Test func originsCompareCaseInsensitivelyWithDefaultPorts() throws {
        let test = try TestServer()
        let ext = #"{"service":"Pub","auth_token":"s3cret-token"}"#
        for origin in ["https://publisher.example", "HTTPS://Publisher.EXAMPLE", "https://publisher.example:443"] {
            #expect(try publish(test, ext: ext, origin: origin).contains(#""successful":true"#))
        }
    }

    @Test func withoutATokensFilePublishingIsDisabled() throws {
        let test = try TestServer(tokens: nil)
        #expect(try publish(test, ext: #"{"service":"Pub","auth_token":"s3cret-token"}"#, origin: TestServer.publisherOrigin) ==
            #"[{"channel":"/news","successful":false,"error":"403:/news:Publishing disabled"}]"#)
        let cid = try test.handshake()
        try test.subscribe(cid, "/news")
    }

    @Test func reloadingTokensTakesEffectForTheNextPublish() throws {
        let test = try TestServer()
        let ext = #"{"service":"Pub","auth_token":"s3cret-token"}"#
        test.server.replacePublishers(try PublisherTokens(json: Array(#"{"Pub":{"origin":"https://publisher.example","auth_token":"rotated"}}"#.utf8)))
        #expect(try publish(test, ext: ext, origin: TestServer.publisherOrigin).contains("403:/news:Invalid token"))
        test.server.replacePublishers(nil)
        #expect(try publish(test, ext: ext, origin: TestServer.publisherOrigin).contains("403:/news:Publishing disabled"))
    }

    @Test func laterChecksOverrideTheTokenRefusal() throws {
        let test = try TestServer()
        #expect(try test.reply(#"{"channel":"/a/*","data":1}"#) == #"[{"channel":"/a/*","successful":false,"error":"405:/a/*:Invalid channel"}]"#)
        #expect(try test.reply(#"{"channel":"/a"}"#) == #"[{"channel":"/a","successful":false,"error":"402:data:Missing required parameter"}]"#)
        #expect(try test.reply("{}") == #"[{"successful":false,"error":"402:data:Missing required parameter"}]"#)
        #expect(test.server.statistics.refusedPublishes == 0)
    }

    @Test func tokenNeverReachesSubscribers() throws {
        let test = try TestServer()
        let subscriber = try test.handshake()
        try test.subscribe(subscriber, "/news")
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: subscriber, mode: .push)
        try test.publish("/news", data: #""plain""#)
        let delivered = test.drain(listenerAttachment)
        #expect(delivered == [#"{"channel":"/news","data":"plain","ext":{"service":"Pub"}}"#])
        #expect(!delivered.joined().contains("s3cret"))
    }
}
