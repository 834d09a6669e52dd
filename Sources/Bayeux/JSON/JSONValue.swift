/// What kind of JSON value the scanner found.
enum JSONKind: Sendable, Equatable {
    case object, array, string, number, `true`, `false`, null
}

/// A validated JSON value: its kind and the bytes it occupies in the scanned input
/// (a string's range includes its quotes).
struct JSONValue: Sendable, Equatable {
    let kind: JSONKind
    let range: Range<Int>

    /// Faye's server (Ruby) tests optional fields with `if message['x']`: everything except
    /// `null` and `false` counts as present, `0` and `""` included.
    var isTruthy: Bool {
        switch kind {
        case .null, .false: false
        case .object, .array, .string, .number, .true: true
        }
    }
}

/// One member of an object: the decoded key, where the key's bytes (quotes included) are,
/// and the member's value.
struct JSONMember: Sendable {
    let key: String
    let keyRange: Range<Int>
    let value: JSONValue
}

extension Array where Element == JSONMember {
    /// The value of the last member named `key`: a JSON object with a repeated key means
    /// its last value, as Ruby's and JavaScript's parsers read it.
    func last(named key: String) -> JSONValue? {
        last(where: { $0.key == key })?.value
    }
}
