/// Comma-separated list values (RFC 9110 §5.6.1) such as Connection, Upgrade and
/// Transfer-Encoding, walked in place without building an array.
enum HTTPList {
    /// Calls `body` with each non-empty element, whitespace trimmed, until `body` returns
    /// false. Returns false when `body` stopped the walk.
    @discardableResult
    static func forEachElement(
        in value: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var elementStart = 0
        while elementStart < value.count {
            var elementEnd = elementStart
            while elementEnd < value.count && value[elementEnd] != ASCII.comma { elementEnd += 1 }
            var start = elementStart
            var end = elementEnd
            while start < end && ASCII.isWhitespace(value[start]) { start += 1 }
            while end > start && ASCII.isWhitespace(value[end - 1]) { end -= 1 }
            if start < end && !body(UnsafeBufferPointer(rebasing: value[start..<end])) { return false }
            elementStart = elementEnd + 1
        }
        return true
    }

    /// Whether `token` is one of the elements (case-insensitive).
    static func contains(_ token: String, in value: UnsafeBufferPointer<UInt8>) -> Bool {
        !forEachElement(in: value) { !ASCII.equalsIgnoringCase($0, token) }
    }
}
