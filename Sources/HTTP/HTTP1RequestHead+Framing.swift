/// How the body of a request is delimited (RFC 9112 §6.3).
enum HTTP1BodyFraming: Equatable {
    case none
    case contentLength(Int)
    case chunked
}

/// The checks on Host, Content-Length and Transfer-Encoding that decide where the request
/// ends. Disagreeing framing headers are refused rather than guessed at: we don't forward
/// requests, and any guess is a smuggling vector for whatever sits in front of us.
extension HTTP1RequestHead {
    func bodyFraming(limits: HTTP1Limits) throws(HTTP1ParseError) -> HTTP1BodyFraming {
        try checkHost()
        let contentLength = try declaredContentLength()
        guard headers.contains("Transfer-Encoding") else {
            guard let contentLength else { return .none }
            guard contentLength <= limits.maxBodyBytes else { throw .bodyTooLarge }
            return contentLength == 0 ? .none : .contentLength(contentLength)
        }
        guard version != .http1_0 else { throw .badRequest("Transfer-Encoding in an HTTP/1.0 request") }
        guard contentLength == nil else { throw .badRequest("both Transfer-Encoding and Content-Length") }
        try checkTransferCodings()
        return .chunked
    }

    /// RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0.
    private func checkHost() throws(HTTP1ParseError) {
        switch headers.count(of: "Host") {
        case 0 where version == .http1_1: throw .badRequest("missing Host header")
        case 0, 1: return
        default: throw .badRequest("more than one Host header")
        }
    }

    /// Digits only. Repeated fields must agree; a value too big for an Int is simply too
    /// large a body.
    private func declaredContentLength() throws(HTTP1ParseError) -> Int? {
        var declared: Int?
        for field in headers where HTTPHeaders.isNamed(field, "Content-Length") {
            guard !field.value.isEmpty, field.value.utf8.allSatisfy(ASCII.isDigit) else {
                throw .badRequest("Content-Length is not a decimal number")
            }
            let length = field.value.utf8.reduce(0) { length, digit in
                let (shifted, overflow) = length.multipliedReportingOverflow(by: 10)
                let (sum, carry) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                return overflow || carry ? Int.max : sum
            }
            if let declared, declared != length { throw .badRequest("conflicting Content-Length values") }
            declared = length
        }
        return declared
    }

    /// Chunked must be the final coding and appear once (RFC 9112 §6.1, §6.3); we decode
    /// no other coding, so anything before it is 501.
    private func checkTransferCodings() throws(HTTP1ParseError) {
        var codings = 0
        var chunkedCount = 0
        var isChunkedLast = false
        headers.forEachListElement(in: "Transfer-Encoding") { coding in
            codings += 1
            isChunkedLast = ASCII.equalsIgnoringCase(coding, "chunked".utf8)
            if isChunkedLast { chunkedCount += 1 }
            return true
        }
        guard isChunkedLast else {
            throw .badRequest(codings == 0 ? "empty Transfer-Encoding" : "chunked is not the final transfer coding")
        }
        guard chunkedCount == 1 else { throw .badRequest("chunked transfer coding applied twice") }
        guard codings == 1 else { throw .unsupportedTransferEncoding }
    }
}
