import HTTP

/// The server's answer to a WebSocket upgrade request (RFC 6455 §4.2): 101 with the
/// accept key and the permessage-deflate agreement, or the error status.
struct WebSocketUpgrade {
    let response: HTTPResponse
    let deflate: PerMessageDeflateAgreement?

    /// No context takeover, ever: compression goes through one compressor per loop and an
    /// idle connection holds no zlib state.
    static let deflatePolicy = PerMessageDeflatePolicy(allowsContextTakeover: false)

    enum Answer {
        case accepted(WebSocketUpgrade)
        case refused(HTTPResponse)
    }

    static func answer(_ request: HTTPRequest) -> Answer {
        switch WebSocketHandshake.accept(key: request.headers[first: "Sec-WebSocket-Key"],
                                         version: request.headers[first: "Sec-WebSocket-Version"]) {
        case .failure(let error):
            var response = HTTPResponse.text(error.responseStatus, "Bad WebSocket handshake: \(error)\n")
            if error == .unsupportedVersion { response.headers.add("Sec-WebSocket-Version", WebSocketHandshake.version) }
            return .refused(response)
        case .success(let accept):
            let offers = request.headers.values(named: "Sec-WebSocket-Extensions")
            let deflate = PerMessageDeflateAgreement.negotiate(offers: offers, policy: deflatePolicy)
            var headers = HTTPHeaders()
            headers.add("Upgrade", "websocket")
            headers.add("Connection", "Upgrade")
            headers.add("Sec-WebSocket-Accept", accept)
            if let deflate { headers.add("Sec-WebSocket-Extensions", deflate.responseHeaderValue) }
            return .accepted(WebSocketUpgrade(response: HTTPResponse(status: 101, headers: headers), deflate: deflate))
        }
    }
}
