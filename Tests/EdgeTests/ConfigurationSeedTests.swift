import Testing
@testable import Edge

/// The seed stack's two .env files must work alone and concatenated into one
/// (the later file wins where both set a variable, as with any .env).
@Suite struct ConfigurationSeedTests {
    static let seedTokensFile = "/path/to/your/tokens/relative/to/the/running/container/your-tokens-filename.json"
    static let tokensWarning = "warning: FAYE_TOKENS_DIR/FAYE_TOKENS_JSON_FILE: no tokens file at \(seedTokensFile);"
        + " publishing from clients is refused"

    func loadSeed(_ text: String, as path: String) -> LoadedConfiguration {
        load(["--env-file", path], files: [path: text])
    }

    @Test func fayeEnvAlone() throws {
        let loaded = loadSeed(try seedFile("faye"), as: "faye.env")
        let configuration = loaded.configuration
        #expect(configuration.engine == .redis(RedisSettings(
            host: "redis", port: 6379, password: "strong-requirepass-password", database: 6, namespace: "")))
        #expect(configuration.environment == .development)
        #expect(configuration.tag == "faye")
        #expect(configuration.bayeux == BayeuxSettings(mount: "/faye", timeout: 60))
        #expect(configuration.tokensFile == Self.seedTokensFile)
        #expect(configuration.listening == ListeningSettings(
            bindAddress: "0.0.0.0", httpsPort: 8443, httpPort: 4242, serverHostname: nil, workerThreads: 2,
            workerConnections: 4096, maxConnections: 1024, maxPersistentConnections: 1024))
        #expect(configuration.ignoredVariables == [.legacyIsDocker])
        #expect(loaded.lines == [
            ConfigurationEngineTests.noRedisEngineYet, "info: ignored (meaningless in one process): FAYE_IS_DOCKER",
            Self.tokensWarning,
        ])
    }

    @Test func nginxEnvAlone() throws {
        let loaded = loadSeed(try seedFile("nginx"), as: "nginx.env")
        let configuration = loaded.configuration
        #expect(configuration.listening == ListeningSettings(
            bindAddress: "0.0.0.0", httpsPort: 443, httpPort: 80, serverHostname: "yourdomain.com", workerThreads: 9,
            workerConnections: 4096, maxConnections: 9 * 1024, maxPersistentConnections: 9 * 1024))
        #expect(configuration.tls == TLSConfiguration(
            directory: "/root", certificateFile: "/root/development.crt", keyFile: "/root/development.key",
            protocols: .tls1_2 ... .tls1_3, ciphers: "HIGH:!aNULL:!eNULL:!PSK:!RC4:!MD5:!aDH:!DH", prefersServerCiphers: true))
        #expect(configuration.engine == .memory)
        #expect(configuration.environment == .production)
        #expect(loaded.lines == [
            "warning: FAYE_WORKER_PROCESSES: 9 I/O threads on 2 cores; more than 8 only add switching"
                + " (it is a thread count here, not nginx worker processes) (from nginx.env line 9)",
            "warning: FAYE_SSL_PROTOCOLS: dropped insecure SSLv2, SSLv3, TLSv1; using TLSv1.2 TLSv1.3 (from nginx.env line 21)",
            "info: ignored (meaningless in one process): FAYE_HOST, FAYE_INTERNAL_PORT, FAYE_SENDFILE, FAYE_TCP_NOPUSH,"
                + " FAYE_SERVER_NAMES_HASH_BUCKET_SIZE",
            "warning: FAYE_TOKENS_DIR/FAYE_TOKENS_JSON_FILE: no tokens file at /srv/tokens/tokens.json;"
                + " publishing from clients is refused",
        ])
    }

    @Test func bothConcatenatedIntoOneFile() throws {
        let loaded = loadSeed(try seedFile("faye") + seedFile("nginx"), as: ".env")
        let configuration = loaded.configuration
        #expect(configuration.listening.httpsPort == 443)
        #expect(configuration.listening.httpPort == 80)
        #expect(loaded.input[.httpPort]?.source == .environmentFile(path: ".env", line: 28 + 5))
        #expect(configuration.listening.maxConnections == 1024)
        #expect(configuration.tls.protocols == .tls1_2 ... .tls1_3)
        #expect(configuration.engine == .redis(RedisSettings(
            host: "redis", port: 6379, password: "strong-requirepass-password", database: 6, namespace: "")))
        #expect(configuration.environment == .development)
        #expect(configuration.developmentCertificateFiles?.certificatePath == "/root/development.crt")
        #expect(loaded.lines == [
            "warning: FAYE_WORKER_PROCESSES: 9 I/O threads on 2 cores; more than 8 only add switching"
                + " (it is a thread count here, not nginx worker processes) (from .env line 37)",
            "warning: FAYE_SSL_PROTOCOLS: dropped insecure SSLv2, SSLv3, TLSv1; using TLSv1.2 TLSv1.3 (from .env line 49)",
            ConfigurationEngineTests.noRedisEngineYet,
            "info: ignored (meaningless in one process): FAYE_HOST, FAYE_INTERNAL_PORT, FAYE_SENDFILE, FAYE_TCP_NOPUSH,"
                + " FAYE_SERVER_NAMES_HASH_BUCKET_SIZE, FAYE_IS_DOCKER",
            Self.tokensWarning,
        ])
        #expect(!loaded.problems.hasFatal)
    }

    @Test func concatenatedTheOtherWayTheLaterFileStillWins() throws {
        let loaded = loadSeed(try seedFile("nginx") + seedFile("faye"), as: ".env")
        #expect(loaded.configuration.listening.httpPort == 4242)
        #expect(loaded.configuration.listening.httpsPort == 443)
    }

    @Test func seedValuesGivenThroughTheEnvironmentMeanTheSame() throws {
        let file = EnvironmentFile(text: try seedFile("faye") + seedFile("nginx"), path: ".env")
        let environment = Dictionary(file.entries.map { ($0.name, $0.value) }) { $1 }
        let fromEnvironment = load(environment: environment, files: [:])
        let fromFile = loadSeed(try seedFile("faye") + seedFile("nginx"), as: ".env")
        #expect(fromEnvironment.configuration == fromFile.configuration)
        #expect(fromEnvironment.problems.map(\.variable) == fromFile.problems.map(\.variable))
    }
}
