/// Turns the bytes of one HTTP/1.1 connection into requests (RFC 9112).
///
/// A plain value owned by its connection. Feed it bytes as they arrive, split anywhere,
/// then call `next()` until it returns nil; the first error is final, because the parser
/// cannot tell where the next request would start. Call `next()` after every `feed` so
/// the head limit bounds what is buffered: `feed` only appends.
public struct HTTP1RequestParser: Sendable {
    enum State: Sendable {
        /// `scanned` bytes of the head were searched for its end without finding it.
        case readingHead(scanned: Int)
        case readingBody(HTTP1RequestHead, remaining: Int)
        case readingChunkedBody(HTTP1RequestHead, HTTP1ChunkedDecoder)
        case failed(HTTP1ParseError)
    }

    let limits: HTTP1Limits
    var state = State.readingHead(scanned: 0)
    /// Received bytes not yet parsed start at `readIndex`; released whenever all are parsed.
    var buffer: [UInt8] = []
    var readIndex = 0
    /// The body of the request in progress, decoded.
    var body: [UInt8] = []
    var isContinueDue = false

    public init(limits: HTTP1Limits) {
        self.limits = limits
    }

    /// Appends bytes; does not parse beyond what `next()` asks for.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        // After an error the connection is closing: what follows is not worth holding.
        if case .failed = state { return }
        guard !bytes.isEmpty else { return }
        if readIndex > 0 {
            buffer.removeSubrange(..<readIndex)
            readIndex = 0
        }
        bytes.withMemoryRebound(to: UInt8.self) { buffer.append(contentsOf: $0) }
    }

    /// The next complete request (head and whole body), nil if more bytes are needed.
    public mutating func next() throws(HTTP1ParseError) -> HTTPRequest? {
        do {
            let request = try parseNext()
            if readIndex == buffer.count {
                buffer = []
                readIndex = 0
            }
            return request
        } catch {
            state = .failed(error)
            buffer = []
            readIndex = 0
            body = []
            isContinueDue = false
            throw error
        }
    }

    /// True while a request has started arriving but is not complete (the connection
    /// uses this for the slow-request deadline).
    public var hasPartialRequest: Bool {
        switch state {
        case .readingHead: readIndex < buffer.count
        case .readingBody, .readingChunkedBody: true
        case .failed: false
        }
    }

    /// True when nothing is buffered and no capacity is held: the connection can drop
    /// its own buffers while idle.
    public var isIdle: Bool {
        switch state {
        case .readingHead, .failed: buffer.capacity == 0
        case .readingBody, .readingChunkedBody: false
        }
    }

    /// True once for each HTTP/1.1 request that sent `Expect: 100-continue` and whose body
    /// has not started to arrive: the connection then writes a 100 (Continue) head
    /// (RFC 9110 §10.1.1 requires it; curl waits a second for it on bigger POSTs).
    public mutating func takeContinueDue() -> Bool {
        defer { isContinueDue = false }
        return isContinueDue
    }

    /// After an upgrade: the bytes received past the end of the upgrade request, handed
    /// to the new protocol. Call it right after `next()` returned the upgrade request;
    /// the parser is then empty.
    public mutating func takeBufferedBytes() -> [UInt8] {
        guard case .readingHead = state else {
            preconditionFailure("takeBufferedBytes() belongs right after a complete request")
        }
        let rest = readIndex == 0 ? buffer : Array(buffer[readIndex...])
        buffer = []
        readIndex = 0
        state = .readingHead(scanned: 0)
        return rest
    }
}
