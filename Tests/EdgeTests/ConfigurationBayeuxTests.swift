import Testing
@testable import Edge

@Suite struct ConfigurationBayeuxTests {
    @Test func mountAndTimeoutAreTaken() {
        let loaded = load(environment: ["FAYE_MOUNT": "/bayeux", "FAYE_TIMEOUT": "25.5"])
        #expect(loaded.configuration.bayeux == BayeuxSettings(mount: "/bayeux", timeout: 25.5))
        #expect(loaded.problems.isEmpty)
    }

    @Test(arguments: [("/faye/", "/faye"), ("/a/b//", "/a/b"), ("/", "/")])
    func trailingSlashOfTheMountIsDropped(given: String, used: String) {
        #expect(load(environment: ["FAYE_MOUNT": given]).configuration.bayeux.mount == used)
    }

    @Test func fayeEnvironmentWinsOverRackEnv() {
        let loaded = load(environment: ["FAYE_ENVIRONMENT": "development", "RACK_ENV": "production"])
        #expect(loaded.configuration.environment == .development)
        #expect(loaded.lines == [
            #"info: RACK_ENV: "production" is overridden by FAYE_ENVIRONMENT="development" (from the environment)"#,
        ])
    }

    @Test func rackEnvAloneIsUsed() {
        let loaded = load(environment: ["RACK_ENV": "Development"])
        #expect(loaded.configuration.environment == .development)
        #expect(loaded.problems.isEmpty)
    }

    @Test func bothSetAlikeSayNothing() {
        let loaded = load(environment: ["FAYE_ENVIRONMENT": "development", "RACK_ENV": "development"])
        #expect(loaded.configuration.environment == .development)
        #expect(loaded.problems.isEmpty)
    }

    @Test func unknownEnvironmentIsProductionWithAWarning() {
        let loaded = load(environment: ["FAYE_ENVIRONMENT": "staging"])
        #expect(loaded.configuration.environment == .production)
        #expect(loaded.lines == [
            #"warning: FAYE_ENVIRONMENT: expected development or production, found "staging"; using production (from the environment)"#,
        ])
    }

    @Test func tagIsTaken() {
        #expect(load(environment: ["FAYE_TAG": "edge-eu-1"]).configuration.tag == "edge-eu-1")
    }

    @Test func webSocketEchoPathIsOffUnlessAskedFor() {
        #expect(load().configuration.webSocketEchoPath == nil)
        let loaded = load(["--ws-echo-path", "/echo"])
        #expect(loaded.configuration.webSocketEchoPath == "/echo")
        #expect(loaded.lines == [
            "info: --ws-echo-path: WebSocket echo endpoint for conformance tests is on at /echo; not for production",
        ])
    }

    @Test func webSocketEchoPathMustLieOutsideTheMount() {
        let loaded = load(["--ws-echo-path=/faye/echo"])
        #expect(loaded.configuration.webSocketEchoPath == nil)
        #expect(loaded.lines == [
            "fatal: --ws-echo-path: /faye/echo lies under the Bayeux mount /faye; choose a path outside it",
        ])
        #expect(load(["--ws-echo-path", "/fayeecho"]).configuration.webSocketEchoPath == "/fayeecho")
    }

    @Test func webSocketEchoPathMustBeAPath() {
        #expect(load(["--ws-echo-path=echo"]).lines == [
            #"fatal: --ws-echo-path: expected a path starting with "/" (no spaces, ? or #), found "echo""#,
        ])
    }
}
