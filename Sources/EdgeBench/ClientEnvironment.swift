import IO
import TLS

/// What every client connection of one load-generator process shares: the one loop
/// (each process is single-threaded; the orchestrator runs several), the read buffer
/// lent to whichever connection reads, the TLS context and where to connect.
///
/// Loop-confined.
final class ClientEnvironment {
    let loop: EventLoop
    let readBuffer: UnsafeMutableRawBufferPointer
    let tls: TLSClientContext
    let url: BenchURL
    let sources: SourceAddresses?
    var masks: MaskKeys

    /// The flags every command that connects to the server takes.
    static let flags: Set<String> = ["url", "ca", "source-addresses", "tls13-suites"]

    init(_ options: Options) throws {
        url = try BenchURL(options.string("url"))
        sources = try options.optionalString("source-addresses").map(SourceAddresses.init)
        loop = try EventLoop(index: 0)
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        tls = try TLSClientContext(trusting: options.optionalString("ca"), tls13Suites: options.optionalString("tls13-suites"))
        masks = MaskKeys(seed: UInt32(truncatingIfNeeded: RealtimeClock.now()))
    }

    deinit {
        readBuffer.deallocate()
    }

    /// The source address for the `index`-th connection, nil to let the kernel choose.
    func source(for index: Int) -> SocketAddress? {
        sources?.address(for: index)
    }
}
