/// What --help and --check-config say about each variable.
extension ConfigurationKey {
    enum Section: String, CaseIterable, Sendable {
        case listening = "Listening"
        case tls = "TLS"
        case bayeux = "Bayeux"
        case tokens = "Publisher tokens"
        case limits = "Limits"
        case engine = "Engine"
        case ignored = "Accepted and ignored (settings of the old nginx/thin pair)"
    }

    var section: Section {
        switch self {
        case .bind, .httpsPort, .httpPort, .useSSL, .serverHostname, .workerProcesses, .workerConnections,
            .maxConnections, .maxPersistentConnections:
            return .listening
        case .sslDirectory, .sslCertificateFile, .sslKeyFile, .sslProtocols, .sslCiphers, .sslPreferServerCiphers:
            return .tls
        case .mount, .timeout, .environment, .rackEnvironment, .tag:
            return .bayeux
        case .tokensDirectory, .tokensFile:
            return .tokens
        case .handshakeTimeout, .requestTimeout, .keepAliveTimeout, .maxMessageSize, .maxOutputBuffer, .drainTimeout:
            return .limits
        case .redisHost, .redisPort, .redisPassword, .redisDatabase, .redisNamespace:
            return .engine
        case .legacyHost, .legacyInternalPort, .legacySendfile, .legacyTCPNoPush, .legacyServerNamesHashBucketSize,
            .legacyIsDocker:
            return .ignored
        }
    }

    /// Shown in place of the value in reports, so it never reaches a log.
    var isSecret: Bool { self == .redisPassword }

    /// The word after the flag in --help.
    var valuePlaceholder: String {
        switch self {
        case .bind: return "ADDRESS"
        case .httpsPort, .httpPort, .redisPort: return "PORT"
        case .useSSL, .sslPreferServerCiphers, .legacySendfile, .legacyTCPNoPush, .legacyIsDocker: return "BOOL"
        case .serverHostname, .redisHost, .legacyHost: return "HOST"
        case .workerProcesses, .workerConnections, .maxConnections, .maxPersistentConnections, .redisDatabase,
            .legacyInternalPort, .legacyServerNamesHashBucketSize:
            return "N"
        case .sslDirectory, .tokensDirectory: return "DIR"
        case .sslCertificateFile, .sslKeyFile, .tokensFile: return "FILE"
        case .sslProtocols: return "LIST"
        case .sslCiphers: return "CIPHERS"
        case .mount: return "PATH"
        case .timeout, .handshakeTimeout, .requestTimeout, .keepAliveTimeout, .drainTimeout: return "SECONDS"
        case .maxMessageSize, .maxOutputBuffer: return "BYTES"
        case .environment, .rackEnvironment: return "NAME"
        case .tag, .redisNamespace: return "TEXT"
        case .redisPassword: return "PASSWORD"
        }
    }

    var defaultDescription: String {
        switch self {
        case .bind: return "0.0.0.0"
        case .httpsPort: return "8443"
        case .httpPort: return "8080"
        case .useSSL, .sslPreferServerCiphers: return "on"
        case .workerProcesses: return "number of cores"
        case .workerConnections: return "4096"
        case .maxConnections: return "1024 × threads"
        case .maxPersistentConnections: return "FAYE_MAX_CONNECTIONS"
        case .sslDirectory: return "./certs"
        case .sslCertificateFile: return "server.crt"
        case .sslKeyFile: return "server.key"
        case .sslProtocols: return "TLSv1.2 TLSv1.3"
        case .sslCiphers: return "modern AEAD-only list"
        case .mount: return "/faye"
        case .timeout: return "60"
        // The limits' defaults are ConnectionLimits' own, so help cannot say otherwise.
        case .handshakeTimeout: return String(Int(ConnectionLimits().handshakeTimeout))
        case .requestTimeout: return String(Int(ConnectionLimits().requestTimeout))
        case .drainTimeout: return String(Int(ConnectionLimits().drainTimeout))
        case .keepAliveTimeout: return String(Int(ConnectionLimits().keepAliveTimeout))
        case .maxMessageSize: return String(ConnectionLimits().maxMessageBytes)
        case .maxOutputBuffer: return String(ConnectionLimits().maxPendingOutputBytes)
        case .environment, .rackEnvironment: return "production"
        case .tag: return "faye"
        case .tokensDirectory: return "./tokens"
        case .tokensFile: return "tokens.json"
        case .redisHost: return "unset: in-memory engine"
        case .redisPort: return "6379"
        case .redisDatabase: return "0"
        case .redisNamespace: return "empty"
        case .serverHostname, .redisPassword: return "unset"
        case .legacyHost, .legacyInternalPort, .legacySendfile, .legacyTCPNoPush, .legacyServerNamesHashBucketSize,
            .legacyIsDocker:
            return "ignored"
        }
    }

    var summary: String {
        switch self {
        case .bind: return "address to bind (IPv4 or IPv6 literal; :: binds both)"
        case .httpsPort: return "TLS port: HTTP/1.1, Bayeux under the mount path"
        case .httpPort: return "plain-HTTP port: redirects to https with TLS on, serves everything with TLS off; 0 disables it"
        case .useSSL: return "off: no TLS listener at all (behind another terminator)"
        case .serverHostname: return "public host name, used in redirects and checked against the certificate"
        case .workerProcesses: return "number of I/O threads (event loops), or auto"
        case .workerConnections: return "connection cap per I/O thread"
        case .maxConnections: return "overall cap of open client connections"
        case .maxPersistentConnections: return "cap on idle keep-alive HTTP connections"
        case .sslDirectory: return "folder of the certificate and key (absolute file names are used as they are)"
        case .sslCertificateFile: return "PEM certificate, may be leaf then CA bundle in one file"
        case .sslKeyFile: return "PEM private key (RSA or EC) matching the certificate"
        case .sslProtocols: return "nginx syntax; SSLv2 SSLv3 TLSv1 TLSv1.1 are dropped with a warning"
        case .sslCiphers: return "OpenSSL cipher string for TLS 1.2"
        case .sslPreferServerCiphers: return "use the server's cipher order"
        case .mount: return "path of the Bayeux endpoint (a trailing / is dropped)"
        case .timeout: return "seconds a /meta/connect long-poll is held"
        case .handshakeTimeout: return "seconds a TLS handshake may take"
        case .requestTimeout: return "seconds an HTTP request may take to arrive, from its first byte (slow clients get 408)"
        case .keepAliveTimeout: return "seconds an idle keep-alive connection stays open"
        case .maxMessageSize: return "largest HTTP request body or WebSocket message (413 / close 1009 past it)"
        case .maxOutputBuffer: return "bytes a slow reader may leave unread before it is disconnected"
        case .drainTimeout: return "seconds SIGTERM waits for connections to finish before exiting"
        case .environment: return "development: makes a development certificate if none exists, logs more"
        case .rackEnvironment: return "used when FAYE_ENVIRONMENT is not set"
        case .tag: return "name in log lines and the metrics label"
        case .tokensDirectory: return "folder of the publisher tokens file"
        case .tokensFile: return "publisher tokens file; none: publishing from clients is refused"
        case .redisHost: return "set: the Redis engine, shared by every edge process using it"
        case .redisPort: return "Redis port"
        case .redisPassword: return "password sent with AUTH"
        case .redisDatabase: return "database number sent with SELECT"
        case .redisNamespace: return "key prefix, as in Faye's Redis engine"
        case .legacyHost, .legacyInternalPort, .legacySendfile, .legacyTCPNoPush, .legacyServerNamesHashBucketSize,
            .legacyIsDocker:
            return "meaningless in one process"
        }
    }
}
