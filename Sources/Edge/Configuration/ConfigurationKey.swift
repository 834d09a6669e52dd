/// Every variable of the configuration contract (docs/config.md), spelled as
/// in the .env files of the stack we replace. Each has one flag, derived from
/// its name, so nobody has to look a flag up.
enum ConfigurationKey: String, CaseIterable, Sendable {
    // Listening
    case bind = "FAYE_BIND"
    case httpsPort = "FAYE_HTTPS_PORT"
    case httpPort = "FAYE_HTTP_PORT"
    case useSSL = "FAYE_USE_SSL"
    case serverHostname = "FAYE_SERVER_HOSTNAME"
    case workerProcesses = "FAYE_WORKER_PROCESSES"
    case workerConnections = "FAYE_WORKER_CONNECTIONS"
    case maxConnections = "FAYE_MAX_CONNECTIONS"
    case maxPersistentConnections = "FAYE_MAX_PERSISTENT_CONNECTIONS"
    // TLS
    case sslDirectory = "FAYE_SSL_DIR"
    case sslCertificateFile = "FAYE_SSL_CERT_FILE"
    case sslKeyFile = "FAYE_SSL_KEY_FILE"
    case sslProtocols = "FAYE_SSL_PROTOCOLS"
    case sslCiphers = "FAYE_SSL_CIPHERS"
    case sslPreferServerCiphers = "FAYE_SSL_PREFER_SERVER_CIPHERS"
    // Bayeux
    case mount = "FAYE_MOUNT"
    case timeout = "FAYE_TIMEOUT"
    case environment = "FAYE_ENVIRONMENT"
    case rackEnvironment = "RACK_ENV"
    case tag = "FAYE_TAG"
    // Publisher tokens
    case tokensDirectory = "FAYE_TOKENS_DIR"
    case tokensFile = "FAYE_TOKENS_JSON_FILE"
    // Limits (not in the old stack: its nginx and thin had their own)
    case handshakeTimeout = "FAYE_HANDSHAKE_TIMEOUT"
    case requestTimeout = "FAYE_REQUEST_TIMEOUT"
    case keepAliveTimeout = "FAYE_KEEPALIVE_TIMEOUT"
    case maxMessageSize = "FAYE_MAX_MESSAGE_SIZE"
    case maxOutputBuffer = "FAYE_MAX_OUTPUT_BUFFER"
    case drainTimeout = "FAYE_DRAIN_TIMEOUT"
    // Engine
    case redisHost = "REDIS_HOST"
    case redisPort = "REDIS_PORT"
    case redisPassword = "REDIS_REQUIREPASS"
    case redisDatabase = "FAYE_REDIS_DATABASE"
    case redisNamespace = "FAYE_REDIS_NAMESPACE"
    // Settings of the old nginx/thin pair that mean nothing in one process.
    case legacyHost = "FAYE_HOST"
    case legacyInternalPort = "FAYE_INTERNAL_PORT"
    case legacySendfile = "FAYE_SENDFILE"
    case legacyTCPNoPush = "FAYE_TCP_NOPUSH"
    case legacyServerNamesHashBucketSize = "FAYE_SERVER_NAMES_HASH_BUCKET_SIZE"
    case legacyIsDocker = "FAYE_IS_DOCKER"

    /// `FAYE_HTTPS_PORT` → `--https-port`, `REDIS_HOST` → `--redis-host`.
    var flag: String {
        let name = rawValue.hasPrefix("FAYE_") ? rawValue.dropFirst(5) : Substring(rawValue)
        return "--" + String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    static let byFlag: [String: ConfigurationKey] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.flag, $0) })

    /// Names a typo of ours would start with; other names in a shared .env
    /// file belong to someone else and are left alone.
    static func looksLikeOurs(_ name: String) -> Bool {
        name.hasPrefix("FAYE_") || name.hasPrefix("REDIS_") || name.hasPrefix("RACK_")
    }
}
