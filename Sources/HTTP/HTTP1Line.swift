import Glibc

/// One line of an HTTP/1 message: its content and where the next line starts. Lines end
/// with CRLF or a bare LF (RFC 9112 §2.2); a CR anywhere else stays in the content,
/// where the validators reject it.
struct HTTP1Line {
    /// Indices of the content, without the line terminator.
    let content: Range<Int>
    /// The index just past the LF.
    let end: Int

    /// The line starting at `start`, if its LF is among the first `maxLength` bytes.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, maxLength: Int) -> HTTP1Line? {
        let searchEnd = maxLength < bytes.count - start ? start + maxLength : bytes.count
        guard let lineFeed = firstIndex(of: ASCII.lineFeed, in: bytes, from: start, to: searchEnd) else {
            return nil
        }
        let hasCarriageReturn = lineFeed > start && bytes[lineFeed - 1] == ASCII.carriageReturn
        return HTTP1Line(content: start..<(hasCarriageReturn ? lineFeed - 1 : lineFeed), end: lineFeed + 1)
    }

    /// memchr, because heads are scanned on every long-polling request.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
