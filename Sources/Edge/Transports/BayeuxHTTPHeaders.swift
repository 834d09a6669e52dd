import HTTP

/// The headers Faye's Rack adapter puts on Bayeux answers (protocol.md §8).
enum BayeuxHTTPHeaders {
    static let json = "application/json; charset=utf-8"
    static let javascript = "text/javascript; charset=utf-8"

    /// Every Bayeux 200: no caching, no sniffing, and CORS only when the request had an Origin.
    static func reply(contentType: String, origin: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("Cache-Control", "no-cache, no-store")
        headers.add("X-Content-Type-Options", "nosniff")
        if let origin {
            headers.add("Access-Control-Allow-Origin", origin)
            headers.add("Access-Control-Allow-Credentials", "true")
        }
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
