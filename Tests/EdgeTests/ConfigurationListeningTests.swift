import Testing
@testable import Edge

@Suite struct ConfigurationListeningTests {
    @Test func validValuesAreTaken() {
        let loaded = load(environment: [
            "FAYE_BIND": "::", "FAYE_HTTPS_PORT": "443", "FAYE_HTTP_PORT": "80", "FAYE_SERVER_HOSTNAME": "push.example.com",
            "FAYE_WORKER_PROCESSES": "3", "FAYE_WORKER_CONNECTIONS": "1000", "FAYE_MAX_CONNECTIONS": "2500",
            "FAYE_MAX_PERSISTENT_CONNECTIONS": "100",
        ])
        #expect(loaded.configuration.listening == ListeningSettings(
            bindAddress: "::", httpsPort: 443, httpPort: 80, serverHostname: "push.example.com", workerThreads: 3,
            workerConnections: 1000, maxConnections: 2500, maxPersistentConnections: 100))
        #expect(loaded.problems.isEmpty)
    }

    @Test func httpPortZeroDisablesPlainHTTP() {
        let listening = load(environment: ["FAYE_HTTP_PORT": "0"]).configuration.listening
        #expect(listening.httpPort == nil)
        #expect(listening.httpsPort == 8443)
    }

    @Test(arguments: ["0", "off", "false", "no", "OFF", "No"])
    func useSSLOffRemovesTheTLSListener(value: String) {
        let listening = load(environment: ["FAYE_USE_SSL": value]).configuration.listening
        #expect(listening.httpsPort == nil)
        #expect(!listening.usesTLS)
        #expect(listening.httpPort == 8080)
    }

    @Test(arguments: ["1", "on", "true", "yes", "TRUE", "Yes"])
    func useSSLOnKeepsIt(value: String) {
        #expect(load(environment: ["FAYE_USE_SSL": value]).configuration.listening.usesTLS)
    }

    @Test func nothingToListenOnIsFatal() {
        let loaded = load(environment: ["FAYE_USE_SSL": "0", "FAYE_HTTP_PORT": "0"])
        #expect(loaded.lines == [
            "fatal: FAYE_HTTP_PORT: is 0 and FAYE_USE_SSL is off: nothing would listen (from the environment)",
        ])
    }

    @Test func bothPortsTheSameIsFatal() {
        let loaded = load(environment: ["FAYE_HTTPS_PORT": "8443", "FAYE_HTTP_PORT": "8443"])
        #expect(loaded.lines == [
            "fatal: FAYE_HTTP_PORT: 8443 is also FAYE_HTTPS_PORT; use another port, or 0 to disable plain HTTP"
                + " (from the environment)",
        ])
        // Without TLS the https port is not used, so the same number is fine.
        #expect(load(environment: ["FAYE_USE_SSL": "off", "FAYE_HTTP_PORT": "8443"]).problems.isEmpty)
    }

    @Test func workerProcessesAcceptsAutoLikeNginx() {
        #expect(load(environment: ["FAYE_WORKER_PROCESSES": "auto"], processorCount: 6).configuration.listening.workerThreads == 6)
    }

    @Test func moreThanFourThreadsPerCoreIsAcceptedWithAWarning() {
        let loaded = load(environment: ["FAYE_WORKER_PROCESSES": "9"])
        #expect(loaded.configuration.listening.workerThreads == 9)
        #expect(loaded.lines == [
            "warning: FAYE_WORKER_PROCESSES: 9 I/O threads on 2 cores; more than 8 only add switching"
                + " (it is a thread count here, not nginx worker processes) (from the environment)",
        ])
        #expect(load(environment: ["FAYE_WORKER_PROCESSES": "8"]).problems.isEmpty)
    }

    @Test func connectionCapAboveWhatTheThreadsCanHoldIsAWarning() {
        let loaded = load(environment: ["FAYE_MAX_CONNECTIONS": "10000", "FAYE_WORKER_CONNECTIONS": "1000"])
        #expect(loaded.lines == [
            "warning: FAYE_MAX_CONNECTIONS: 10000 is more than FAYE_WORKER_CONNECTIONS × threads = 1000 × 2;"
                + " at most 2000 connections will be open (from the environment)",
        ])
    }

    @Test func persistentCapDefaultsToTheConnectionCap() {
        let listening = load(environment: ["FAYE_MAX_CONNECTIONS": "300"]).configuration.listening
        #expect(listening.maxPersistentConnections == 300)
    }
}
