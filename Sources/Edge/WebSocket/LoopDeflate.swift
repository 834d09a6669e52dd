import HTTP

/// permessage-deflate without context takeover, for a whole loop: one compressor per
/// window size (its zlib state is reset between messages, never per connection), and
/// the compressed bytes of the last few shared messages, so a message fanned out to
/// every subscriber of the loop is compressed once, not once per socket.
///
/// Loop-confined.
final class LoopDeflate {
    private var compressors: [Int: PerMessageDeflateCompressor] = [:]
    /// Most recent first; entries keep their message alive so its identity cannot be reused.
    private var recent: [(message: AnyObject, windowBits: Int, compressed: [UInt8])] = []
    private static let remembered = 4

    func compress(_ payload: UnsafeRawBufferPointer, windowBits: Int, into output: inout [UInt8]) {
        compressor(windowBits).compress(payload, into: &output)
    }

    /// The compressed form of `payload`, which is the same for every socket sending `message`.
    func compressed(_ message: AnyObject, windowBits: Int, payload: () -> [UInt8]) -> [UInt8] {
        if let hit = recent.first(where: { $0.message === message && $0.windowBits == windowBits }) {
            return hit.compressed
        }
        var output: [UInt8] = []
        payload().withUnsafeBytes { compressor(windowBits).compress($0, into: &output) }
        recent.insert((message, windowBits, output), at: 0)
        if recent.count > Self.remembered { recent.removeLast() }
        return output
    }

    private func compressor(_ windowBits: Int) -> PerMessageDeflateCompressor {
        if let existing = compressors[windowBits] { return existing }
        let made = PerMessageDeflateCompressor(windowBits: windowBits, noContextTakeover: true)
        compressors[windowBits] = made
        return made
    }
}
