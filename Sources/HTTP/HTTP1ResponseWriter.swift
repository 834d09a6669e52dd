/// Serializes responses for HTTP/1.x. The status line always says HTTP/1.1, also to
/// HTTP/1.0 clients (RFC 9110 §6.2); keep-alive for them is the connection's
/// `Connection` header to add.
public enum HTTP1ResponseWriter {
    /// Status line, headers (adding Content-Length when absent, unless the status forbids
    /// content or the headers carry Transfer-Encoding), blank line, body. For a HEAD
    /// request the caller sets Content-Length itself and passes an empty body.
    public static func write(_ response: HTTPResponse, into buffer: inout [UInt8]) {
        let addsContentLength = allowsContent(response.status)
            && !response.headers.contains("Content-Length")
            && !response.headers.contains("Transfer-Encoding")
        reserve(for: response.headers, extra: response.body.count + 32, in: &buffer)
        appendStatusLineAndFields(status: response.status, headers: response.headers, into: &buffer)
        if addsContentLength {
            buffer.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, into: &buffer)
            appendLineEnd(into: &buffer)
        }
        appendLineEnd(into: &buffer)
        buffer.append(contentsOf: response.body)
    }

    /// Head only, for streamed responses (EventSource) where the caller writes the body afterwards.
    public static func writeHead(status: Int, headers: HTTPHeaders, into buffer: inout [UInt8]) {
        reserve(for: headers, extra: 0, in: &buffer)
        appendStatusLineAndFields(status: status, headers: headers, into: &buffer)
        appendLineEnd(into: &buffer)
    }

    private static func appendLineEnd(into buffer: inout [UInt8]) {
        buffer.append(ASCII.carriageReturn)
        buffer.append(ASCII.lineFeed)
    }

    /// 1xx, 204 and 304 responses end with their head (RFC 9110 §6.4.1).
    private static func allowsContent(_ status: Int) -> Bool {
        status >= 200 && status != 204 && status != 304
    }

    private static func appendStatusLineAndFields(status: Int, headers: HTTPHeaders, into buffer: inout [UInt8]) {
        precondition((100...999).contains(status), "status \(status) is not three digits")
        buffer.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, into: &buffer)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: HTTPStatus.reason(status).utf8)
        appendLineEnd(into: &buffer)
        for (name, value) in headers {
            appendFieldText(name, into: &buffer)
            buffer.append(ASCII.colon)
            buffer.append(ASCII.space)
            appendFieldText(value, into: &buffer)
            appendLineEnd(into: &buffer)
        }
    }

    /// Values can echo request input (Origin, a JSONP callback); a CR, LF or NUL in them
    /// would split the response, so each becomes a space.
    private static func appendFieldText(_ text: String, into buffer: inout [UInt8]) {
        ASCII.withUTF8(text) { bytes in
            let start = buffer.count
            buffer.append(contentsOf: bytes)
            for index in 0..<bytes.count where isLineBreaking(bytes[index]) {
                buffer[start + index] = ASCII.space
            }
        }
    }

    private static func isLineBreaking(_ byte: UInt8) -> Bool {
        byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == 0
    }

    private static func appendDecimal(_ value: Int, into buffer: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Grows the buffer once per response, and geometrically, so a connection coalescing
    /// many responses into one buffer does not reallocate for each.
    private static func reserve(for headers: HTTPHeaders, extra: Int, in buffer: inout [UInt8]) {
        var needed = buffer.count + extra + 64
        for (name, value) in headers { needed += name.utf8.count + value.utf8.count + 4 }
        if needed > buffer.capacity { buffer.reserveCapacity(max(needed, 2 * buffer.capacity)) }
    }
}
