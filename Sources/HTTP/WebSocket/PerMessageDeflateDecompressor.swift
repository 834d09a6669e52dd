import CZlib

/// Inflates the messages a peer compressed with permessage-deflate (RFC 7692
/// §7.2.2). Without context takeover the zlib stream lives only while a
/// message is being received, so an idle connection holds no zlib memory;
/// with it the peer's LZ77 window must outlive each message.
///
/// After an error the stream is in no defined state: the connection is
/// being failed, and the decompressor goes with it.
///
/// Loop-confined: owned by one connection's decoder.
public final class PerMessageDeflateDecompressor {
    private let windowBits: Int32
    private let resetsAfterEachMessage: Bool
    /// zlib keeps a pointer back to the z_stream, so it lives at a fixed
    /// address; nil while there is no state worth keeping.
    private var stream: UnsafeMutablePointer<z_stream>?
    /// A block with BFINAL set ended the DEFLATE stream: the rest of the
    /// message may only be the tail this side appends.
    private var streamEnded = false

    /// The 4 bytes the sender removed from the end of every message (§7.2.1).
    private static let messageTail: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]
    private static let outputChunkSize = 8192

    /// `windowBits` is the agreed client_max_window_bits (8...15).
    public init(windowBits: Int, noContextTakeover: Bool) {
        precondition((8...15).contains(windowBits), "window bits outside 8...15")
        // Raw inflate accepts 8, but a larger window reads everything a
        // smaller one wrote, and zlib-based senders asked for 8 use 9.
        self.windowBits = Int32(max(windowBits, 9))
        self.resetsAfterEachMessage = noContextTakeover
    }

    deinit {
        releaseStream()
    }

    /// Whether zlib memory is held between messages.
    public var holdsStreamState: Bool { stream != nil }

    /// Inflates the next part of a message's payload and appends the output.
    /// Throws `messageTooBig` (1009) once `output` would exceed `limit`
    /// bytes, so a small bomb never expands in memory, and
    /// `invalidCompressedData` (1007) for bytes that are not DEFLATE.
    public func inflate(
        _ compressed: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int
    ) throws(WebSocketProtocolError) {
        guard !compressed.isEmpty else { return }
        guard !streamEnded else { throw WebSocketProtocolError(.invalidCompressedData) }
        try run(compressed, isTail: false, into: &output, limit: limit)
    }

    /// Ends a message: inflates the tail the sender removed, then forgets the
    /// stream unless the peer may refer back to this message.
    public func finishMessage(into output: inout [UInt8], limit: Int) throws(WebSocketProtocolError) {
        if !streamEnded {
            try withUnsafeTemporaryAllocation(byteCount: Self.messageTail.count, alignment: 1) {
                tail throws(WebSocketProtocolError) in
                tail.copyBytes(from: Self.messageTail)
                try run(UnsafeRawBufferPointer(tail), isTail: true, into: &output, limit: limit)
            }
        }
        if resetsAfterEachMessage {
            releaseStream()
        } else if streamEnded {
            restartKeepingWindow()
        }
    }

    private func run(
        _ input: UnsafeRawBufferPointer, isTail: Bool, into output: inout [UInt8], limit: Int
    ) throws(WebSocketProtocolError) {
        let stream = acquireStream()
        // zlib never writes through next_in; its C type just lacks the const.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        try withUnsafeTemporaryAllocation(byteCount: Self.outputChunkSize, alignment: 1) {
            chunk throws(WebSocketProtocolError) in
            while true {
                stream.pointee.next_out = chunk.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = uInt(chunk.count)
                let status = CZlib.inflate(stream, Z_SYNC_FLUSH)
                let produced = chunk.count - Int(stream.pointee.avail_out)
                guard produced <= limit - output.count else { throw WebSocketProtocolError(.messageTooBig) }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<produced]))
                switch status {
                case Z_OK:
                    // A full chunk may hide more output; otherwise all input is used.
                    if stream.pointee.avail_out > 0 && stream.pointee.avail_in == 0 { return }
                case Z_BUF_ERROR:
                    return  // no progress possible: every input byte is consumed
                case Z_STREAM_END:
                    streamEnded = true
                    // Only the appended tail may follow a final block.
                    guard stream.pointee.avail_in == 0 || isTail else {
                        throw WebSocketProtocolError(.invalidCompressedData)
                    }
                    return
                case Z_DATA_ERROR, Z_NEED_DICT:
                    throw WebSocketProtocolError(.invalidCompressedData)
                default:
                    fatalError("zlib inflate failed with status \(status)")
                }
            }
        }
    }

    private func acquireStream() -> UnsafeMutablePointer<z_stream> {
        if let stream {
            return stream
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_inflateInit2(stream, -windowBits)
        // Only allocation can fail with fixed, valid parameters.
        guard status == Z_OK else { fatalError("zlib inflateInit2 failed with status \(status)") }
        self.stream = stream
        return stream
    }

    /// A final block ended the stream but the peer keeps its context: start a
    /// new stream that still resolves references into the old window.
    private func restartKeepingWindow() {
        guard let stream else { return }
        var window = [UInt8](repeating: 0, count: 1 << Int(windowBits))
        var windowLength: uInt = 0
        _ = inflateGetDictionary(stream, &window, &windowLength)
        _ = inflateReset(stream)
        _ = inflateSetDictionary(stream, window, windowLength)
        streamEnded = false
    }

    private func releaseStream() {
        guard let stream else { return }
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        self.stream = nil
        streamEnded = false
    }
}

// Loop-confined: zlib streams may not be used from two threads.
@available(*, unavailable)
extension PerMessageDeflateDecompressor: Sendable {}
