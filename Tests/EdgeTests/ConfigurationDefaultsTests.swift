import Testing
@testable import Edge

@Suite struct ConfigurationDefaultsTests {
    @Test func emptyEnvironmentGivesTheContractsDefaults() {
        let loaded = load()
        #expect(loaded.configuration == defaultConfiguration)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.action == .run)
    }

    @Test func threadsDefaultToTheCoresAndConnectionCapsFollowThem() {
        let listening = load(processorCount: 8).configuration.listening
        #expect(listening.workerThreads == 8)
        #expect(listening.maxConnections == 8 * 1024)
        #expect(listening.maxPersistentConnections == 8 * 1024)
    }

    @Test func emptyValueMeansTheDefault() {
        let loaded = load(environment: ["FAYE_HTTPS_PORT": "", "FAYE_MOUNT": "", "REDIS_HOST": ""])
        #expect(loaded.configuration == defaultConfiguration)
        #expect(loaded.problems.isEmpty)
    }

    @Test func openFileLimitIsTheConnectionCapPlusHeadroom() {
        #expect(load().configuration.nofileLimit == 2048 + 64 + 8 * 2)
        let configured = load(environment: ["FAYE_MAX_CONNECTIONS": "10000", "FAYE_WORKER_PROCESSES": "4"])
        #expect(configured.configuration.nofileLimit == 10_000 + 64 + 8 * 4)
    }

    @Test func missingTokensFileIsAWarningThatPublishingIsRefused() {
        let loaded = load(files: [:])
        #expect(loaded.lines == [
            "warning: FAYE_TOKENS_DIR/FAYE_TOKENS_JSON_FILE: no tokens file at /srv/tokens/tokens.json;"
                + " publishing from clients is refused",
        ])
        #expect(!loaded.problems.hasFatal)
    }

    @Test func unreadableTokensFileIsFatal() {
        let loaded = load(files: [:], unreadable: [presentTokensFile: "Permission denied"])
        #expect(loaded.lines == [
            "fatal: FAYE_TOKENS_DIR/FAYE_TOKENS_JSON_FILE: cannot read the tokens file /srv/tokens/tokens.json: Permission denied",
        ])
    }

    @Test func tokensFileIsFoundInItsDirectoryOrByAbsoluteName() {
        let relative = load(environment: ["FAYE_TOKENS_DIR": "/etc/edge", "FAYE_TOKENS_JSON_FILE": "publishers.json"])
        #expect(relative.configuration.tokensFile == "/etc/edge/publishers.json")
        let absolute = load(environment: ["FAYE_TOKENS_DIR": "/etc/edge", "FAYE_TOKENS_JSON_FILE": "/run/secrets/t.json"])
        #expect(absolute.configuration.tokensFile == "/run/secrets/t.json")
        let underWorkingDirectory = load(environment: ["FAYE_TOKENS_DIR": "./conf/./tokens"])
        #expect(underWorkingDirectory.configuration.tokensFile == "/srv/conf/tokens/tokens.json")
    }
}
