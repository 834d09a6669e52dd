import CZlib

/// Compresses outgoing messages for permessage-deflate (RFC 7692 §7.2.1).
///
/// Without context takeover every message is a fresh DEFLATE stream, so the
/// compressor belongs to no connection: keep one per loop and window size
/// and use it for every connection that agreed on server_no_context_takeover.
/// Connections then hold no zlib memory at all, and a message fanned out to
/// many subscribers is compressed once, since its bytes are the same for all
/// of them. The zlib state (about 256 KiB at 15 window bits) is reset, not
/// freed, between messages: allocating it afresh costs 10 to 100 µs a
/// message in page faults, a reset a few µs.
///
/// With context takeover each message may refer back to the ones before it,
/// so the compressor belongs to one connection and keeps its window.
///
/// Loop-confined: used only on the loop that owns it.
public final class PerMessageDeflateCompressor {
    private let windowBits: Int32
    private let startsEachMessageFresh: Bool
    /// zlib keeps a pointer back to the z_stream, so it lives at a fixed
    /// address; allocated on the first message.
    private var stream: UnsafeMutablePointer<z_stream>?

    private static let outputChunkSize = 8192
    private static let memoryLevel: Int32 = 8

    /// `windowBits` is the agreed server_max_window_bits (8...15).
    public init(windowBits: Int, noContextTakeover: Bool) {
        precondition((8...15).contains(windowBits), "window bits outside 8...15")
        // zlib cannot deflate raw data with an 8-bit window and uses 9 for it.
        // That is still safe for a peer limited to 256 bytes: zlib never
        // refers further back than the window minus 262 bytes, here 250.
        self.windowBits = Int32(max(windowBits, 9))
        self.startsEachMessageFresh = noContextTakeover
    }

    deinit {
        guard let stream else { return }
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Appends the compressed payload of one whole message to `output`;
    /// frame it with RSV1 set on its first frame.
    public func compress(_ message: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        guard !message.isEmpty else {
            // zlib emits nothing for a flush without new input, but the
            // receiver needs a block before the tail it appends: the header
            // bits of an empty stored block, padded to a byte. The window is
            // unchanged, so this holds with or without context takeover.
            output.append(0x00)
            return
        }
        let stream = acquireStream()
        let start = output.count
        // zlib never writes through next_in; its C type just lacks the const.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: message.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(message.count)
        withUnsafeTemporaryAllocation(byteCount: Self.outputChunkSize, alignment: 1) { chunk in
            repeat {
                stream.pointee.next_out = chunk.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = uInt(chunk.count)
                // Z_BUF_ERROR only says the previous call already flushed everything.
                let status = deflate(stream, Z_SYNC_FLUSH)
                precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib deflate failed with status \(status)")
                let produced = chunk.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<produced]))
            } while stream.pointee.avail_out == 0
        }
        stream.pointee.next_in = nil
        // A sync flush always ends with the empty stored block 00 00 FF FF,
        // which the receiver appends again (§7.2.1).
        assert(output.count - start >= 4 && output[(output.count - 4)...].elementsEqual([0x00, 0x00, 0xFF, 0xFF]))
        output.removeLast(4)
        if startsEachMessageFresh {
            deflateReset(stream)
        }
    }

    private func acquireStream() -> UnsafeMutablePointer<z_stream> {
        if let stream {
            return stream
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_deflateInit2(stream, Z_DEFAULT_COMPRESSION, -windowBits, Self.memoryLevel)
        // Only allocation can fail with fixed, valid parameters.
        guard status == Z_OK else { fatalError("zlib deflateInit2 failed with status \(status)") }
        self.stream = stream
        return stream
    }
}

// Loop-confined: zlib streams may not be used from two threads.
@available(*, unavailable)
extension PerMessageDeflateCompressor: Sendable {}
