import Testing
@testable import Edge

@Suite struct ConfigurationCommandLineTests {
    @Test func flagNamesFollowOneRule() {
        #expect(ConfigurationKey.httpsPort.flag == "--https-port")
        #expect(ConfigurationKey.sslCertificateFile.flag == "--ssl-cert-file")
        #expect(ConfigurationKey.redisHost.flag == "--redis-host")
        #expect(ConfigurationKey.mount.flag == "--mount")
        #expect(ConfigurationKey.redisDatabase.flag == "--redis-database")
        #expect(ConfigurationKey.rackEnvironment.flag == "--rack-env")
        #expect(ConfigurationKey.byFlag.count == ConfigurationKey.allCases.count)
    }

    @Test func flagsTakeTheirValueEitherWay() {
        let loaded = load(["--https-port", "9443", "--mount=/bayeux", "--ssl-protocols", "TLSv1.3"])
        #expect(loaded.configuration.listening.httpsPort == 9443)
        #expect(loaded.configuration.bayeux.mount == "/bayeux")
        #expect(loaded.configuration.tls.protocols == .tls1_3 ... .tls1_3)
        #expect(loaded.problems.isEmpty)
    }

    @Test func valueAfterTheEqualsSignMayContainEqualsSigns() {
        #expect(load(["--redis-namespace=a=b"], environment: ["REDIS_HOST": "r"]).configuration.engine.redis?.namespace == "a=b")
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() {
        let loaded = load(
            ["--env-file", "/srv/.env", "--https-port", "3"],
            environment: ["FAYE_HTTPS_PORT": "2", "FAYE_HTTP_PORT": "20"],
            files: ["/srv/.env": "FAYE_HTTPS_PORT=1\nFAYE_HTTP_PORT=10\nFAYE_TIMEOUT=5\n", presentTokensFile: "{}"])
        #expect(loaded.configuration.listening.httpsPort == 3)
        #expect(loaded.configuration.listening.httpPort == 20)
        #expect(loaded.configuration.bayeux.timeout == 5)
        #expect(loaded.input[.httpsPort]?.source == .flag("--https-port"))
        #expect(loaded.input[.httpPort]?.source == .environment)
        #expect(loaded.input[.timeout]?.source == .environmentFile(path: "/srv/.env", line: 3))
    }

    @Test func emptyFlagUndoesAFileValue() {
        let loaded = load(["--env-file", "/srv/.env", "--redis-host="], files: ["/srv/.env": "REDIS_HOST=redis\n", presentTokensFile: "{}"])
        #expect(loaded.configuration.engine == .memory)
    }

    @Test func repeatedFlagKeepsItsLastValue() {
        #expect(load(["--timeout", "10", "--timeout=20"]).configuration.bayeux.timeout == 20)
    }

    @Test func unknownFlagIsFatalAndNamed() {
        #expect(load(["--https-prot", "443"]).lines.first == "fatal: --https-prot: unknown flag (see --help)")
    }

    @Test func strayArgumentIsFatal() {
        #expect(load(["serve"]).lines == [
            #"fatal: unexpected argument "serve"; settings are given as --flag value (see --help)"#,
        ])
    }

    @Test func flagWithoutAValueIsFatal() {
        #expect(load(["--mount"]).lines == ["fatal: --mount: expected a value after it, found none"])
        let forgotten = load(["--use-ssl", "--mount", "/x"])
        #expect(forgotten.lines == ["fatal: --use-ssl: expected a value after it, found none"])
        #expect(forgotten.configuration.bayeux.mount == "/x")
    }

    @Test func negativeNumbersAreValuesNotFlags() {
        #expect(load(["--timeout", "-5"]).lines == [
            #"fatal: FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "-5" (from --timeout)"#,
        ])
    }

    @Test(arguments: [
        ([String](), LaunchAction.run),
        (["--check-config"], .checkConfiguration),
        (["--version"], .showVersion),
        (["--help"], .showHelp),
        (["--check-config", "--help"], .showHelp),
        (["--version", "--check-config"], .showVersion),
    ])
    func actionsAreRecognisedAndTheMostHelpfulWins(arguments: [String], action: LaunchAction) {
        #expect(load(arguments).action == action)
    }

    @Test func actionsTakeNoValue() {
        #expect(load(["--check-config=yes"]).lines == ["fatal: --check-config: takes no value"])
    }
}
