/// Reads HTTP/1.1 responses from a byte stream (the load generator's client side):
/// status line, headers, and a body framed by Content-Length or chunked encoding.
/// A `101 Switching Protocols` ends at its head; what follows belongs to the new protocol.
///
/// Loop-confined: one per connection.
struct HTTPResponseReader {
    struct Response {
        let status: Int
        /// Names lowercased, in arrival order.
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name == name }?.value
        }
    }

    enum ReadError: Error, Equatable {
        case badStatusLine
        case badHeader
        case badChunk
        case tooLarge
    }

    private enum Stage {
        case head
        case body(status: Int, headers: [(name: String, value: String)], framing: BodyFraming)
    }

    private var buffer: [UInt8] = []
    private var stage = Stage.head
    let maxBytes: Int

    init(maxBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
    }

    /// Adds received bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete response, nil until one has fully arrived.
    mutating func next() throws(ReadError) -> Response? {
        while true {
            switch stage {
            case .head:
                guard let end = headEnd() else {
                    guard buffer.count <= maxBytes else { throw .tooLarge }
                    return nil
                }
                let (status, headers) = try Self.parseHead(buffer[..<end])
                buffer.removeSubrange(..<(end + 4))
                let framing = try BodyFraming(status: status, headers: headers)
                if case .none = framing { return Response(status: status, headers: headers, body: []) }
                stage = .body(status: status, headers: headers, framing: framing)
            case .body(let status, let headers, let framing):
                guard let body = try framing.take(from: &buffer) else {
                    guard buffer.count <= maxBytes else { throw .tooLarge }
                    return nil
                }
                stage = .head
                return Response(status: status, headers: headers, body: body)
            }
        }
    }

    /// Bytes received after the last response (after a 101: the new protocol's first bytes).
    mutating func takeRemainder() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    private func headEnd() -> Int? {
        buffer.withUnsafeBytes { ByteSearch.find(Array("\r\n\r\n".utf8), in: $0) }
    }

    private static func parseHead(_ head: ArraySlice<UInt8>) throws(ReadError) -> (Int, [(name: String, value: String)]) {
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        let statusWords = lines[0].split(separator: UInt8(ascii: " "), maxSplits: 2)
        guard statusWords.count >= 2, statusWords[0].starts(with: Array("HTTP/1.".utf8)),
              let status = Int(String(decoding: statusWords[1], as: UTF8.self)), (100...599).contains(status) else {
            throw .badStatusLine
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badHeader }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            headers.append((name, value))
        }
        return (status, headers)
    }
}

extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
