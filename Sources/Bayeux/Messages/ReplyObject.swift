/// A reply under construction. Faye builds replies as Ruby hashes: a key stays where it was
/// first inserted and assigning it again only changes its value. Keeping that rule makes our
/// replies byte-for-byte Faye's (`"error"` lands before or after `"subscription"` depending
/// on which check set it).
struct ReplyObject: Sendable {
    private var fields: [(key: String, json: [UInt8])] = []

    /// Faye's `make_response`: `id`, `clientId`, `channel`, `error` copied when truthy, then
    /// `successful`. Values are re-emitted with their JSON type (`"id":42` stays a number).
    init(respondingTo message: BayeuxMessage) {
        fields.reserveCapacity(6)
        for key in Self.echoedKeys {
            if let value = message.truthy(key) {
                set(key, echoing: value, of: message.text)
            }
        }
        set("successful", bool: !hasError)
    }

    init() {}

    private static let echoedKeys = ["id", "clientId", "channel", "error"]
    // Shared: assigning an array is a reference-count increment, not a copy.
    private static let trueJSON = Array("true".utf8)
    private static let falseJSON = Array("false".utf8)

    var hasError: Bool { fields.contains { $0.key == "error" } }

    mutating func set(_ key: String, json: [UInt8]) {
        if let index = fields.firstIndex(where: { $0.key == key }) {
            fields[index].json = json
        } else {
            fields.append((key, json))
        }
    }

    mutating func set(_ key: String, string: String) {
        var writer = JSONWriter()
        writer.appendString(string)
        set(key, json: writer.bytes)
    }

    mutating func set(_ key: String, bool: Bool) {
        set(key, json: bool ? Self.trueJSON : Self.falseJSON)
    }

    mutating func set(_ key: String, integer: Int64) {
        set(key, json: Array(String(integer).utf8))
    }

    mutating func set(_ key: String, strings: [String]) {
        var writer = JSONWriter()
        writer.appendByte(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { writer.appendByte(UInt8(ascii: ",")) }
            writer.appendString(string)
        }
        writer.appendByte(UInt8(ascii: "]"))
        set(key, json: writer.bytes)
    }

    mutating func set(_ key: String, echoing value: JSONValue, of text: JSONText) {
        var writer = JSONWriter()
        writer.appendCanonical(value, of: text)
        set(key, json: writer.bytes)
    }

    mutating func setError(_ error: BayeuxError) {
        set("error", string: error.text)
    }

    /// Faye's closing `response['successful'] = response['error'].nil?`.
    mutating func settleSuccess() {
        set("successful", bool: !hasError)
    }

    mutating func remove(_ key: String) {
        fields.removeAll { $0.key == key }
    }

    func encoded() -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.appendByte(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.appendByte(UInt8(ascii: ",")) }
            writer.appendString(field.key)
            writer.appendByte(UInt8(ascii: ":"))
            writer.appendRaw(field.json)
        }
        writer.appendByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// The checks every client-bound meta channel starts with, in Faye's order (the last
    /// one assigned wins): unknown client, then `clientId` missing.
    mutating func checkClient(of message: BayeuxMessage, exists: Bool) {
        let clientIdValue = message.nonNull("clientId")
        if !exists {
            setError(.unknownClient(clientIdValue.map(message.errorArgument) ?? ""))
        }
        if clientIdValue == nil {
            setError(.missingParameter("clientId"))
        }
    }
}
