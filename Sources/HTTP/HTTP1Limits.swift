/// What one HTTP/1 request may cost us before the parser refuses it.
public struct HTTP1Limits: Sendable, Equatable {
    /// The whole head: request line, header fields and the blank line that ends them (→ 431).
    /// Also bounds the trailer section of a chunked body.
    public var maxHeaderBytes: Int
    /// Header fields per request, and trailer fields per chunked body (→ 431).
    public var maxHeaderCount: Int
    /// The decoded body, by Content-Length or by the running total of chunks (→ 413).
    public var maxBodyBytes: Int

    public init(maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
