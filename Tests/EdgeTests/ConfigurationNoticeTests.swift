import Testing
@testable import Edge

@Suite struct ConfigurationNoticeTests {
    @Test func legacyVariablesAreListedOnceAsIgnored() {
        let loaded = load(environment: ["FAYE_IS_DOCKER": "1", "FAYE_HOST": "faye", "FAYE_SENDFILE": "off"])
        #expect(loaded.configuration.ignoredVariables == [.legacyHost, .legacySendfile, .legacyIsDocker])
        #expect(loaded.lines == [
            "info: ignored (meaningless in one process): FAYE_HOST, FAYE_SENDFILE, FAYE_IS_DOCKER",
        ])
    }

    @Test func misspelledVariableIsAWarningWithASuggestion() {
        let loaded = load(environment: ["FAYE_HTTPS_PROT": "443", "REDIS_HOTS": "redis"])
        #expect(loaded.lines == [
            "warning: FAYE_HTTPS_PROT: not a bayeux-edge variable; ignored (did you mean FAYE_HTTPS_PORT?) (from the environment)",
            "warning: REDIS_HOTS: not a bayeux-edge variable; ignored (did you mean REDIS_HOST?) (from the environment)",
        ])
    }

    @Test func unknownVariableFarFromAnyNameGetsNoSuggestion() {
        #expect(load(environment: ["FAYE_COLOUR": "blue"]).lines == [
            "warning: FAYE_COLOUR: not a bayeux-edge variable; ignored (from the environment)",
        ])
    }

    @Test func otherPeoplesVariablesAreLeftAlone() {
        #expect(load(environment: ["PATH": "/usr/bin", "HOME": "/root", "POSTGRES_PASSWORD": "x"]).problems.isEmpty)
    }
}
