import Testing
@testable import Edge

@Suite struct ConfigurationEngineTests {
    static let noRedisEngineYet = "warning: REDIS_HOST: this build has no Redis engine yet: sessions and subscriptions stay in this process"

    @Test func noRedisHostMeansTheMemoryEngine() {
        #expect(load().configuration.engine == .memory)
    }

    @Test func redisHostSelectsRedisWithItsSettings() {
        let loaded = load(environment: [
            "REDIS_HOST": "redis", "REDIS_PORT": "6380", "REDIS_REQUIREPASS": "s3cret", "FAYE_REDIS_DATABASE": "6",
            "FAYE_REDIS_NAMESPACE": "edge",
        ])
        #expect(loaded.configuration.engine == .redis(RedisSettings(
            host: "redis", port: 6380, password: "s3cret", database: 6, namespace: "edge")))
        #expect(loaded.lines == [Self.noRedisEngineYet])
    }

    @Test func redisDefaults() {
        #expect(load(environment: ["REDIS_HOST": "10.0.0.5"]).configuration.engine == .redis(RedisSettings(
            host: "10.0.0.5", port: 6379, password: nil, database: 0, namespace: "")))
    }

    @Test(arguments: ["my_project_redis_1", "redis.internal", "::1", "127.0.0.1"])
    func dockerServiceNamesAndAddressesAreHosts(host: String) {
        #expect(load(environment: ["REDIS_HOST": host]).configuration.engine.redis?.host == host)
    }

    @Test func redisSettingsWithoutAHostAreNoted() {
        let loaded = load(environment: ["REDIS_PORT": "6380", "REDIS_REQUIREPASS": "s3cret"])
        #expect(loaded.configuration.engine == .memory)
        #expect(loaded.lines == [
            "info: REDIS_HOST: not set: using the in-memory engine, so REDIS_PORT, REDIS_REQUIREPASS have no effect",
        ])
    }

    @Test func passwordGivenAsAFlagIsAWarningThatNeverQuotesIt() {
        let loaded = load(["--redis-host", "redis", "--redis-requirepass", "s3cret"])
        #expect(loaded.configuration.engine.redis?.password == "s3cret")
        #expect(loaded.lines == [
            Self.noRedisEngineYet,
            "warning: REDIS_REQUIREPASS: given as --redis-requirepass, where every user of this machine can read it"
                + " in the process list; set it in the environment or the --env-file instead",
        ])
        #expect(!ConfigurationReport.checkConfiguration(loaded).contains("s3cret"))
    }
}
