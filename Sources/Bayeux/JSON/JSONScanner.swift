/// A validating RFC 8259 scanner over bytes in memory. It checks a value completely (strings
/// as UTF-8, escapes, surrogate pairs, number grammar, nesting depth) and reports where the
/// value is instead of building it: callers slice the input and decode only what they read.
///
/// Recursion is bounded by `maximumDepth`, so hostile nesting is an error, never a stack
/// overflow. Positions are offsets into `bytes`.
struct JSONScanner {
    static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, without consuming it.
    mutating func peekByte() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Scans and validates one value; `depth` counts the containers around it.
    mutating func scanValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        var unused: [JSONMember] = []
        return try scanValue(depth: depth, members: &unused, collectingMembers: false)
    }

    /// Scans an object and returns its members with decoded keys; nil (nothing consumed
    /// but whitespace) if the next value is not an object.
    mutating func scanObjectMembers(depth: Int) throws(JSONSyntaxError) -> (JSONValue, [JSONMember])? {
        guard peekByte() == UInt8(ascii: "{") else { return nil }
        var members: [JSONMember] = []
        let value = try scanValue(depth: depth, members: &members, collectingMembers: true)
        return (value, members)
    }

    /// Scans an array, letting `element` scan each element (it must consume exactly one value).
    mutating func scanArray(
        depth: Int,
        element: (inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) -> JSONValue {
        guard peekByte() == UInt8(ascii: "[") else { throw error(isAtEnd ? .unexpectedEnd : .unexpectedByte) }
        guard depth < Self.maximumDepth else { throw error(.nestingTooDeep) }
        let start = position
        position += 1
        if peekByte() == UInt8(ascii: "]") {
            position += 1
            return JSONValue(kind: .array, range: start..<position)
        }
        while true {
            try element(&self)
            switch peekByte() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return JSONValue(kind: .array, range: start..<position)
            case nil: throw error(.unexpectedEnd)
            case .some: throw error(.unexpectedByte)
            }
        }
    }

    func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, reason: reason)
    }

    private mutating func scanValue(
        depth: Int, members: inout [JSONMember], collectingMembers: Bool
    ) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peekByte() else { throw error(.unexpectedEnd) }
        let start = position
        switch byte {
        case UInt8(ascii: "{"):
            try scanObject(depth: depth, members: &members, collectingMembers: collectingMembers)
            return JSONValue(kind: .object, range: start..<position)
        case UInt8(ascii: "["):
            return try scanArray(depth: depth) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                _ = try scanner.scanValue(depth: depth + 1)
            }
        case UInt8(ascii: "\""):
            try scanString()
            return JSONValue(kind: .string, range: start..<position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return JSONValue(kind: .number, range: start..<position)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return JSONValue(kind: .true, range: start..<position)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return JSONValue(kind: .false, range: start..<position)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return JSONValue(kind: .null, range: start..<position)
        default:
            throw error(.unexpectedByte)
        }
    }

    private mutating func scanObject(
        depth: Int, members: inout [JSONMember], collectingMembers: Bool
    ) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error(.nestingTooDeep) }
        position += 1
        if peekByte() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard let quote = peekByte() else { throw error(.unexpectedEnd) }
            guard quote == UInt8(ascii: "\"") else { throw error(.unexpectedByte) }
            let keyStart = position
            try scanString()
            let keyRange = keyStart..<position
            guard let colon = peekByte() else { throw error(.unexpectedEnd) }
            guard colon == UInt8(ascii: ":") else { throw error(.unexpectedByte) }
            position += 1
            let value = try scanValue(depth: depth + 1)
            if collectingMembers {
                let key = JSONStringDecoder.decode(bytes, keyRange)
                members.append(JSONMember(key: key, keyRange: keyRange, value: value))
            }
            switch peekByte() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return
            case nil: throw error(.unexpectedEnd)
            case .some: throw error(.unexpectedByte)
            }
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count {
            guard position < bytes.count else { throw error(.unexpectedEnd) }
            guard bytes[position] == expected[index] else { throw error(.unexpectedByte) }
            position += 1
        }
    }
}
