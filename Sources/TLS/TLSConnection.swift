import COpenSSL
import Glibc

/// One TLS session over a non-blocking socket (server side; the benchmark's load
/// generator also makes client-side ones, `TLSConnection+Client.swift`). OpenSSL reads
/// and writes the descriptor itself; a TLS 1.3 server session hands its records over to
/// `TLS13RecordLayer` after the handshake.
///
/// Loop-confined: only the loop that owns the socket touches it.
public final class TLSConnection {
    private let ssl: OpaquePointer
    /// Keeps the context (and its ALPN list, read by a callback) alive as long as this
    /// session: a `TLSContext`, or a `TLSClientContext` for a client session.
    private let context: AnyObject
    /// What the key-log callback learns during the handshake, for `handOffRecordLayer`.
    private let handoff = TLS13Handoff()

    public enum Progress: Equatable {
        case done
        case wantRead
        case wantWrite
        /// The peer closed the session (close_notify or EOF).
        case closed
        /// Protocol failure; the string is for the log, at info level: it is the peer's fault.
        case failed(String)
    }

    public init?(fd: Int32, context: TLSContext) {
        guard let ssl = context.makeSSL() else { return nil }
        guard SSL_set_fd(ssl, fd) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        self.ssl = ssl
        self.context = context
        COpenSSL_SSL_set_app_data(ssl, Unmanaged.passUnretained(handoff).toOpaque())
    }

    /// Takes ownership of `ssl`, already attached to its socket and set to its side.
    init(ownedSSL ssl: OpaquePointer, context: AnyObject) {
        self.ssl = ssl
        self.context = context
    }

    deinit {
        SSL_free(ssl)
        handoff.wipe()
    }

    /// After `handshake()` returned `.done`, for TLS 1.3: sends one session ticket and
    /// hands record protection over to a `TLS13RecordLayer`, after which this object
    /// (and its SSL) can be dropped. nil means "keep using OpenSSL" (TLS 1.2, or a
    /// ticket that could not be written at once).
    public func handOffRecordLayer() -> TLS13RecordLayer? {
        guard SSL_version(ssl) == TLS1_3_VERSION, SSL_has_pending(ssl) == 0,
              let cipher = SSL_get_current_cipher(ssl),
              let suite = TLS13Suite(protocolID: UInt16(truncatingIfNeeded: SSL_CIPHER_get_id(cipher))),
              let clientSecret = handoff.clientSecret, let serverSecret = handoff.serverSecret else { return nil }
        // The ticket is written now, counted, so the server's sequence number is known.
        handoff.recordsWritten = 0
        SSL_set_msg_callback(ssl, countWrittenRecords)
        COpenSSL_SSL_set_msg_callback_arg(ssl, Unmanaged.passUnretained(handoff).toOpaque())
        defer { SSL_set_msg_callback(ssl, nil) }
        guard SSL_new_session_ticket(ssl) == 1, SSL_do_handshake(ssl) == 1 else {
            ERR_clear_error()
            return nil
        }
        guard let reader = TLS13TrafficState(secret: clientSecret, suite: suite, sequence: 0),
              let writer = TLS13TrafficState(secret: serverSecret, suite: suite, sequence: UInt64(handoff.recordsWritten)) else {
            return nil
        }
        handoff.wipe()
        return TLS13RecordLayer(reader: reader, writer: writer)
    }

    public func handshake() -> Progress {
        let status = SSL_do_handshake(ssl)
        return status == 1 ? .done : progress(after: status)
    }

    public enum ReadResult: Equatable {
        case bytes(Int)
        case progress(Progress)
    }

    /// Decrypts into `buffer`; `.bytes(n)` with n > 0, or why nothing came.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        var count = 0
        if SSL_read_ex(ssl, buffer.baseAddress, buffer.count, &count) == 1 { return .bytes(count) }
        return .progress(progress(after: 0))
    }

    /// Encrypts and sends as much of `bytes` as the socket takes (records of at most 16 KiB).
    public func write(_ bytes: UnsafeRawBufferPointer) -> ReadResult {
        var count = 0
        if SSL_write_ex(ssl, bytes.baseAddress, bytes.count, &count) == 1 { return .bytes(count) }
        return .progress(progress(after: 0))
    }

    /// Whether OpenSSL holds received bytes not yet returned by `read` (a read-ahead
    /// buffer can hold more records than one read returns; epoll cannot see them).
    public var hasBufferedInput: Bool {
        SSL_has_pending(ssl) == 1
    }

    /// Sends close_notify, best effort; the socket is closed right after.
    public func shutdown() {
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    public var protocolVersion: String {
        String(cString: SSL_get_version(ssl))
    }

    /// The cipher suite agreed in the handshake ("TLS_AES_128_GCM_SHA256"), "" before it.
    public var cipherName: String {
        guard let cipher = SSL_get_current_cipher(ssl) else { return "" }
        return String(cString: SSL_CIPHER_get_name(cipher))
    }

    private func progress(after status: Int32) -> Progress {
        let error = SSL_get_error(ssl, status)
        switch error {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        case SSL_ERROR_SYSCALL:
            ERR_clear_error()
            return .closed
        default:
            return .failed(TLSError("TLS").description)
        }
    }
}
