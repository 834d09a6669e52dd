/// Finds the end of a request head and parses it (RFC 9112 §2-§5). The head is parsed
/// only once it is complete, so a head trickling in byte by byte is scanned once, not reparsed.
enum HTTP1HeadParser {
    enum Outcome {
        /// No complete head yet; scanning resumes at `resumeAt` when more bytes arrive.
        case incomplete(resumeAt: Int)
        case complete(HTTP1RequestHead, length: Int)
    }

    /// Looks for a head at the start of `bytes`, which must not begin with an empty line.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        resumingAt scanned: Int,
        limits: HTTP1Limits
    ) throws(HTTP1ParseError) -> Outcome {
        switch try findEnd(bytes, resumingAt: scanned, maxLength: limits.maxHeaderBytes) {
        case .notYet(let resumeAt):
            return .incomplete(resumeAt: resumeAt)
        case .found(let length):
            let head = try parseHead(UnsafeBufferPointer(rebasing: bytes[..<length]), limits: limits)
            return .complete(head, length: length)
        }
    }

    private enum HeadEnd {
        case found(length: Int)
        case notYet(resumeAt: Int)
    }

    /// The head ends at the first empty line. Only the first `maxLength` bytes are searched,
    /// so a peer sending endless header bytes is refused once it has sent that many.
    private static func findEnd(
        _ bytes: UnsafeBufferPointer<UInt8>,
        resumingAt scanned: Int,
        maxLength: Int
    ) throws(HTTP1ParseError) -> HeadEnd {
        let searchEnd = min(bytes.count, maxLength)
        var position = scanned
        while true {
            guard let lineFeed = HTTP1Line.firstIndex(of: ASCII.lineFeed, in: bytes, from: position, to: searchEnd) else {
                position = searchEnd
                break
            }
            // Whether this LF ends the head depends on the bytes after it; until they are
            // in, the search resumes at this LF.
            let next = lineFeed + 1
            guard next < searchEnd else {
                position = lineFeed
                break
            }
            if bytes[next] == ASCII.lineFeed { return .found(length: next + 1) }
            if bytes[next] == ASCII.carriageReturn {
                guard next + 1 < searchEnd else {
                    position = lineFeed
                    break
                }
                if bytes[next + 1] == ASCII.lineFeed { return .found(length: next + 2) }
            }
            position = next
        }
        if bytes.count >= maxLength { throw .headersTooLarge }
        return .notYet(resumeAt: position)
    }

    private static func parseHead(_ head: UnsafeBufferPointer<UInt8>, limits: HTTP1Limits) throws(HTTP1ParseError) -> HTTP1RequestHead {
        guard let requestLineEnd = HTTP1Line.find(in: head, from: 0, maxLength: head.count) else {
            preconditionFailure("a complete head holds at least its request line")
        }
        let requestLine = try HTTP1RequestLine(validating: UnsafeBufferPointer(rebasing: head[requestLineEnd.content]))
        // Browsers send 8 to 15 fields; reserving avoids regrowing the array per request.
        var headers = HTTPHeaders(minimumCapacity: 16)
        var controlFields = HTTP1ControlFields()
        var position = requestLineEnd.end
        while let line = HTTP1Line.find(in: head, from: position, maxLength: head.count - position),
              !line.content.isEmpty {
            guard headers.count < limits.maxHeaderCount else { throw .headersTooLarge }
            let bytes = UnsafeBufferPointer(rebasing: head[line.content])
            let field = try HTTP1FieldLine(validating: bytes)
            let name = UnsafeBufferPointer(rebasing: bytes[field.name])
            let value = UnsafeBufferPointer(rebasing: bytes[field.value])
            try controlFields.note(name: name, value: value)
            headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
            position = line.end
        }
        return HTTP1RequestHead(
            method: requestLine.method,
            target: requestLine.target,
            version: requestLine.version,
            headers: headers,
            controlFields: controlFields
        )
    }
}
