@testable import Bayeux
import Foundation
import Synchronization
import Testing

/// Hostile input never traps, and whatever we answer is valid JSON (checked with Foundation's
/// parser, which we did not write).
@Suite struct MutatedInputTests {
    /// xorshift64*: a fixed seed makes every run test the same inputs.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
    }

    private static let corpus = [
        #"[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling","websocket"],"id":"1"}]"#,
        #"{"channel":"/meta/connect","clientId":"CID","connectionType":"long-polling","advice":{"timeout":0},"id":2}"#,
        #"[{"channel":"/meta/subscribe","clientId":"CID","subscription":["/a/*","/b/**"],"id":"s"}]"#,
        #"[{"channel":"/meta/unsubscribe","clientId":"CID","subscription":"/a/*"},{"channel":"/meta/disconnect","clientId":"CID"}]"#,
        #"[{"channel":"/a/x","data":{"t":"\u00e9\uD83D\uDE00","n":[1,2.5e3,null,true]},"id":"p","ext":{"service":"Pub","auth_token":"s3cret-token"}}]"#,
        #"[{"channel":"/b/c/d","data":"x","clientId":"CID","ext":{"auth_token":"s3cret-token","service":"Pub","k":[{}]}}]"#,
    ]

    @Test func mutatedBatchesNeverTrapAndAlwaysGetValidJSON() throws {
        let test = try TestServer()
        let cid = try test.handshake()
        try test.subscribe(cid, "/**")
        let attachment = try test.attach(FakeListener(), to: cid, mode: .push)
        var generator = SeededGenerator(state: 0x9E37_79B9_7F4A_7C15)
        var accepted = 0
        for round in 0..<20_000 {
            var bytes = Array(Self.corpus[round % Self.corpus.count].replacingOccurrences(of: "CID", with: cid).utf8)
            for _ in 0...Int.random(in: 0...3, using: &generator) {
                mutate(&bytes, using: &generator)
            }
            guard let batch = try? BayeuxBatch.parse(bytes) else { continue }
            accepted += 1
            let result = Mutex<BayeuxBatchResult?>(nil)
            test.server.process(batch, context: BayeuxRequestContext(origin: TestServer.publisherOrigin, transport: .websocket)) { done in
                result.withLock { $0 = done }
            }
            let done = try #require(result.withLock { $0 })
            let body = BayeuxJSONReply.array(replies: done.replies, connect: done.connect?.reply)
            #expect((try? JSONSerialization.jsonObject(with: Data(body))) != nil, "reply to \(text(bytes))")
            for delivered in test.drain(attachment) {
                #expect((try? JSONSerialization.jsonObject(with: Data(delivered.utf8))) != nil, "delivery of \(text(bytes))")
            }
        }
        #expect(accepted > 1_000)
    }

    private func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes.append(UInt8.random(in: .min ... .max, using: &generator))
            return
        }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        let interesting: [UInt8] = Array(#"{}[]":,\/"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: bytes[position] = UInt8.random(in: .min ... .max, using: &generator)
        case 1: bytes[position] = interesting.randomElement(using: &generator) ?? 0
        case 2: bytes.remove(at: position)
        case 3: bytes.insert(interesting.randomElement(using: &generator) ?? 0, at: position)
        default: bytes.removeSubrange(position...)
        }
    }
}
