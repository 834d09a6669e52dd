@testable import Bayeux
import Testing

@Suite struct SessionLifetimeTests {
    private func connect(_ test: TestServer, _ cid: String) throws -> String {
        let result = try test.send(#"{"channel":"/meta/connect","clientId":"\#(cid)","connectionType":"long-polling"}"#)
        return result.connect == nil ? text(BayeuxJSONReply.array(replies: result.replies)) : "accepted"
    }

    @Test func clientsExpireTwoTimeoutsAfterTheLastHandshakeOrConnect() throws {
        let test = try TestServer(timeout: 5)
        let cid = try test.handshake()
        test.clock.advance(milliseconds: 9_999)
        #expect(try connect(test, cid) == "accepted")
        test.clock.advance(milliseconds: 9_999)
        try test.subscribe(cid, "/a")
        try test.publish("/a")
        #expect(try connect(test, cid) == "accepted")
        test.clock.advance(milliseconds: 10_000)
        #expect(try connect(test, cid) ==
            #"[{"channel":"/meta/connect","successful":false,"error":"401:\#(cid):Unknown client","advice":{"reconnect":"handshake"}}]"#)
    }

    @Test func subscribeAndPublishDoNotKeepASessionAlive() throws {
        let test = try TestServer(timeout: 5)
        let cid = try test.handshake()
        test.clock.advance(milliseconds: 6_000)
        try test.subscribe(cid, "/a")
        try test.publish("/a", extra: #","clientId":"\#(cid)""#)
        test.clock.advance(milliseconds: 4_000)
        #expect(try test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":"/b"}"#)
            .contains(#""error":"401:\#(cid):Unknown client""#))
    }

    @Test func housekeepingDestroysExpiredClientsAndClosesTheirListeners() throws {
        let test = try TestServer(timeout: 5)
        let expiring = try test.handshake()
        try test.subscribe(expiring, "/a", "/b/**")
        let socket = FakeListener()
        _ = try test.attach(socket, to: expiring, mode: .push)
        test.clock.advance(milliseconds: 6_000)
        let fresh = try test.handshake()
        try test.subscribe(fresh, "/a")
        test.clock.advance(milliseconds: 3_999)
        test.server.expireInactiveClients()
        #expect(socket.events.isEmpty)
        test.clock.advance(milliseconds: 1)
        test.server.expireInactiveClients()
        #expect(socket.events == [.clientClosed])
        let statistics = test.server.statistics
        #expect(statistics.expiredClients == 1)
        #expect(statistics.clients == 1)
        #expect(statistics.subscriptions == 1)
        test.server.expireInactiveClients()
        #expect(test.server.statistics.expiredClients == 1)
    }
}

@Suite struct QueueBoundTests {
    @Test func aClientWhoseQueueOverflowsIsDestroyed() throws {
        let test = try TestServer(maxQueued: 3)
        let idle = try test.handshake()
        let active = try test.handshake()
        try test.subscribe(idle, "/a")
        try test.subscribe(active, "/a")
        let held = FakeListener()
        _ = try test.attach(held, to: idle, mode: .hold)
        let socket = FakeListener()
        let socketAttachment = try test.attach(socket, to: active, mode: .push)
        for index in 0..<3 {
            try test.publish("/a", data: "\(index)")
            #expect(test.drain(socketAttachment).count == 1)
        }
        #expect(held.events == [.messagesAvailable])
        try test.publish("/a", data: "3")
        #expect(held.events == [.messagesAvailable, .clientClosed])
        #expect(test.drain(socketAttachment).count == 1)
        let statistics = test.server.statistics
        #expect(statistics.overflowedClients == 1)
        #expect(statistics.droppedMessages == 4)
        #expect(statistics.clients == 1)
        #expect(statistics.subscriptions == 1)
        #expect(try test.reply(#"{"channel":"/meta/connect","clientId":"\#(idle)","connectionType":"long-polling"}"#)
            .contains("401:\(idle):Unknown client"))
    }
}
