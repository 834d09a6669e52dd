@testable import Bayeux
import Foundation
import Synchronization
import Testing

/// A Memory-engine server with a fake clock, driven with JSON text the way a transport would.
struct TestServer {
    static let publisherOrigin = "https://publisher.example"
    static let tokensJSON = #"{"Pub": {"origin": "https://publisher.example", "auth_token": "s3cret-token"}}"#

    let clock = FakeClock()
    let engine: MemoryEngine
    let server: BayeuxServer

    init(timeout: Double = 60, maxQueued: Int = 10_000, tokens: String? = TestServer.tokensJSON) throws {
        let configuration = BayeuxConfiguration(timeout: timeout, maxQueuedMessagesPerClient: maxQueued)
        engine = MemoryEngine(configuration: configuration, clock: clock)
        let publishers = try tokens.map { try PublisherTokens(json: Array($0.utf8)) }
        server = BayeuxServer(engine: engine, configuration: configuration, publishers: publishers)
    }

    /// Processes one request body; the Memory engine completes synchronously.
    func send(_ json: String, origin: String? = nil, transport: ConnectionType = .longPolling) throws -> BayeuxBatchResult {
        let batch = try BayeuxBatch.parse(Array(json.utf8))
        let result = Mutex<BayeuxBatchResult?>(nil)
        server.process(batch, context: BayeuxRequestContext(origin: origin, transport: transport)) { done in
            result.withLock { $0 = done }
        }
        return try #require(result.withLock { $0 })
    }

    /// The immediate replies as one JSON array text.
    func reply(_ json: String, origin: String? = nil, transport: ConnectionType = .longPolling) throws -> String {
        text(BayeuxJSONReply.array(replies: try send(json, origin: origin, transport: transport).replies))
    }

    func handshake() throws -> String {
        let reply = try send(#"{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling"]}"#)
        let object = try #require(try jsonObjects(BayeuxJSONReply.array(replies: reply.replies)).first)
        return try #require(object["clientId"] as? String)
    }

    func subscribe(_ clientId: String, _ channels: String...) throws {
        let list = channels.map { "\"\($0)\"" }.joined(separator: ",")
        let reply = try self.reply(#"{"channel":"/meta/subscribe","clientId":"\#(clientId)","subscription":[\#(list)]}"#)
        #expect(reply.contains(#""successful":true"#))
    }

    /// A publish carrying valid credentials from the publisher's origin.
    @discardableResult
    func publish(_ channel: String, data: String = #"{"n":1}"#, extra: String = "") throws -> String {
        try reply(#"{"channel":"\#(channel)","data":\#(data),"ext":{"service":"Pub","auth_token":"s3cret-token"}\#(extra)}"#,
                  origin: Self.publisherOrigin)
    }

    func attach(_ listener: FakeListener, to clientId: String, mode: ListenerMode) throws -> any BayeuxAttachment {
        try #require(server.attach(listener, to: clientId, mode: mode))
    }

    /// The Memory engine drains synchronously.
    func drain(_ attachment: any BayeuxAttachment) -> [String] {
        let drained = Mutex<[BayeuxDelivery]>([])
        attachment.drain { deliveries in drained.withLock { $0 = deliveries } }
        return drained.withLock { $0 }.map { text($0.json) }
    }
}

func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// Parses a reply array with Foundation, a parser we did not write.
func jsonObjects(_ bytes: [UInt8]) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
}
