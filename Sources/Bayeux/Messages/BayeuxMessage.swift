/// One message of a request: its members kept as validated slices of the request bytes (in
/// the order sent), with the two fields everyone asks for decoded up front.
public struct BayeuxMessage: Sendable {
    let text: JSONText
    let members: [JSONMember]

    /// The `channel` member when it is a string.
    public let channel: String?
    /// The `clientId` member when it is a string.
    public let clientId: String?
    /// The `connectionType` member when it is a string.
    public let connectionType: String?

    init(text: JSONText, members: [JSONMember]) {
        self.text = text
        self.members = members
        channel = members.last(named: "channel").flatMap(text.string)
        clientId = members.last(named: "clientId").flatMap(text.string)
        connectionType = members.last(named: "connectionType").flatMap(text.string)
    }

    /// The value of member `key`, if the message has one.
    func value(_ key: String) -> JSONValue? {
        members.last(named: key)
    }

    /// Member `key` unless it is absent or `null` (Ruby's `.nil?`).
    func nonNull(_ key: String) -> JSONValue? {
        guard let value = value(key), value.kind != .null else { return nil }
        return value
    }

    /// Member `key` when Ruby's `if message[key]` would take it (not absent, `null` or `false`).
    func truthy(_ key: String) -> JSONValue? {
        guard let value = value(key), value.isTruthy else { return nil }
        return value
    }

    /// A value as Faye's error strings print it (`args.join(',')`): strings as text, `null`
    /// as nothing, arrays flattened and joined with commas, anything else as its JSON.
    func errorArgument(_ value: JSONValue) -> String {
        switch value.kind {
        case .string: text.string(value) ?? ""
        case .null: ""
        case .array:
            {
                var joined = ""
                text.walkNested(value, separator: { joined += "," }, leaf: { joined += errorArgument($0) })
                return joined
            }()
        case .object, .number, .true, .false: String(decoding: text.slice(value), as: UTF8.self)
        }
    }
}
