import Glibc
import IO
import TLS

/// How bytes cross one socket: in clear text, through OpenSSL (the handshake, and TLS
/// 1.2 for a connection's whole life), or as TLS 1.3 records we protect ourselves
/// once OpenSSL has handed over the keys, so an idle connection keeps no SSL object.
///
/// Loop-confined, owned by its connection.
enum ConnectionTransport {
    case plain
    case openSSL(TLSConnection)
    case records(TLS13RecordLayer)

    enum ReadStatus {
        /// The read filled the buffer; there may be more.
        case more
        /// Nothing more to read now.
        case drained
        /// OpenSSL must write before it can read on (TLS 1.2 renegotiation is off; rare).
        case wantWrite
        case closed
    }

    /// Reads once into the loop's buffer and hands every clear-text byte to `deliver`.
    /// Not `mutating`: `deliver` may close the connection, which replaces the transport, and
    /// a mutating call would hold the exclusive access that replacement needs (a trap).
    func read(_ fd: Int32, buffer: UnsafeMutableRawBufferPointer, crypto: TLSRecordCrypto,
              deliver: (UnsafeRawBufferPointer) -> Void) -> ReadStatus {
        switch self {
        case .plain:
            switch Socket.read(fd, into: buffer) {
            case .done(let count):
                deliver(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                return count == buffer.count ? .more : .drained
            case .wouldBlock: return .drained
            case .closed: return .closed
            }
        case .openSSL(let tls):
            switch tls.read(into: buffer) {
            case .bytes(let count):
                deliver(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                return .more
            case .progress(.wantRead): return .drained
            case .progress(.wantWrite): return .wantWrite
            case .progress(.done), .progress(.closed), .progress(.failed): return .closed
            }
        case .records(let records):
            switch Socket.read(fd, into: buffer) {
            case .done(let count):
                switch records.receive(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]), crypto: crypto, deliver: deliver) {
                case .open: return count == buffer.count ? .more : .drained
                case .closed, .failed: return .closed
                }
            case .wouldBlock: return .drained
            case .closed: return .closed
            }
        }
    }

    enum WriteStatus {
        /// This many clear-text bytes were taken (all of them, for records: what the
        /// socket did not take waits, sealed, in `unsent`).
        case wrote(Int)
        case wouldBlock
        case closed
    }

    /// Writes clear text. Records are sealed into `scratch` and sent with one send();
    /// sealed bytes the socket refuses are kept in `unsent`, to go before anything else.
    func write(_ fd: Int32, _ plaintext: UnsafeRawBufferPointer, crypto: TLSRecordCrypto,
               scratch: UnsafeMutableRawBufferPointer, unsent: inout [UInt8]) -> WriteStatus {
        switch self {
        case .plain:
            switch Socket.write(fd, plaintext) {
            case .done(let count): return .wrote(count)
            case .wouldBlock: return .wouldBlock
            case .closed: return .closed
            }
        case .openSSL(let tls):
            switch tls.write(plaintext) {
            case .bytes(let count): return .wrote(count)
            case .progress(.wantWrite), .progress(.wantRead): return .wouldBlock
            case .progress(.done), .progress(.closed), .progress(.failed): return .closed
            }
        case .records(let records):
            let chunk = min(plaintext.count, Self.sealChunk)
            guard let sealed = records.seal(UnsafeRawBufferPointer(rebasing: plaintext[0..<chunk]), into: scratch, crypto: crypto) else {
                return .closed
            }
            switch Socket.write(fd, UnsafeRawBufferPointer(rebasing: scratch[0..<sealed])) {
            case .done(let count):
                if count < sealed { unsent = Array(scratch[count..<sealed]) }
                return .wrote(chunk)
            case .wouldBlock:
                unsent = Array(scratch[0..<sealed])
                return .wrote(chunk)
            case .closed: return .closed
            }
        }
    }

    /// Clear text sealed per send: four full records.
    static let sealChunk = 4 * TLS13RecordLayer.maxPlaintext
    /// What `scratch` must hold for one `sealChunk`.
    static let scratchCapacity = TLS13RecordLayer.sealedLength(ofPlaintext: sealChunk)

    /// Sends close_notify, best effort, before the socket is shut.
    func sayGoodbye(_ fd: Int32, crypto: TLSRecordCrypto, scratch: UnsafeMutableRawBufferPointer) {
        switch self {
        case .plain: break
        case .openSSL(let tls): tls.shutdown()
        case .records(let records):
            if let count = records.sealCloseNotify(into: scratch, crypto: crypto) {
                _ = Socket.write(fd, UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
            }
        }
    }
}
