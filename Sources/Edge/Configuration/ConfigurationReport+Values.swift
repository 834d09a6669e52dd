import TLS
extension ConfigurationReport {
    /// The value in use for one variable, as a person would write it.
    static func effectiveValue(_ key: ConfigurationKey, in configuration: Configuration, input: ConfigurationInput) -> String {
        let listening = configuration.listening
        let tls = configuration.tls
        let redis = configuration.engine.redis
        switch key {
        case .bind: return listening.bindAddress
        case .httpsPort: return listening.httpsPort.map(String.init) ?? "unused (TLS is off)"
        case .httpPort: return listening.httpPort.map(String.init) ?? "0 (disabled)"
        case .useSSL: return onOff(listening.usesTLS)
        case .serverHostname: return listening.serverHostname ?? "(unset)"
        case .workerProcesses: return String(listening.workerThreads)
        case .workerConnections: return String(listening.workerConnections)
        case .maxConnections: return String(listening.maxConnections)
        case .maxPersistentConnections: return String(listening.maxPersistentConnections)
        case .sslDirectory: return tls.directory
        case .sslCertificateFile: return tls.certificateFile
        case .sslKeyFile: return tls.keyFile
        case .sslProtocols: return TLSProtocolVersion.names(of: tls.protocols)
        case .sslCiphers: return tls.ciphers
        case .sslPreferServerCiphers: return onOff(tls.prefersServerCiphers)
        case .mount: return configuration.bayeux.mount
        case .timeout: return seconds(configuration.bayeux.timeout)
        case .handshakeTimeout: return seconds(configuration.limits.handshakeTimeout)
        case .requestTimeout: return seconds(configuration.limits.requestTimeout)
        case .keepAliveTimeout: return seconds(configuration.limits.keepAliveTimeout)
        case .drainTimeout: return seconds(configuration.limits.drainTimeout)
        case .maxMessageSize: return String(configuration.limits.maxMessageBytes)
        case .maxOutputBuffer: return String(configuration.limits.maxPendingOutputBytes)
        case .environment: return configuration.environment.rawValue
        case .rackEnvironment: return input[key]?.text ?? "(unset)"
        case .tag: return configuration.tag
        case .tokensDirectory: return input[key]?.text ?? "./tokens"
        case .tokensFile: return configuration.tokensFile
        case .redisHost: return redis?.host ?? "(unset: in-memory engine)"
        case .redisPort: return redis.map { String($0.port) } ?? "unused"
        case .redisPassword: return masked(redis == nil ? input[key]?.text : redis?.password)
        case .redisDatabase: return redis.map { String($0.database) } ?? "unused"
        case .redisNamespace: return redis.map { $0.namespace.isEmpty ? "(empty)" : $0.namespace } ?? "unused"
        case .legacyHost, .legacyInternalPort, .legacySendfile, .legacyTCPNoPush, .legacyServerNamesHashBucketSize,
            .legacyIsDocker:
            return (input[key]?.text.quotedForReport ?? "") + " ignored"
        }
    }

    private static func masked(_ secret: String?) -> String {
        secret.map { $0.isEmpty ? "(unset)" : "(set)" } ?? "(unset)"
    }

    private static func onOff(_ value: Bool) -> String { value ? "on" : "off" }

    /// 60 rather than 60.0; fractions kept when given.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
