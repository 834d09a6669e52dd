import COpenSSL
import Glibc

/// A server SSL_CTX built from `TLSSettings`: certificate chain and key checked,
/// protocols pinned to TLS 1.2/1.3, ALPN, stateless session tickets, and the modes
/// that keep an idle connection small.
///
/// `@unchecked Sendable`: the SSL_CTX is never changed after `init`, and OpenSSL
/// allows `SSL_new` on one context from many threads.
public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    /// ALPN ids in wire format (length-prefixed), ended by a zero length byte so the
    /// select callback can walk it without a separate count.
    private let alpnWire: UnsafeMutableBufferPointer<UInt8>
    public let certificate: CertificateInfo

    public init(settings: TLSSettings) throws {
        ERR_clear_error()
        guard let ctx = SSL_CTX_new(TLS_server_method()) else { throw TLSError("SSL_CTX_new failed") }
        context = ctx
        var wire: [UInt8] = []
        for id in settings.alpn { wire.append(UInt8(id.utf8.count)); wire += id.utf8 }
        wire.append(0)
        alpnWire = .allocate(capacity: wire.count)
        _ = alpnWire.initialize(from: wire)
        do {
            try Self.configure(ctx, settings, alpn: alpnWire)
            certificate = try CertificateInfo(context: ctx)
        } catch {
            SSL_CTX_free(ctx)
            alpnWire.deallocate()
            throw error
        }
    }

    deinit {
        SSL_CTX_free(context)
        alpnWire.deallocate()
    }

    private static func configure(_ context: OpaquePointer, _ settings: TLSSettings, alpn alpnWire: UnsafeMutableBufferPointer<UInt8>) throws {
        COpenSSL_SSL_CTX_set_min_proto_version(context, settings.protocols.lowerBound.openSSLValue)
        COpenSSL_SSL_CTX_set_max_proto_version(context, settings.protocols.upperBound.openSSLValue)

        guard SSL_CTX_set_cipher_list(context, settings.ciphers) == 1 else {
            throw TLSError("FAYE_SSL_CIPHERS \"\(settings.ciphers)\" was rejected by OpenSSL")
        }
        // TLS 1.3 suites are not configurable (all three are AEAD); AES-128-GCM first, as
        // Mozilla's intermediate profile orders them: the cheapest for small records.
        SSL_CTX_set_ciphersuites(context, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256")
        var options = COpenSSL_SSL_OP_NO_RENEGOTIATION | COpenSSL_SSL_OP_IGNORE_UNEXPECTED_EOF | COpenSSL_SSL_OP_NO_COMPRESSION
        if settings.preferServerCiphers { options |= COpenSSL_SSL_OP_CIPHER_SERVER_PREFERENCE }
        SSL_CTX_set_options(context, options)
        // RELEASE_BUFFERS: an idle connection holds no 16 KiB record buffers.
        // PARTIAL_WRITE + MOVING_WRITE_BUFFER: a short socket write keeps the rest in our queue.
        COpenSSL_SSL_CTX_set_mode(context, Int(SSL_MODE_RELEASE_BUFFERS) | Int(SSL_MODE_ENABLE_PARTIAL_WRITE) | Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        // Resumption through stateless tickets; no server-side cache to grow or lock.
        COpenSSL_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        // TLS 1.3 tickets are sent by the record-layer hand-off (one, counted), not by the handshake.
        SSL_CTX_set_num_tickets(context, 0)
        SSL_CTX_set_keylog_callback(context, recordKeyLogLine)

        guard SSL_CTX_use_certificate_chain_file(context, settings.certificateFile) == 1 else {
            throw TLSError("cannot load certificate file \(settings.certificateFile)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, settings.keyFile, SSL_FILETYPE_PEM) == 1 else {
            throw TLSError("cannot load private key file \(settings.keyFile)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSError("private key \(settings.keyFile) does not match certificate \(settings.certificateFile)")
        }
        if !settings.alpn.isEmpty {
            SSL_CTX_set_alpn_select_cb(context, selectALPN, UnsafeMutableRawPointer(alpnWire.baseAddress))
        }
    }

    /// A new server-side SSL for one accepted socket.
    func makeSSL() -> OpaquePointer? {
        SSL_new(context)
    }
}

/// Picks the first of the server's ids that the client offered; without a common id
/// the handshake goes on without ALPN (HTTP/1.1).
private func selectALPN(_ ssl: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                        _ outLength: UnsafeMutablePointer<UInt8>?, _ offered: UnsafePointer<UInt8>?,
                        _ offeredLength: UInt32, _ arg: UnsafeMutableRawPointer?) -> Int32 {
    guard let arg, let offered, let out, let outLength else { return SSL_TLSEXT_ERR_NOACK }
    let server = arg.assumingMemoryBound(to: UInt8.self)
    var s = 0
    while server[s] != 0 {
        let length = Int(server[s])
        var c = 0
        while c < Int(offeredLength) {
            let clientLength = Int(offered[c])
            if clientLength == length && c + 1 + clientLength <= Int(offeredLength)
                && memcmp(server + s + 1, offered + c + 1, length) == 0 {
                out.pointee = UnsafePointer(offered + c + 1)
                outLength.pointee = UInt8(length)
                return SSL_TLSEXT_ERR_OK
            }
            c += 1 + clientLength
        }
        s += 1 + length
    }
    return SSL_TLSEXT_ERR_NOACK
}
