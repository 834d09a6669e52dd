@testable import Bayeux
import Testing

private func parse(_ json: String) throws(PublisherTokensError) -> PublisherTokens {
    try PublisherTokens(json: Array(json.utf8))
}

private func failure(_ json: String) -> PublisherTokensError? {
    do {
        _ = try parse(json)
        return nil
    } catch {
        return error
    }
}

@Suite struct PublisherTokensTests {
    @Test func readsTheConfigExample() throws {
        let tokens = try parse("""
            {
              "MyServiceOne": { "origin": "http://localhost:3000", "auth_token": "secret-one" },
              "MyServiceTwo": { "origin": "http://localhost:4000", "auth_token": "secret-two", "note": "ignored" }
            }
            """)
        #expect(tokens.serviceNames == ["MyServiceOne", "MyServiceTwo"])
        #expect(tokens.refusal(service: "MyServiceOne", token: Array("secret-one".utf8), origin: Origin("http://LOCALHOST:3000")) == nil)
        #expect(tokens.refusal(service: "MyServiceTwo", token: Array("secret-one".utf8), origin: Origin("http://localhost:4000")) == .invalidToken)
        #expect(tokens.refusal(service: "MyServiceTwo", token: Array("secret-two".utf8), origin: Origin("http://localhost:3000")) == .originMismatch)
        #expect(tokens.refusal(service: "Other", token: Array("secret-two".utf8), origin: Origin("http://localhost:4000")) == .unknownService)
        #expect(try parse("{}").serviceNames.isEmpty)
    }

    @Test func decodesEscapedTokens() throws {
        let tokens = try parse(#"{"S":{"origin":"https://a.example","auth_token":"t\u00e9\"x"}}"#)
        #expect(tokens.refusal(service: "S", token: Array("té\"x".utf8), origin: Origin("https://a.example")) == nil)
    }

    @Test(arguments: [
        ("{\n  \"S\": {\"origin\": \"https://a\", \"auth_token\": \"top-secret\",}\n}", 2, 59, "not valid JSON: unexpected character"),
        ("[]", 1, 1, "expected an object of services"),
        (#"{"S": "top-secret"}"#, 1, 7, #"service "S": expected an object with "origin" and "auth_token""#),
        (#"{"S": {"auth_token": "top-secret"}}"#, 1, 7, #"service "S": missing "origin""#),
        (#"{"S": {"origin": "https://a"}}"#, 1, 7, #"service "S": missing "auth_token""#),
        (#"{"S": {"origin": "https://a", "auth_token": ""}}"#, 1, 45, #"service "S": auth_token must be a non-empty string"#),
        (#"{"S": {"origin": "https://a", "auth_token": 123456}}"#, 1, 45, #"service "S": auth_token must be a non-empty string"#),
        (#"{"S": {"origin": "https://a/path", "auth_token": "top-secret"}}"#, 1, 18, #"service "S": origin must be a string like https://host or http://host:port (no path)"#),
        ("{\"S\": {\"origin\": \"https://a\", \"auth_token\": \"top-secret\"},\n \"S\": {}}", 2, 2, #"service "S": appears twice"#),
        ("{\"é\": 1,\n\"x\": \"top-secret\t\"}", 2, 17, "not valid JSON: unescaped control character in a string"),
    ])
    func errorsGiveLineAndColumnButNeverTheToken(json: String, line: Int, column: Int, problem: String) throws {
        let error = try #require(failure(json))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.problem == problem)
        #expect(!error.description.contains("top-secret"))
        #expect(error.description == "line \(line), column \(column): \(problem)")
    }

    @Test func constantTimeComparison() {
        let secret = Array("s3cret-token".utf8)
        #expect(ConstantTime.equals(secret, secret))
        #expect(!ConstantTime.equals(Array("s3cret-tokeN".utf8), secret))
        #expect(!ConstantTime.equals(Array("X3cret-token".utf8), secret))
        #expect(!ConstantTime.equals(Array("s3cret".utf8), secret))
        #expect(!ConstantTime.equals(Array("s3cret-token\0".utf8), secret))
        #expect(!ConstantTime.equals([], secret))
        #expect(!ConstantTime.equals(secret + secret, secret))
        // A guess whose missing tail is NUL bytes still differs by length.
        #expect(!ConstantTime.equals([0x61], [0x61, 0x00]))
    }
}

@Suite struct OriginTests {
    @Test(arguments: [
        ("https://Example.COM", "https://example.com"), ("HTTPS://example.com:443", "https://example.com"),
        ("http://example.com:80", "http://example.com"), ("http://example.com:443", "http://example.com:443"),
        ("https://example.com:80", "https://example.com:80"), ("http://localhost:03000", "http://localhost:3000"),
        ("http://[::1]:8080", "http://[::1]:8080"), ("http://[FE80::1]", "http://[fe80::1]"),
        ("chrome-extension://abc", "chrome-extension://abc"),
    ])
    func normalises(text: String, canonical: String) throws {
        #expect(try #require(Origin(text)).description == canonical)
    }

    @Test(arguments: [
        "null", "", "example.com", "https://", "https://example.com/", "https://example.com/path", "https://u@example.com",
        "https://example.com:", "https://example.com:65536", "https://example.com:x", "https://example.com?q", "1http://a",
        "https://exa mple.com", "http://[::1", "http://[::1]x", "https://bücher.example",
    ])
    func rejects(text: String) {
        #expect(Origin(text) == nil)
    }
}
