/// Where sessions and subscriptions live.
enum EngineSettings: Sendable, Equatable {
    /// In this process only (REDIS_HOST unset).
    case memory
    /// Shared through Redis by every edge process using the same server.
    case redis(RedisSettings)

    var redis: RedisSettings? {
        switch self {
        case .memory: return nil
        case .redis(let settings): return settings
        }
    }
}

struct RedisSettings: Sendable, Equatable {
    var host: String
    var port: UInt16
    /// Sent with AUTH; never printed (reports show "(set)").
    var password: String?
    /// Sent with SELECT.
    var database: Int
    /// Key prefix, as in Faye's Redis engine.
    var namespace: String
}
