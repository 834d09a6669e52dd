import HTTP

/// The headers Faye's Rack adapter puts on Bayeux answers (protocol.md §8).
enum BayeuxHTTPHeaders {
    /// The headers of every Bayeux 200, by body type: no caching, no sniffing. Made once;
    /// a reply without an Origin shares them rather than building its own.
    static let json = common(contentType: "application/json; charset=utf-8")
    static let javascript = common(contentType: "text/javascript; charset=utf-8")

    /// `base` with CORS added when the request had an Origin.
    static func reply(_ base: HTTPHeaders, origin: String?) -> HTTPHeaders {
        guard let origin else { return base }
        var headers = base
        headers.add("Access-Control-Allow-Origin", origin)
        headers.add("Access-Control-Allow-Credentials", "true")
        return headers
    }

    private static func common(contentType: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("Cache-Control", "no-cache, no-store")
        headers.add("X-Content-Type-Options", "nosniff")
        return headers
    }

    /// The answer to a CORS preflight (any OPTIONS, or a request carrying
    /// `Access-Control-Request-Method: POST`).
    static func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        let origin = request.headers[first: "Origin"] ?? request.headers[first: "Referer"] ?? "*"
        headers.add("Access-Control-Allow-Origin", origin)
        headers.add("Access-Control-Allow-Credentials", "true")
        headers.add("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Pragma, X-Requested-With")
        headers.add("Access-Control-Allow-Methods", "POST, GET")
        headers.add("Access-Control-Max-Age", "86400")
        return HTTPResponse(status: 200, headers: headers, body: [])
    }

    static func badRequest() -> HTTPResponse {
        .text(400, "Bad request")
    }
}
