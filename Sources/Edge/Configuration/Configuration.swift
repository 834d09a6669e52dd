/// Everything the server is told at start-up, checked and typed. Built by
/// `ConfigurationLoader` from the environment, an env file and flags
/// (docs/config.md is the contract); paths are absolute.
struct Configuration: Sendable, Equatable {
    var listening: ListeningSettings
    var tls: TLSConfiguration
    var bayeux: BayeuxSettings
    var limits: ConnectionLimits
    var engine: EngineSettings
    var environment: DeploymentEnvironment
    /// Name in log lines and the metrics label.
    var tag: String
    /// The publisher tokens file (FAYE_TOKENS_DIR/FAYE_TOKENS_JSON_FILE).
    var tokensFile: String
    /// The conformance echo endpoint (--ws-echo-path); nil: off.
    var webSocketEchoPath: String?
    /// Legacy variables that were set; listed once at start-up as ignored.
    var ignoredVariables: [ConfigurationKey]

    /// The open-file limit the process should raise itself to: one
    /// descriptor per client connection plus headroom for what every
    /// process holds (stdio, listeners, the tokens and certificate files
    /// during a reload, a spare to accept-and-refuse past the cap) and what
    /// each I/O thread holds (epoll, eventfd, timerfd, its listeners, its
    /// Redis connections).
    var nofileLimit: Int {
        listening.maxConnections + 64 + 8 * listening.workerThreads
    }
}

enum DeploymentEnvironment: String, Sendable, Equatable {
    /// Makes a development certificate when none exists; logs more.
    case development
    case production
}

struct BayeuxSettings: Sendable, Equatable {
    /// Starts with "/", no trailing "/" (unless it is "/").
    var mount: String
    /// Seconds a /meta/connect is held; positive and at most a day.
    var timeout: Double
}
