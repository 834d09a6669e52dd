@testable import Bayeux
import Dispatch
import Synchronization
import Testing

/// Several threads at once, as several event loops call the server.
@Suite struct ConcurrencyTests {
    @Test func concurrentPublishersAndDrainersLoseAndDuplicateNothing() throws {
        let test = try TestServer()
        let publishers = 4
        let perPublisher = 250
        let subscribers = try (0..<20).map { _ in try test.handshake() }
        let attachments = try subscribers.enumerated().map { index, cid in
            // Overlapping subscriptions: each publish must still arrive once.
            try test.subscribe(cid, "/c/**", index.isMultiple(of: 2) ? "/c/*" : "/**")
            return try test.attach(FakeListener(), to: cid, mode: .push)
        }
        let received = Mutex<[[String]]>(Array(repeating: [], count: subscribers.count))
        let publishing = Atomic<Int>(publishers)
        let failures = Atomic<Int>(0)

        @Sendable func drainAll(_ range: StrideThrough<Int>) {
            for index in range {
                attachments[index].drain { deliveries in
                    received.withLock { $0[index] += deliveries.map { text($0.json) } }
                }
            }
        }

        DispatchQueue.concurrentPerform(iterations: publishers + 2) { worker in
            if worker < publishers {
                for sequence in 0..<perPublisher {
                    if (try? test.publish("/c/\(worker)", data: "[\(worker),\(sequence)]"))?.contains(#""successful":true"#) != true {
                        failures.add(1, ordering: .relaxed)
                    }
                }
                publishing.subtract(1, ordering: .releasing)
            } else {
                let mine = stride(from: worker - publishers, through: subscribers.count - 1, by: 2)
                while publishing.load(ordering: .acquiring) > 0 {
                    drainAll(mine)
                }
                drainAll(mine)
            }
        }

        #expect(failures.load(ordering: .relaxed) == 0)
        for messages in received.withLock({ $0 }) {
            #expect(messages.count == publishers * perPublisher)
            var next = Array(repeating: 0, count: publishers)
            for message in messages {
                let numbers = message.split(separator: "[")[1].split(separator: "]")[0].split(separator: ",").compactMap { Int($0) }
                #expect(numbers.count == 2)
                guard numbers.count == 2 else { break }
                #expect(numbers[1] == next[numbers[0]], "per-publisher order")
                next[numbers[0]] = numbers[1] + 1
            }
        }
        #expect(test.engine.statistics.queuedDeliveries == subscribers.count * publishers * perPublisher)
    }

    @Test func churningClientsWhilePublishingLeavesNothingBehind() throws {
        let test = try TestServer()
        let stop = Atomic<Bool>(false)
        let handshakes = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                while !stop.load(ordering: .acquiring) {
                    _ = try? test.publish("/churn/x")
                }
                return
            }
            for round in 0..<200 {
                guard let cid = try? test.handshake() else { continue }
                handshakes.add(1, ordering: .relaxed)
                let listener = FakeListener()
                _ = try? test.reply(#"{"channel":"/meta/subscribe","clientId":"\#(cid)","subscription":["/churn/*","/**","/r\#(round)"]}"#)
                if let attachment = test.server.attach(listener, to: cid, mode: round.isMultiple(of: 2) ? .push : .hold) {
                    _ = test.drain(attachment)
                }
                if round.isMultiple(of: 3) {
                    _ = try? test.reply(#"{"channel":"/meta/unsubscribe","clientId":"\#(cid)","subscription":"/**"}"#)
                }
                _ = try? test.reply(#"{"channel":"/meta/disconnect","clientId":"\#(cid)"}"#)
            }
            if worker == 1 {
                stop.store(true, ordering: .releasing)
            }
        }
        stop.store(true, ordering: .releasing)
        #expect(handshakes.load(ordering: .relaxed) == 600)
        let statistics = test.server.statistics
        #expect(statistics.clients == 0)
        #expect(statistics.subscriptions == 0)
    }
}
