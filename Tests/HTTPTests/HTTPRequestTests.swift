import HTTP
import Testing

struct HTTPRequestTests {
    @Test(arguments: [
        ("/faye?message=%5B%5D&jsonp=cb", "/faye", "message=%5B%5D&jsonp=cb"),
        ("/", "/", nil),
        ("/a%20b", "/a%20b", nil),
        ("/a?", "/a", ""),
        ("/a?b?c", "/a", "b?c"),
        ("http://host/p?q", "/p", "q"),
        ("HTTPS://host:8443", "/", nil),
        ("http://host?q", "/", "q"),
        ("*", "*", nil),
        ("example.com:443", "example.com:443", nil),
    ] as [(String, String, String?)])
    func pathAndQueryComeFromTheTarget(target: String, path: String, query: String?) {
        let request = HTTPRequest(method: .get, target: target, version: .http2, headers: HTTPHeaders())
        #expect(request.path == path)
        #expect(request.query == query)
        #expect(request.target == target)
    }

    @Test func methodNamesRoundTrip() {
        let methods: [HTTPMethod] = [.get, .head, .post, .put, .delete, .options, .patch, .connect, .other("PROPFIND")]
        #expect(methods.map { HTTPMethod($0.name) } == methods)
        #expect(HTTPMethod("Get") == .other("Get"))
    }

    @Test func reasonPhrases() {
        #expect(HTTPStatus.reason(200) == "OK")
        #expect(HTTPStatus.reason(301) == "Moved Permanently")
        #expect(HTTPStatus.reason(413) == "Content Too Large")
        #expect(HTTPStatus.reason(431) == "Request Header Fields Too Large")
        #expect(HTTPStatus.reason(505) == "HTTP Version Not Supported")
        #expect(HTTPStatus.reason(599) == "")
    }
}
