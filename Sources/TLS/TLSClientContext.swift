import COpenSSL

/// A client SSL_CTX, for the benchmark's load generator: trusts the CA file it is given
/// (or nothing, and then verifies nothing), speaks the given TLS versions and, when
/// named, only the given TLS 1.3 suites (the raw-limit loop pins AES-128-GCM).
///
/// Reads ahead: one socket read takes as many records as the buffer holds, so a client
/// that receives many small records does not pay one system call for each.
///
/// `@unchecked Sendable`: the SSL_CTX is never changed after `init`, and OpenSSL
/// allows `SSL_new` on one context from many threads.
public final class TLSClientContext: @unchecked Sendable {
    let context: OpaquePointer
    /// Whether sessions check the server's certificate (a CA file was given).
    public let verifiesPeer: Bool

    public init(trusting caFile: String?, protocols: ClosedRange<TLSProtocolVersion> = .tls1_2 ... .tls1_3,
                tls13Suites: String? = nil) throws {
        ERR_clear_error()
        guard let ctx = SSL_CTX_new(TLS_client_method()) else { throw TLSError("SSL_CTX_new failed") }
        context = ctx
        verifiesPeer = caFile != nil
        do {
            try Self.configure(ctx, caFile: caFile, protocols: protocols, tls13Suites: tls13Suites)
        } catch {
            SSL_CTX_free(ctx)
            throw error
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    private static func configure(_ context: OpaquePointer, caFile: String?, protocols: ClosedRange<TLSProtocolVersion>,
                                  tls13Suites: String?) throws {
        COpenSSL_SSL_CTX_set_min_proto_version(context, protocols.lowerBound.openSSLValue)
        COpenSSL_SSL_CTX_set_max_proto_version(context, protocols.upperBound.openSSLValue)
        if let tls13Suites, SSL_CTX_set_ciphersuites(context, tls13Suites) != 1 {
            throw TLSError("TLS 1.3 suites \"\(tls13Suites)\" were rejected by OpenSSL")
        }
        COpenSSL_SSL_CTX_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE) | Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        // SSL_CTX_set_read_ahead is a macro over SSL_CTX_ctrl.
        SSL_CTX_ctrl(context, SSL_CTRL_SET_READ_AHEAD, 1, nil)
        if let caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw TLSError("cannot load CA file \(caFile)")
            }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        }
    }

    /// A new client-side SSL; nil only when OpenSSL is out of memory.
    func makeSSL() -> OpaquePointer? {
        SSL_new(context)
    }
}
