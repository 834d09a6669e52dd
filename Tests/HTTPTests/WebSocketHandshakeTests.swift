import Testing
@testable import HTTP

@Suite("WebSocket opening handshake")
struct WebSocketHandshakeTests {
    @Test("RFC 6455 §1.3 example key")
    func rfcExample() {
        #expect(WebSocketHandshake.accept(key: "dGhlIHNhbXBsZSBub25jZQ==", version: "13") == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test("surrounding whitespace is not part of the values")
    func whitespace() {
        #expect(WebSocketHandshake.accept(key: " dGhlIHNhbXBsZSBub25jZQ==\t", version: " 13 ") == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test("version other than 13, or none: 426", arguments: [nil, "", "8", "12", "14", "13, 8", "013"] as [String?])
    func unsupportedVersion(version: String?) {
        let result = WebSocketHandshake.accept(key: "dGhlIHNhbXBsZSBub25jZQ==", version: version)
        #expect(result == .failure(.unsupportedVersion))
        #expect(WebSocketHandshakeError.unsupportedVersion.responseStatus == 426)
    }

    @Test("no key: 400")
    func missingKey() {
        #expect(WebSocketHandshake.accept(key: nil, version: "13") == .failure(.missingKey))
        #expect(WebSocketHandshakeError.missingKey.responseStatus == 400)
    }

    @Test("key that is not base64 of 16 bytes: 400", arguments: [
        "", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZXM=",
        "dGhlIHNhbXBsZSBub25jZQ=!", "dGhlIHNhbXBsZSBub2 5jZQ==", "dGhlIHNhbXBsZSBub25jZ===", "the sample nonce",
    ])
    func invalidKey(key: String) {
        #expect(WebSocketHandshake.accept(key: key, version: "13") == .failure(.invalidKey))
        #expect(WebSocketHandshakeError.invalidKey.responseStatus == 400)
    }

    @Test("any 16-byte key is accepted and answered with base64 of a SHA-1")
    func randomKeys() throws {
        for seed in 0..<50 {
            let key = WebSocketBase64.encode(pseudoRandomBytes(count: 16, seed: UInt64(seed)))
            let accept = try WebSocketHandshake.accept(key: key, version: "13").get()
            #expect(WebSocketBase64.decode(accept)?.count == 20)
        }
    }

    @Test("base64 test vectors of RFC 4648 §10", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func base64Vectors(plain: String, encoded: String) {
        #expect(WebSocketBase64.encode(Array(plain.utf8)) == encoded)
        #expect(WebSocketBase64.decode(encoded) == Array(plain.utf8))
    }

    @Test("base64 round trip of every byte value")
    func base64AllBytes() {
        let bytes = (0...255).map { UInt8($0) }
        for length in 0...bytes.count where length % 17 == 0 || length < 5 {
            let slice = Array(bytes[..<length])
            #expect(WebSocketBase64.decode(WebSocketBase64.encode(slice)) == slice)
        }
        #expect(WebSocketBase64.encode([0xFB, 0xFF, 0xBF]) == "+/+/")
    }

    @Test("malformed base64 is refused", arguments: ["Zg=", "Zg", "Z===", "====", "Zm9v=mFy", "Zm9-", "Zg==Zg=="])
    func base64Malformed(text: String) {
        #expect(WebSocketBase64.decode(text) == nil)
    }
}
