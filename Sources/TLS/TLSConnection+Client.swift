import COpenSSL

extension TLSConnection {
    /// A client-side session over a connected (or connecting) socket. When the context
    /// verifies peers, the certificate must name `host` (a DNS name or an IP literal).
    public convenience init?(clientFD fd: Int32, context: TLSClientContext, host: String) {
        guard let ssl = context.makeSSL() else { return nil }
        guard SSL_set_fd(ssl, fd) == 1, !context.verifiesPeer || SSL_set1_host(ssl, host) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_connect_state(ssl)
        self.init(ownedSSL: ssl, context: context)
    }
}
