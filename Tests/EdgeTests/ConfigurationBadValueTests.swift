import Testing
@testable import Edge

/// Every value a person can get wrong, and the exact line they are shown.
@Suite struct ConfigurationBadValueTests {
    static let cases: [(variable: String, value: String, line: String)] = [
        ("FAYE_BIND", "localhost", #"FAYE_BIND: expected an IPv4 or IPv6 address such as 0.0.0.0 or ::, found "localhost""#),
        ("FAYE_HTTPS_PORT", "abc", #"FAYE_HTTPS_PORT: expected a port number 1-65535, found "abc""#),
        ("FAYE_HTTPS_PORT", "0", #"FAYE_HTTPS_PORT: expected a port number 1-65535, found "0""#),
        ("FAYE_HTTPS_PORT", "65536", #"FAYE_HTTPS_PORT: expected a port number 1-65535, found "65536""#),
        ("FAYE_HTTPS_PORT", " 443", #"FAYE_HTTPS_PORT: expected a port number 1-65535, found " 443""#),
        ("FAYE_HTTP_PORT", "-1", #"FAYE_HTTP_PORT: expected a port number 1-65535, or 0 to disable it, found "-1""#),
        ("FAYE_USE_SSL", "maybe", #"FAYE_USE_SSL: expected one of 1/0, on/off, true/false, yes/no, found "maybe""#),
        ("FAYE_SERVER_HOSTNAME", "https://example.com",
            #"FAYE_SERVER_HOSTNAME: expected a host name such as example.com (no scheme, port or path), found "https://example.com""#),
        ("FAYE_SERVER_HOSTNAME", "example.com:8443",
            #"FAYE_SERVER_HOSTNAME: expected a host name such as example.com (no scheme, port or path), found "example.com:8443""#),
        ("FAYE_WORKER_PROCESSES", "0", #"FAYE_WORKER_PROCESSES: expected a number of threads 1-1024, or auto, found "0""#),
        ("FAYE_WORKER_PROCESSES", "2000", #"FAYE_WORKER_PROCESSES: expected a number of threads 1-1024, or auto, found "2000""#),
        ("FAYE_WORKER_CONNECTIONS", "0", #"FAYE_WORKER_CONNECTIONS: expected a whole number 1 or more, found "0""#),
        ("FAYE_MAX_CONNECTIONS", "lots", #"FAYE_MAX_CONNECTIONS: expected a whole number 1 or more, found "lots""#),
        ("FAYE_MAX_CONNECTIONS", "99999999999999999999",
            #"FAYE_MAX_CONNECTIONS: expected a whole number 1 or more, found "99999999999999999999""#),
        ("FAYE_MAX_PERSISTENT_CONNECTIONS", "-1", #"FAYE_MAX_PERSISTENT_CONNECTIONS: expected a whole number 0 or more, found "-1""#),
        ("FAYE_SSL_PROTOCOLS", "TLSv1.2 TLSv1.4",
            #"FAYE_SSL_PROTOCOLS: unknown protocol "TLSv1.4"; expected names among SSLv2 SSLv3 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"#),
        ("FAYE_SSL_PROTOCOLS", "TLSv1.2,TLSv1.3",
            #"FAYE_SSL_PROTOCOLS: unknown protocol "TLSv1.2,TLSv1.3"; expected names among SSLv2 SSLv3 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"#),
        ("FAYE_SSL_PREFER_SERVER_CIPHERS", "2",
            #"FAYE_SSL_PREFER_SERVER_CIPHERS: expected one of 1/0, on/off, true/false, yes/no, found "2""#),
        ("FAYE_MOUNT", "faye", #"FAYE_MOUNT: expected a path starting with "/" (no spaces, ? or #), found "faye""#),
        ("FAYE_MOUNT", "/fa ye", #"FAYE_MOUNT: expected a path starting with "/" (no spaces, ? or #), found "/fa ye""#),
        ("FAYE_MOUNT", "/faye?x=1", #"FAYE_MOUNT: expected a path starting with "/" (no spaces, ? or #), found "/faye?x=1""#),
        ("FAYE_MOUNT", "/metrics", "FAYE_MOUNT: /metrics would hide the server's own /metrics"),
        ("FAYE_MOUNT", "/healthz/faye", "FAYE_MOUNT: /healthz/faye would hide the server's own /healthz"),
        ("FAYE_TIMEOUT", "0", #"FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "0""#),
        ("FAYE_TIMEOUT", "-5", #"FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "-5""#),
        ("FAYE_TIMEOUT", "soon", #"FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "soon""#),
        ("FAYE_TIMEOUT", "nan", #"FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "nan""#),
        ("FAYE_TIMEOUT", "1e300", #"FAYE_TIMEOUT: expected a number of seconds greater than 0 and at most 86400, found "1e300""#),
        ("FAYE_TAG", "a\tb", #"FAYE_TAG: expected a name without control characters, found "a\tb""#),
        ("REDIS_HOST", "redis://redis:6379",
            #"REDIS_HOST: expected a host name or address (no scheme, port or path), found "redis://redis:6379""#),
        ("REDIS_PORT", "0", #"REDIS_PORT: expected a port number 1-65535, found "0""#),
        ("FAYE_REDIS_DATABASE", "-1", #"FAYE_REDIS_DATABASE: expected a database number 0 or more, found "-1""#),
        ("FAYE_REDIS_DATABASE", "six", #"FAYE_REDIS_DATABASE: expected a database number 0 or more, found "six""#),
    ]

    @Test(arguments: cases)
    func badValueIsFatalAndNamesVariableExpectationAndSource(variable: String, value: String, line: String) {
        // Redis values are only read with a Redis host; a host of its own is the case itself.
        var environment = ["REDIS_HOST": "redis"]
        environment[variable] = value
        let loaded = load(environment: environment)
        let wanted = "fatal: \(line) (from the environment)"
        #expect(loaded.lines.contains(wanted), "\(loaded.lines)")
        #expect(loaded.problems.filter { $0.severity == .fatal }.count == 1)
    }

    @Test(arguments: cases)
    func badValueFallsBackToTheDefaultSoTheRestCanBeChecked(variable: String, value: String, line: String) {
        let loaded = load(environment: [variable: value])
        #expect(loaded.configuration.listening == defaultConfiguration.listening)
        #expect(loaded.configuration.tls == defaultConfiguration.tls)
        #expect(loaded.configuration.bayeux == defaultConfiguration.bayeux)
        #expect(loaded.configuration.tag == defaultConfiguration.tag)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let loaded = load(environment: ["FAYE_HTTPS_PORT": "abc", "FAYE_MOUNT": "faye", "FAYE_TIMEOUT": "0", "FAYE_USE_SSL": "?"])
        #expect(loaded.problems.filter { $0.severity == .fatal }.map(\.variable) == [
            "FAYE_USE_SSL", "FAYE_HTTPS_PORT", "FAYE_MOUNT", "FAYE_TIMEOUT",
        ])
    }
}
