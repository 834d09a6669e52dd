extension ConfigurationResolver {
    mutating func resolveEngine() -> EngineSettings {
        let host = parsed(.redisHost, expected: "a host name or address (no scheme, port or path)") {
            ValueSyntax.isHostName($0, allowingUnderscore: true) ? $0 : nil
        }
        let port = parsed(.redisPort, expected: "a port number 1-65535", ValueSyntax.port) ?? 6379
        let database = parsed(.redisDatabase, expected: "a database number 0 or more") {
            ValueSyntax.integer($0, in: 0...Int(Int32.max))
        } ?? 0
        guard let host else {
            noteRedisSettingsWithoutHost()
            return .memory
        }
        report(.warning, .redisHost, "this build has no Redis engine yet: sessions and subscriptions stay in this process")
        return .redis(RedisSettings(
            host: host, port: port, password: value(.redisPassword)?.text, database: database,
            namespace: value(.redisNamespace)?.text ?? ""))
    }

    /// Someone who set a Redis port or password probably meant to use Redis.
    private mutating func noteRedisSettingsWithoutHost() {
        guard value(.redisHost) == nil else { return }
        let unused: [ConfigurationKey] = [.redisPort, .redisPassword, .redisDatabase, .redisNamespace]
        let set = unused.filter { value($0) != nil }.map(\.rawValue)
        guard !set.isEmpty else { return }
        let verb = set.count == 1 ? "has" : "have"
        report(.info, .redisHost, "not set: using the in-memory engine, so \(set.joined(separator: ", ")) \(verb) no effect")
    }
}
