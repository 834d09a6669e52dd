struct ListeningSettings: Sendable, Equatable {
    /// An IPv4 or IPv6 literal; "::" binds both families.
    var bindAddress: String
    /// The TLS port; nil when FAYE_USE_SSL is off (another process terminates TLS).
    var httpsPort: UInt16?
    /// The plain-HTTP port; nil when FAYE_HTTP_PORT is 0. With TLS on it only
    /// redirects to https (and serves /healthz); with TLS off it serves everything.
    var httpPort: UInt16?
    /// Used in redirects and checked against the certificate's names.
    var serverHostname: String?
    /// Number of I/O threads (event loops).
    var workerThreads: Int
    /// Connection cap per I/O thread.
    var workerConnections: Int
    /// Overall cap of open client connections.
    var maxConnections: Int
    /// Cap on idle keep-alive HTTP connections.
    var maxPersistentConnections: Int

    var usesTLS: Bool { httpsPort != nil }
}
