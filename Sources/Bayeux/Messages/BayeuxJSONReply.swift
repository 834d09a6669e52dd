/// Response bodies: the JSON array a transport sends.
public enum BayeuxJSONReply {
    /// How U+2028 and U+2029 are written. JSON allows them raw, but JavaScript before
    /// ES2019 ends a string literal at them, so JSONP bodies escape them as Faye does.
    public enum LineSeparators: Sendable {
        case raw
        case escaped
    }

    /// `[reply, ..., connectReply, message, ...]`: the order of a long-poll response
    /// (protocol.md §3.3). A WebSocket or EventSource push is `array(deliveries: [message])`.
    public static func array(
        replies: [[UInt8]] = [], connect: [UInt8]? = nil, deliveries: [BayeuxDelivery] = [],
        lineSeparators: LineSeparators = .raw
    ) -> [UInt8] {
        var capacity = 2 + replies.count + deliveries.count + (connect?.count ?? 0)
        for reply in replies { capacity += reply.count }
        for delivery in deliveries { capacity += delivery.json.count }
        var body: [UInt8] = []
        body.reserveCapacity(capacity)
        body.append(UInt8(ascii: "["))
        var isFirst = true
        func append(_ element: [UInt8]) {
            if !isFirst { body.append(UInt8(ascii: ",")) }
            isFirst = false
            switch lineSeparators {
            case .raw: body.append(contentsOf: element)
            case .escaped: appendEscapingLineSeparators(element, to: &body)
            }
        }
        replies.forEach(append)
        connect.map(append)
        for delivery in deliveries { append(delivery.json) }
        body.append(UInt8(ascii: "]"))
        return body
    }

    /// U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8. In valid JSON they can only sit
    /// inside strings, where `\u2028` means the same character.
    private static func appendEscapingLineSeparators(_ json: [UInt8], to body: inout [UInt8]) {
        var index = 0
        while index < json.count {
            if json[index] == 0xE2, index + 2 < json.count, json[index + 1] == 0x80,
               json[index + 2] == 0xA8 || json[index + 2] == 0xA9 {
                body.append(contentsOf: (json[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                index += 3
            } else {
                body.append(json[index])
                index += 1
            }
        }
    }
}
