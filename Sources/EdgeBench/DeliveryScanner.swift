/// Finds the benchmark's deliveries in a received frame or response body: every
/// message the publisher sends has `"data":{"t":<ns>,"seq":<n>}`, and servers pass
/// `data` through unchanged (bayeux-edge copies its bytes; Faye re-encodes it with
/// Ruby's JSON, same members, same order), so each `"t":` followed by `"seq":` is one
/// delivery. Nothing else the servers send has a `"t":` member.
enum DeliveryScanner {
    struct Delivery: Equatable {
        /// CLOCK_REALTIME nanoseconds when the publisher sent the message.
        let sentAt: Int64
        let seq: Int64
    }

    private static let timeKey = Array("\"t\":".utf8)
    private static let seqKey = Array("\"seq\":".utf8)

    static func forEach(in bytes: UnsafeRawBufferPointer, _ body: (Delivery) -> Void) {
        var position = 0
        while let t = ByteSearch.find(timeKey, in: bytes, from: position),
              let time = ByteSearch.integer(in: bytes, at: t + timeKey.count) {
            guard let s = ByteSearch.find(seqKey, in: bytes, from: time.end),
                  let seq = ByteSearch.integer(in: bytes, at: s + seqKey.count) else { return }
            body(Delivery(sentAt: time.value, seq: seq.value))
            position = seq.end
        }
    }
}
