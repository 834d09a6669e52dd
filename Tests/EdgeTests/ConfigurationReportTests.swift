import Testing
@testable import Edge

@Suite struct ConfigurationReportTests {
    @Test func problemLineNamesSeverityVariableAndMessage() {
        let problem = ConfigurationProblem(.fatal, variable: "FAYE_HTTPS_PORT", message: #"expected a port number 1-65535, found "abc""#)
        #expect(ConfigurationReport.line(problem) == #"fatal: FAYE_HTTPS_PORT: expected a port number 1-65535, found "abc""#)
        #expect(ConfigurationReport.line(ConfigurationProblem(.info, variable: nil, message: "m")) == "info: m")
    }

    @Test func linesPutTheWorstFirstAndKeepTheOrderWithinASeverity() {
        let problems = [
            ConfigurationProblem(.info, variable: nil, message: "i"),
            ConfigurationProblem(.warning, variable: nil, message: "w1"),
            ConfigurationProblem(.fatal, variable: nil, message: "f1"),
            ConfigurationProblem(.warning, variable: nil, message: "w2"),
            ConfigurationProblem(.fatal, variable: nil, message: "f2"),
        ]
        #expect(ConfigurationReport.lines(problems) == ["fatal: f1", "fatal: f2", "warning: w1", "warning: w2", "info: i"])
    }

    @Test func summaryCountsAndGivesTheVerdict() {
        #expect(ConfigurationReport.summary([]) == "no problems: the configuration is usable")
        let mixed = [
            ConfigurationProblem(.warning, variable: nil, message: ""), ConfigurationProblem(.info, variable: nil, message: ""),
            ConfigurationProblem(.warning, variable: nil, message: ""), ConfigurationProblem(.fatal, variable: nil, message: ""),
        ]
        #expect(ConfigurationReport.summary(mixed) == "1 fatal, 2 warnings, 1 info: the server will not start")
        #expect(ConfigurationReport.summary(Array(mixed.prefix(1))) == "1 warning: the configuration is usable")
    }

    @Test func exitStatusIsOneOnlyWithAFatalProblem() {
        #expect(ConfigurationReport.exitStatus(load().problems) == 0)
        #expect(ConfigurationReport.exitStatus(load(files: [:]).problems) == 0)
        #expect(ConfigurationReport.exitStatus(load(environment: ["FAYE_MOUNT": "x"]).problems) == 1)
    }

    @Test func checkConfigurationPrintsEveryVariableWithItsSourceAndMasksTheSecret() {
        let loaded = load(
            ["--https-port", "443"],
            environment: ["REDIS_HOST": "redis", "REDIS_REQUIREPASS": "hunter2", "FAYE_TIMEOUT": "zero", "FAYE_HOST": "faye"])
        let text = ConfigurationReport.checkConfiguration(loaded)
        #expect(text.hasPrefix("bayeux-edge \(EdgeVersion.current): effective configuration\n"))
        for key in ConfigurationKey.allCases where key.section != .ignored || key == .legacyHost {
            #expect(text.contains("\n  \(key.rawValue) "), "\(key.rawValue) missing")
        }
        #expect(!text.contains("FAYE_SENDFILE"))
        #expect(!text.contains("hunter2"))
        #expect(text.contains("  REDIS_REQUIREPASS                     (set)  (from the environment)\n"))
        #expect(text.contains("  FAYE_HTTPS_PORT                       443  (from --https-port)\n"))
        #expect(text.contains("  FAYE_BIND                             0.0.0.0  (default)\n"))
        #expect(text.contains("  FAYE_TIMEOUT                          60  (default: the value from the environment was refused)\n"))
        #expect(text.contains("  engine                                redis at redis:6379, database 0, namespace \"\"\n"))
        #expect(text.contains("  open-file limit wanted                2128\n"))
        #expect(text.contains("\nProblems\n  fatal: FAYE_TIMEOUT: "))
        #expect(text.contains("  warning: REDIS_HOST: this build has no Redis engine yet"))
        #expect(text.hasSuffix("\n1 fatal, 1 warning, 1 info: the server will not start\n"))
    }

    @Test func valueInUseDespiteAProblemIsNotShownAsRefused() {
        let loaded = load(environment: ["FAYE_USE_SSL": "0", "FAYE_HTTP_PORT": "0", "FAYE_SSL_PROTOCOLS": "TLSv9"])
        let text = ConfigurationReport.checkConfiguration(loaded)
        #expect(loaded.refused == [.sslProtocols])
        #expect(text.contains("  FAYE_HTTP_PORT                        0 (disabled)  (from the environment)\n"))
        #expect(text.contains(
            "  FAYE_SSL_PROTOCOLS                    TLSv1.2 TLSv1.3  (default: the value from the environment was refused)\n"))
    }

    @Test func checkConfigurationDescribesTheListeners() {
        let withTLS = ConfigurationReport.checkConfiguration(load(environment: ["FAYE_BIND": "::"]))
        #expect(withTLS.contains("  listeners                             https on [::]:8443, http on [::]:8080 (redirects to https)\n"))
        let clear = ConfigurationReport.checkConfiguration(load(environment: ["FAYE_USE_SSL": "0"]))
        #expect(clear.contains("  listeners                             http on 0.0.0.0:8080\n"))
        #expect(clear.contains("  FAYE_HTTPS_PORT                       unused (TLS is off)  (default)\n"))
    }

    @Test func helpListsEveryFlagWithItsVariableAndDefault() {
        let help = ConfigurationHelp.text
        for key in ConfigurationKey.allCases {
            let row = help.split(separator: "\n").first { $0.hasPrefix("  \(key.flag) ") }
            #expect(row?.contains(key.rawValue) == true, "\(key.flag) missing")
            #expect(row?.hasSuffix("default: \(key.defaultDescription)") == true, "\(key.flag) default missing")
        }
        for flag in ["--check-config", "--env-file PATH", "--help", "--version", "--ws-echo-path PATH"] {
            #expect(help.contains("\n  \(flag) "), "\(flag) missing")
        }
        #expect(help.contains("a flag wins over the environment, which wins over the --env-file"))
    }
}
