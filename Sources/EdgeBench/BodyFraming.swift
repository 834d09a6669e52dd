/// How the body of one HTTP/1.1 response is delimited (RFC 9112 §6.3), as far as the
/// servers under test use it: none, Content-Length, or chunked.
enum BodyFraming {
    case none
    case length(Int)
    case chunked

    init(status: Int, headers: [(name: String, value: String)]) throws(HTTPResponseReader.ReadError) {
        if status == 101 || status == 204 || status == 304 || status < 200 {
            self = .none
        } else if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            self = .chunked
        } else if let length = headers.first(where: { $0.name == "content-length" }) {
            guard let count = Int(length.value), count >= 0 else { throw .badHeader }
            self = count == 0 ? .none : .length(count)
        } else {
            // Until the connection closes: the servers under test always frame their answers.
            throw .badHeader
        }
    }

    /// Removes the whole body from the front of `buffer`; nil (nothing removed) until it has all arrived.
    func take(from buffer: inout [UInt8]) throws(HTTPResponseReader.ReadError) -> [UInt8]? {
        switch self {
        case .none:
            return []
        case .length(let count):
            guard buffer.count >= count else { return nil }
            defer { buffer.removeSubrange(..<count) }
            return Array(buffer[..<count])
        case .chunked:
            guard let (body, used) = try Self.dechunk(buffer) else { return nil }
            buffer.removeSubrange(..<used)
            return body
        }
    }

    /// The body and the bytes it took, nil if the last chunk has not arrived.
    private static func dechunk(_ bytes: [UInt8]) throws(HTTPResponseReader.ReadError) -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var position = 0
        while true {
            guard let lineEnd = crlf(in: bytes, from: position) else { return nil }
            let sizeText = bytes[position..<lineEnd].prefix { $0 != UInt8(ascii: ";") }
            guard let size = Int(String(decoding: sizeText, as: UTF8.self).trimmingSpaces, radix: 16), size >= 0 else {
                throw .badChunk
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailers, if any, end with an empty line.
                while true {
                    guard let end = crlf(in: bytes, from: position) else { return nil }
                    let isEmpty = end == position
                    position = end + 2
                    if isEmpty { return (body, position) }
                }
            }
            // Compared without adding to `size`, which the server chose (it could overflow).
            guard size <= bytes.count - position - 2 else { return nil }
            body.append(contentsOf: bytes[position..<(position + size)])
            guard bytes[position + size] == UInt8(ascii: "\r"), bytes[position + size + 1] == UInt8(ascii: "\n") else {
                throw .badChunk
            }
            position += size + 2
        }
    }

    private static func crlf(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") && bytes[index + 1] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }
}
