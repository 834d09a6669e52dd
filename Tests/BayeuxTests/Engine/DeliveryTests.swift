@testable import Bayeux
import Synchronization
import Testing

@Suite struct DeliveryTests {
    @Test func heldConnectGetsMessagesThenDetachesSoLaterOnesWaitForTheNextConnect() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let held = FakeListener()
        let heldAttachment = try test.attach(held, to: cid, mode: .hold)
        #expect(test.drain(heldAttachment).isEmpty)
        try test.publish("/a", data: "1")
        try test.publish("/a", data: "2")
        #expect(held.events == [.messagesAvailable])
        #expect(test.drain(heldAttachment).count == 2)
        try test.publish("/a", data: "3")
        #expect(held.events == [.messagesAvailable])
        #expect(test.drain(heldAttachment).isEmpty)
        let next = FakeListener()
        let nextAttachment = try test.attach(next, to: cid, mode: .hold)
        #expect(test.drain(nextAttachment) == [#"{"channel":"/a","data":3,"ext":{"service":"Pub"}}"#])
        #expect(next.events.isEmpty)
    }

    @Test func aNewerHeldConnectReplacesTheOlderOne() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let older = FakeListener()
        let newer = FakeListener()
        let olderAttachment = try test.attach(older, to: cid, mode: .hold)
        let newerAttachment = try test.attach(newer, to: cid, mode: .hold)
        #expect(older.events == [.replaced])
        try test.publish("/a")
        #expect(older.events == [.replaced])
        #expect(newer.events == [.messagesAvailable])
        #expect(test.drain(olderAttachment).isEmpty)
        #expect(test.drain(newerAttachment).count == 1)
    }

    /// A WebSocket sends a connect per timeout and attaches again each time: the newest
    /// attachment is the one that drains.
    @Test func reattachingTheSameListenerIsNotAReplacement() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let socket = FakeListener()
        let first = try test.attach(socket, to: cid, mode: .push)
        let second = try test.attach(socket, to: cid, mode: .push)
        #expect(socket.events.isEmpty)
        try test.publish("/a")
        #expect(test.drain(first).isEmpty)
        #expect(test.drain(second).count == 1)
    }

    @Test func pushListenersStayAttachedAcrossDrains() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let socket = FakeListener()
        try test.publish("/a", data: "0")
        let socketAttachment = try test.attach(socket, to: cid, mode: .push)
        #expect(socket.events.isEmpty)
        #expect(test.drain(socketAttachment).count == 1)
        try test.publish("/a", data: "1")
        #expect(test.drain(socketAttachment).count == 1)
        try test.publish("/a", data: "2")
        #expect(socket.events == [.messagesAvailable, .messagesAvailable])
        #expect(test.drain(socketAttachment) == [#"{"channel":"/a","data":2,"ext":{"service":"Pub"}}"#])
    }

    @Test func detachingKeepsQueuedMessages() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/a")
        let held = FakeListener()
        let heldAttachment = try test.attach(held, to: cid, mode: .hold)
        heldAttachment.detach()
        try test.publish("/a")
        #expect(held.events.isEmpty)
        let other = FakeListener()
        let otherAttachment = try test.attach(other, to: cid, mode: .hold)
        #expect(test.drain(otherAttachment).count == 1)
    }

    @Test func aClientMatchedBySeveralSubscriptionsGetsOneCopy() throws {
        let test = try TestServer()
        let both = try test.handshake()
        let one = try test.handshake()
        try test.subscribe(both, "/**", "/a/*", "/a/b", "/a/**")
        try test.subscribe(one, "/a/b")
        let bothListener = FakeListener()
        let oneListener = FakeListener()
        let bothListenerAttachment = try test.attach(bothListener, to: both, mode: .push)
        let oneListenerAttachment = try test.attach(oneListener, to: one, mode: .push)
        try test.publish("/a/b")
        #expect(test.drain(bothListenerAttachment).count == 1)
        #expect(test.drain(oneListenerAttachment).count == 1)
        #expect(test.engine.statistics.queuedDeliveries == 2)
    }

    @Test func everyRecipientSharesOneEncodedMessage() throws {
        let test = try TestServer()
        let first = try test.handshake()
        let second = try test.handshake()
        try test.subscribe(first, "/a")
        try test.subscribe(second, "/*")
        let firstListener = FakeListener()
        let secondListener = FakeListener()
        let firstListenerAttachment = try test.attach(firstListener, to: first, mode: .push)
        let secondListenerAttachment = try test.attach(secondListener, to: second, mode: .push)
        try test.publish("/a")
        let taken = Mutex<[BayeuxDelivery]>([])
        firstListenerAttachment.drain { deliveries in taken.withLock { $0 += deliveries } }
        secondListenerAttachment.drain { deliveries in taken.withLock { $0 += deliveries } }
        let deliveries = taken.withLock { $0 }
        #expect(deliveries.count == 2)
        #expect(deliveries[0] === deliveries[1])
        #expect(deliveries[0].channel == "/a")
    }

    @Test func hundredPublishesArriveInOrder() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/seq", "/**")
        for index in 0..<100 {
            try test.publish("/seq", data: "\(index)")
        }
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .hold)
        let expected = (0..<100).map { #"{"channel":"/seq","data":\#($0),"ext":{"service":"Pub"}}"# }
        #expect(test.drain(listenerAttachment) == expected)
    }

    @Test(arguments: [
        ("/*", ["/foo", "/other"]), ("/**", ["/foo", "/foo/bar", "/foo/bar/baz", "/service/x", "/other"]),
        ("/foo/*", ["/foo/bar"]), ("/foo/**", ["/foo/bar", "/foo/bar/baz"]), ("/foo", ["/foo"]),
        ("/foo/bar/*", ["/foo/bar/baz"]),
    ])
    func wildcardsMatchLikeFaye(pattern: String, received: [String]) throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, pattern)
        let listener = FakeListener()
        let listenerAttachment = try test.attach(listener, to: cid, mode: .push)
        for channel in ["/foo", "/foo/bar", "/foo/bar/baz", "/service/x", "/other"] {
            try test.publish(channel)
        }
        let channels = test.drain(listenerAttachment).map { delivered in
            String(delivered.split(separator: "\"")[3])
        }
        #expect(channels == received)
    }
}
