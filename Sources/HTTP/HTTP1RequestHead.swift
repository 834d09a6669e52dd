/// A parsed request line and header section whose body has yet to arrive.
struct HTTP1RequestHead: Sendable {
    let method: HTTPMethod
    let target: String
    let version: HTTPVersion
    let headers: HTTPHeaders
    let controlFields: HTTP1ControlFields

    /// The request with its body. For an absolute-form target the target's authority
    /// replaces Host (RFC 9112 §3.2.2), so routing and redirects see one host.
    func makeRequest(body: [UInt8]) -> HTTPRequest {
        var headers = headers
        if let authority = RequestTarget.authority(ofAbsoluteForm: target) {
            headers.replaceOrAdd("Host", authority)
        }
        return HTTPRequest(
            method: method,
            target: target,
            version: version,
            headers: headers,
            body: body,
            keepAlive: keepAlive,
            isUpgradeToWebSocket: isUpgradeToWebSocket
        )
    }

    /// HTTP/1.1 persists unless closed; HTTP/1.0 only when asked (RFC 9112 §9.3).
    private var keepAlive: Bool {
        switch version {
        case .http1_1, .http2: !controlFields.hasConnectionClose
        case .http1_0: controlFields.hasConnectionKeepAlive && !controlFields.hasConnectionClose
        }
    }

    /// RFC 6455 §4.2.1; Upgrade in an HTTP/1.0 request is ignored (RFC 9110 §7.8).
    private var isUpgradeToWebSocket: Bool {
        version == .http1_1 && method == .get
            && controlFields.hasConnectionUpgrade && controlFields.isUpgradeToWebSocketOffered
    }

    /// The client waits for "100 Continue" before sending the body (RFC 9110 §10.1.1);
    /// the expectation is ignored in HTTP/1.0 requests.
    var expectsContinue: Bool {
        version == .http1_1 && controlFields.expectsContinue
    }
}
