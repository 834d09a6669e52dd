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
        guard controlFields.hasTransferEncoding else {
            guard let contentLength = controlFields.contentLength else { return .none }
            guard contentLength <= limits.maxBodyBytes else { throw .bodyTooLarge }
            return contentLength == 0 ? .none : .contentLength(contentLength)
        }
        guard version != .http1_0 else { throw .badRequest("Transfer-Encoding in an HTTP/1.0 request") }
        guard controlFields.contentLength == nil else { throw .badRequest("both Transfer-Encoding and Content-Length") }
        try checkTransferCodings()
        return .chunked
    }

    /// RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0.
    private func checkHost() throws(HTTP1ParseError) {
        switch controlFields.hostCount {
        case 0 where version == .http1_1: throw .badRequest("missing Host header")
        case 0, 1: return
        default: throw .badRequest("more than one Host header")
        }
    }

    /// Chunked must be the final coding and appear once (RFC 9112 §6.1, §6.3); we decode
    /// no other coding, so anything before it is 501.
    private func checkTransferCodings() throws(HTTP1ParseError) {
        guard controlFields.isChunkedLast else {
            throw .badRequest(controlFields.transferCodingCount == 0
                ? "empty Transfer-Encoding"
                : "chunked is not the final transfer coding")
        }
        guard controlFields.chunkedCount == 1 else { throw .badRequest("chunked transfer coding applied twice") }
        guard controlFields.transferCodingCount == 1 else { throw .unsupportedTransferEncoding }
    }
}
