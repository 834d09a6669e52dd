/// A header or trailer field line checked against RFC 9112 §5: a token name, ':' with no
/// whitespace before it, optional whitespace, a value without control characters.
struct HTTP1FieldLine {
    /// Indices into the line.
    let name: Range<Int>
    /// Indices into the line, surrounding whitespace excluded.
    let value: Range<Int>

    init(validating line: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) {
        // A line starting with whitespace continues the previous one (obs-fold, §5.2),
        // which a server may reject; joining lines is how header injection hides.
        if let first = line.first, ASCII.isWhitespace(first) {
            throw .badRequest("obsolete line folding in header section")
        }
        var index = 0
        while index < line.count && ASCII.isTokenChar(line[index]) { index += 1 }
        guard index < line.count else { throw .badRequest("header field without a colon") }
        guard line[index] == ASCII.colon else {
            throw .badRequest(ASCII.isWhitespace(line[index])
                ? "whitespace between header name and colon"
                : "invalid character in header name")
        }
        guard index > 0 else { throw .badRequest("empty header name") }
        name = 0..<index

        var valueStart = index + 1
        var valueEnd = line.count
        while valueStart < valueEnd && ASCII.isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && ASCII.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        if let invalid = ASCII.firstNonFieldValueByte(in: line, valueStart..<valueEnd) {
            throw .badRequest(line[invalid] == 0 ? "NUL in header value" : "control character in header value")
        }
        value = valueStart..<valueEnd
    }
}
