/// A complete request as the router sees it, whichever HTTP version carried it:
/// the HTTP/1.1 parser and the HTTP/2 layer both produce this type.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    /// The request-target as received ("/faye?message=...", "*", "http://host/p").
    public var target: String
    /// The target's path, up to '?', not percent-decoded ("/" for an absolute-form target without one).
    public var path: String
    /// What follows the first '?', raw; nil when there is no '?'.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Whether the connection stays open after the response (always true on HTTP/2).
    public var keepAlive: Bool
    /// An HTTP/1.1 `GET` with `Connection: upgrade` and `Upgrade: websocket`, or on HTTP/2
    /// an extended CONNECT for websocket (RFC 8441).
    public var isUpgradeToWebSocket: Bool

    /// Derives `path` and `query` from `target`.
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion,
        headers: HTTPHeaders,
        body: [UInt8] = [],
        keepAlive: Bool = true,
        isUpgradeToWebSocket: Bool = false
    ) {
        self.method = method
        self.target = target
        (path, query) = RequestTarget.pathAndQuery(of: target)
        self.version = version
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
        self.isUpgradeToWebSocket = isUpgradeToWebSocket
    }
}
