/// Comma-separated list values (RFC 9110 §5.6.1) such as Connection, Upgrade and
/// Transfer-Encoding, read in place without building an array per lookup.
extension HTTPHeaders {
    /// True when any field named `name` lists `token` (case-insensitive), e.g.
    /// `contains(token: "upgrade", in: "Connection")` for "Connection: keep-alive, Upgrade".
    public func contains(token: String, in name: String) -> Bool {
        var found = false
        forEachListElement(in: name) { element in
            found = ASCII.equalsIgnoringCase(element, token.utf8)
            return !found
        }
        return found
    }

    /// Calls `body` with each non-empty element, whitespace trimmed, of every field named
    /// `name`, in order, until `body` returns false.
    func forEachListElement(in name: String, _ body: (Substring.UTF8View) -> Bool) {
        for field in self where Self.isNamed(field, name) {
            let value = field.value.utf8
            var elementStart = value.startIndex
            while elementStart < value.endIndex {
                let elementEnd = value[elementStart...].firstIndex(of: ASCII.comma) ?? value.endIndex
                let element = Self.trimmingWhitespace(value[elementStart..<elementEnd])
                if !element.isEmpty && !body(element) { return }
                elementStart = elementEnd < value.endIndex ? value.index(after: elementEnd) : elementEnd
            }
        }
    }

    private static func trimmingWhitespace(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && ASCII.isWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while end > start && ASCII.isWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return bytes[start..<end]
    }
}
