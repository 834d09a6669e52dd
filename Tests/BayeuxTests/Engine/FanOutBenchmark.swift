import Bayeux
import Foundation
import Synchronization
import Testing

/// Not a timed assertion: prints ns per delivery for a 10,000-subscriber fan-out. Run by hand:
/// `BAYEUX_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter FanOutBenchmark`
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["BAYEUX_BENCH"] != nil))
struct FanOutBenchmark {
    private final class CountingListener: BayeuxListener {
        let wakeUps = Atomic<Int>(0)
        func messagesAvailable() { wakeUps.add(1, ordering: .relaxed) }
        func clientClosed() {}
        func replaced() {}
    }

    private struct Setup {
        let server: BayeuxServer
        let attachments: [any BayeuxAttachment]
        let publish: [BayeuxMessage]
        let context = BayeuxRequestContext(origin: "https://pub.example", transport: .websocket)
    }

    private static let subscribers = 10_000

    /// `channels(i)`: what subscriber i subscribes to.
    private func setUp(channels: (Int) -> String) throws -> Setup {
        let configuration = BayeuxConfiguration(maxQueuedMessagesPerClient: 1_000_000)
        let engine = MemoryEngine(configuration: configuration, clock: SystemClock())
        let tokens = try PublisherTokens(json: Array(#"{"P":{"origin":"https://pub.example","auth_token":"tok"}}"#.utf8))
        let server = BayeuxServer(engine: engine, configuration: configuration, publishers: tokens)
        var attachments: [any BayeuxAttachment] = []
        for index in 0..<Self.subscribers {
            let handshake = try BayeuxBatch.parse(Array(#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["websocket"]}"#.utf8))
            let id = Mutex<String>("")
            server.process(handshake, context: BayeuxRequestContext(origin: nil, transport: .websocket)) { result in
                let reply = String(decoding: result.replies[0], as: UTF8.self)
                id.withLock { $0 = String(reply.split(separator: "\"clientId\":\"")[1].prefix(31)) }
            }
            let clientId = id.withLock { $0 }
            let subscribe = try BayeuxBatch.parse(Array(#"{"channel":"/meta/subscribe","clientId":"\#(clientId)","subscription":\#(channels(index))}"#.utf8))
            server.process(subscribe, context: BayeuxRequestContext(origin: nil, transport: .websocket)) { _ in }
            attachments.append(try #require(server.attach(CountingListener(), to: clientId, mode: .push)))
        }
        let publish = try BayeuxBatch.parse(Array(#"""
            {"channel":"/bench/room","data":{"text":"hello everyone, a message of about a hundred bytes","n":12345},"id":"42","ext":{"service":"P","auth_token":"tok"}}
            """#.utf8))
        return Setup(server: server, attachments: attachments, publish: publish)
    }

    private func run(_ name: String, _ setup: Setup, publishes: Int, drainEvery: Int) {
        let clock = ContinuousClock()
        var publishTime = Duration.zero
        var drainTime = Duration.zero
        let delivered = Atomic<Int>(0)
        for round in 1...publishes {
            publishTime += clock.measure {
                setup.server.process(setup.publish, context: setup.context) { _ in }
            }
            guard round.isMultiple(of: drainEvery) else { continue }
            drainTime += clock.measure {
                for attachment in setup.attachments {
                    attachment.drain { deliveries in
                        delivered.add(deliveries.count, ordering: .relaxed)
                    }
                }
            }
        }
        let deliveries = Double(publishes * Self.subscribers)
        func nanoseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        }
        print("""
            [bench] \(name): \(publishes) publishes × \(Self.subscribers) subscribers, drain every \(drainEvery): \
            publish \(Int(nanoseconds(publishTime) / deliveries)) ns/delivery, \
            drain \(Int(nanoseconds(drainTime) / deliveries)) ns/delivery, \
            total \(Int(nanoseconds(publishTime + drainTime) / deliveries)) ns/delivery
            """)
        #expect(delivered.load(ordering: .relaxed) == publishes * Self.subscribers)
    }

    @Test func oneChannel() throws {
        let setup = try setUp { _ in #""/bench/room""# }
        run("one key, socket drained after every publish", setup, publishes: 200, drainEvery: 1)
        run("one key, drained every 20 publishes", setup, publishes: 200, drainEvery: 20)
    }

    @Test func overlappingWildcards() throws {
        let setup = try setUp { index in
            switch index % 4 {
            case 0: #""/bench/room""#
            case 1: #""/bench/*""#
            case 2: #"["/bench/**","/bench/room"]"#
            default: #"["/**","/bench/*"]"#
            }
        }
        run("four keys with overlaps, drained after every publish", setup, publishes: 200, drainEvery: 1)
    }
}
