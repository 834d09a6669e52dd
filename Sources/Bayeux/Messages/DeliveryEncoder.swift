/// Writes a published message the way subscribers receive it, once per publish.
enum DeliveryEncoder {
    /// The publisher's members in their order, `clientId` left out and `ext` without
    /// `auth_token` (`ext` holds the members of the message's `ext`). A repeated key appears
    /// once, where it first appeared, with its last value, as Faye's parsed hash holds it.
    /// Keys and values are copied as sent: `data` is never decoded or re-encoded.
    static func encode(_ message: BayeuxMessage, ext: [JSONMember]) -> [UInt8] {
        let bytes = message.text.bytes
        var pending: [String: JSONValue] = [:]
        var capacity = 2
        for member in message.members {
            pending[member.key] = member.value
            capacity += member.keyRange.count + member.value.range.count + 2
        }
        var writer = JSONWriter(capacity: capacity)
        writer.appendByte(UInt8(ascii: "{"))
        var isFirst = true
        for member in message.members where member.key != "clientId" {
            // Taken out when written, so a repeated key is written only the first time.
            guard let value = pending.removeValue(forKey: member.key) else { continue }
            if !isFirst { writer.appendByte(UInt8(ascii: ",")) }
            isFirst = false
            writer.appendRaw(bytes[member.keyRange])
            writer.appendByte(UInt8(ascii: ":"))
            if member.key == "ext" && value.kind == .object {
                appendExt(ext, of: bytes, to: &writer)
            } else {
                writer.appendRaw(bytes[value.range])
            }
        }
        writer.appendByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    private static func appendExt(_ ext: [JSONMember], of bytes: [UInt8], to writer: inout JSONWriter) {
        writer.appendByte(UInt8(ascii: "{"))
        var isFirst = true
        for member in ext where member.key != "auth_token" {
            if !isFirst { writer.appendByte(UInt8(ascii: ",")) }
            isFirst = false
            writer.appendRaw(bytes[member.keyRange])
            writer.appendByte(UInt8(ascii: ":"))
            writer.appendRaw(bytes[member.value.range])
        }
        writer.appendByte(UInt8(ascii: "}"))
    }
}
