/// The steps of `next()`: head, then the body as its framing says.
extension HTTP1RequestParser {
    mutating func parseNext() throws(HTTP1ParseError) -> HTTPRequest? {
        while true {
            switch state {
            case .readingHead(let scanned):
                guard let (head, framing) = try readHead(scanned: scanned) else { return nil }
                switch framing {
                case .none:
                    return head.makeRequest(body: [])
                case .contentLength(let length):
                    state = .readingBody(head, remaining: length)
                case .chunked:
                    state = .readingChunkedBody(head, HTTP1ChunkedDecoder())
                }
                isContinueDue = head.expectsContinue && readIndex == buffer.count

            case .readingBody(let head, let remaining):
                let count = min(remaining, buffer.count - readIndex)
                appendToBody(count)
                guard count == remaining else {
                    state = .readingBody(head, remaining: remaining - count)
                    return nil
                }
                return finish(head)

            case .readingChunkedBody(let head, var decoder):
                let bodyCount = body.count
                let start = readIndex
                let step = try buffer.withUnsafeBufferPointer { bytes throws(HTTP1ParseError) in
                    try decoder.step(UnsafeBufferPointer(rebasing: bytes[start...]), bodyCount: bodyCount, limits: limits)
                }
                switch step {
                case .needMoreBytes:
                    state = .readingChunkedBody(head, decoder)
                    return nil
                case .framing(let count):
                    readIndex += count
                    isContinueDue = false
                    state = .readingChunkedBody(head, decoder)
                case .data(let count):
                    appendToBody(count)
                    state = .readingChunkedBody(head, decoder)
                case .end(let count):
                    readIndex += count
                    return finish(head)
                }

            case .failed(let error):
                throw error
            }
        }
    }

    /// The head and its framing once the whole head is in; consumes it.
    private mutating func readHead(scanned: Int) throws(HTTP1ParseError) -> (HTTP1RequestHead, HTTP1BodyFraming)? {
        var scanned = scanned
        if skipEmptyLines() { scanned = 0 }
        let start = readIndex
        let limits = limits
        let outcome = try buffer.withUnsafeBufferPointer { bytes throws(HTTP1ParseError) in
            try HTTP1HeadParser.parse(UnsafeBufferPointer(rebasing: bytes[start...]), resumingAt: scanned, limits: limits)
        }
        switch outcome {
        case .incomplete(let resumeAt):
            state = .readingHead(scanned: resumeAt)
            return nil
        case .complete(let head, let length):
            let framing = try head.bodyFraming(limits: limits)
            readIndex += length
            state = .readingHead(scanned: 0)
            return (head, framing)
        }
    }

    /// RFC 9112 §2.2: empty lines before a request line are ignored (some clients send a
    /// CRLF after a POST body). True when any were skipped.
    private mutating func skipEmptyLines() -> Bool {
        let start = readIndex
        while readIndex < buffer.count {
            if buffer[readIndex] == ASCII.lineFeed {
                readIndex += 1
            } else if buffer[readIndex] == ASCII.carriageReturn, readIndex + 1 < buffer.count,
                      buffer[readIndex + 1] == ASCII.lineFeed {
                readIndex += 2
            } else {
                break
            }
        }
        return readIndex > start
    }

    private mutating func appendToBody(_ count: Int) {
        guard count > 0 else { return }
        body.append(contentsOf: buffer[readIndex..<(readIndex + count)])
        readIndex += count
        isContinueDue = false
    }

    private mutating func finish(_ head: HTTP1RequestHead) -> HTTPRequest {
        state = .readingHead(scanned: 0)
        isContinueDue = false
        let request = head.makeRequest(body: body)
        body = []
        return request
    }
}
