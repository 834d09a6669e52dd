/// Bytes that passed the scanner, with readers for values inside them. The readers re-scan
/// only the value asked for (a few bytes of `advice` or `ext`), never the whole text.
struct JSONText: Sendable {
    let bytes: [UInt8]

    /// Scans `bytes` as one complete JSON document.
    static func validate(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (JSONText, JSONValue) {
        let value = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var scanner = JSONScanner(buffer)
            let value = try scanner.scanValue(depth: 0)
            scanner.skipWhitespace()
            guard scanner.isAtEnd else { throw scanner.error(.trailingBytes) }
            return value
        }
        return (JSONText(bytes: bytes), value)
    }

    func slice(_ value: JSONValue) -> ArraySlice<UInt8> {
        bytes[value.range]
    }

    func string(_ value: JSONValue) -> String? {
        guard value.kind == .string else { return nil }
        return bytes.withUnsafeBufferPointer { JSONStringDecoder.decode($0, value.range) }
    }

    func double(_ value: JSONValue) -> Double? {
        guard value.kind == .number else { return nil }
        return Double(String(decoding: bytes[value.range], as: UTF8.self))
    }

    /// The members of an object value, in order; empty for any other kind.
    func members(_ value: JSONValue) -> [JSONMember] {
        guard value.kind == .object else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, from: value.range.lowerBound)
            // The value was validated when the text was scanned, so this cannot fail.
            return (try? scanner.scanObjectMembers(depth: 0))??.1 ?? []
        }
    }

    /// The elements of an array value, in order; empty for any other kind.
    func elements(_ value: JSONValue) -> [JSONValue] {
        guard value.kind == .array else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, from: value.range.lowerBound)
            var elements: [JSONValue] = []
            // The value was validated when the text was scanned, so this cannot fail.
            _ = try? scanner.scanArray(depth: 0) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                elements.append(try scanner.scanValue(depth: 1))
            }
            return elements
        }
    }

    /// Walks an array value and the arrays inside it in one pass: `leaf` for every element
    /// that is not an array, at any depth, in order; `separator` between the elements of
    /// each array (nested ones included). Fetching `elements` level by level would re-scan
    /// every subtree once per level of nesting.
    func walkNested(_ value: JSONValue, separator: () -> Void, leaf: (JSONValue) -> Void) {
        guard value.kind == .array else { return }
        bytes.withUnsafeBufferPointer { buffer in
            func walk(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
                var isFirst = true
                _ = try scanner.scanArray(depth: 0) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                    if !isFirst { separator() }
                    isFirst = false
                    if scanner.peekByte() == UInt8(ascii: "[") {
                        try walk(&scanner)
                    } else {
                        leaf(try scanner.scanValue(depth: 1))
                    }
                }
            }
            var scanner = JSONScanner(buffer, from: value.range.lowerBound)
            // The value was validated when the text was scanned, so this cannot fail.
            try? walk(&scanner)
        }
    }
}
