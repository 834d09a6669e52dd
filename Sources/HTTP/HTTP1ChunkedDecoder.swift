/// Walks a chunked body (RFC 9112 §7.1) one step at a time over the parser's buffer and
/// says which bytes are data; the parser copies those out, so nothing is buffered twice.
struct HTTP1ChunkedDecoder: Sendable {
    enum Step: Equatable {
        case needMoreBytes
        /// The first n bytes are framing (size line, CRLF, trailer): drop them.
        case framing(Int)
        /// The first n bytes are body data.
        case data(Int)
        /// The first n bytes end the body.
        case end(Int)
    }

    private enum State: Sendable {
        case expectingSize
        case inData(remaining: Int)
        case expectingDataEnd
        /// Trailer fields are checked and dropped; their size counts against the head limits.
        case inTrailers(bytes: Int, fields: Int)
    }

    /// Nobody sends long chunk extensions; a line this long is an attack, not a size.
    static let maxSizeLineLength = 4096

    private var state = State.expectingSize

    /// `bodyCount` is what the body holds so far, to refuse a chunk that would pass the limit
    /// before any of it is buffered.
    mutating func step(
        _ bytes: UnsafeBufferPointer<UInt8>,
        bodyCount: Int,
        limits: HTTP1Limits
    ) throws(HTTP1ParseError) -> Step {
        switch state {
        case .expectingSize:
            guard let line = HTTP1Line.find(in: bytes, from: 0, maxLength: Self.maxSizeLineLength) else {
                guard bytes.count < Self.maxSizeLineLength else { throw .badRequest("chunk size line too long") }
                return .needMoreBytes
            }
            let size = try Self.chunkSize(UnsafeBufferPointer(rebasing: bytes[line.content]))
            guard size <= limits.maxBodyBytes - bodyCount else { throw .bodyTooLarge }
            state = size == 0 ? .inTrailers(bytes: 0, fields: 0) : .inData(remaining: size)
            return .framing(line.end)

        case .inData(let remaining):
            let count = min(remaining, bytes.count)
            guard count > 0 else { return .needMoreBytes }
            state = count == remaining ? .expectingDataEnd : .inData(remaining: remaining - count)
            return .data(count)

        case .expectingDataEnd:
            guard let first = bytes.first else { return .needMoreBytes }
            if first == ASCII.lineFeed {
                state = .expectingSize
                return .framing(1)
            }
            guard first == ASCII.carriageReturn else { throw .badRequest("chunk data longer than its size") }
            guard bytes.count > 1 else { return .needMoreBytes }
            guard bytes[1] == ASCII.lineFeed else { throw .badRequest("chunk data longer than its size") }
            state = .expectingSize
            return .framing(2)

        case .inTrailers(let trailerBytes, let fields):
            let allowance = limits.maxHeaderBytes - trailerBytes
            guard let line = HTTP1Line.find(in: bytes, from: 0, maxLength: allowance) else {
                guard bytes.count < allowance else { throw .headersTooLarge }
                return .needMoreBytes
            }
            if line.content.isEmpty { return .end(line.end) }
            guard fields < limits.maxHeaderCount else { throw .headersTooLarge }
            _ = try HTTP1FieldLine(validating: UnsafeBufferPointer(rebasing: bytes[line.content]))
            state = .inTrailers(bytes: trailerBytes + line.end, fields: fields + 1)
            return .framing(line.end)
        }
    }

    /// chunk-size [ chunk-ext ]: hex digits, checked for overflow, then extensions, ignored
    /// but required to start with ';' and to hold no control characters.
    private static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) -> Int {
        var size = 0
        var index = 0
        while index < line.count, let digit = ASCII.hexDigitValue(line[index]) {
            let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
            guard !overflow else { throw .badRequest("chunk size overflows") }
            size = shifted + digit
            index += 1
        }
        guard index > 0 else { throw .badRequest("chunk size is not a hex number") }
        while index < line.count && ASCII.isWhitespace(line[index]) { index += 1 }
        guard index == line.count || line[index] == ASCII.semicolon else {
            throw .badRequest("chunk size is not a hex number")
        }
        guard ASCII.firstNonFieldValueByte(in: line, index..<line.count) == nil else {
            throw .badRequest("control character in chunk extension")
        }
        return size
    }
}
