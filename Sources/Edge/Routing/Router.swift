import HTTP

/// Decides who answers a request: health, metrics, the https redirect, Bayeux under
/// the mount, the conformance echo endpoint, or 404.
enum Router {
    static func route(_ exchange: HTTPExchange, port: ListenerPort, state: EdgeState) {
        let request = exchange.request
        let path = request.path
        let configuration = state.configuration
        if path == "/healthz" {
            exchange.respond(state.isDraining ? .text(503, "draining\n") : .text(200, "ok\n"))
            return
        }
        if port == .redirect {
            exchange.respond(redirectToHTTPS(request, configuration: configuration))
            return
        }
        if path == "/metrics" {
            exchange.respond(.text(200, state.renderMetrics(), headers: [("Content-Type", "text/plain; version=0.0.4")]))
            return
        }
        if isUnderMount(path, mount: configuration.bayeux.mount) {
            BayeuxHTTPTransport.handle(exchange, state: state)
            return
        }
        if let echo = configuration.webSocketEchoPath, path == echo {
            WebSocketEcho.accept(exchange, state: state)
            return
        }
        // Faye's Rack adapter says the same when nothing else answers.
        exchange.respond(.text(404, "Sure you're not looking for \(configuration.bayeux.mount) ?\n"))
    }

    /// Faye's rule: the mount itself, anything below it, or the mount plus an extension (`/faye.js`).
    static func isUnderMount(_ path: String, mount: String) -> Bool {
        guard path.hasBytePrefix(mount) else { return false }
        let rest = path.utf8.dropFirst(mount.utf8.count)
        guard let next = rest.first else { return true }
        return next == UInt8(ascii: "/") || next == UInt8(ascii: ".")
    }

    /// `301` to the same target on https, naming FAYE_SERVER_HOSTNAME or else the host the client asked for.
    static func redirectToHTTPS(_ request: HTTPRequest, configuration: Configuration) -> HTTPResponse {
        let host = configuration.listening.serverHostname ?? hostWithoutPort(request.headers[first: "Host"]) ?? "localhost"
        let httpsPort = configuration.listening.httpsPort ?? 443
        let port = httpsPort == 443 ? "" : ":\(httpsPort)"
        let target = request.target.hasPrefix("/") ? request.target : "/"
        let location = "https://\(host)\(port)\(target)"
        return .text(301, "Moved Permanently: \(location)\n", headers: [("Location", location)])
    }

    /// The Host header's name part, if it is a plain host name or address literal
    /// (anything else must not end up in a Location header).
    private static func hostWithoutPort(_ host: String?) -> String? {
        guard let host, !host.isEmpty,
              host.utf8.allSatisfy({ isHostByte($0) }) else { return nil }
        if host.hasPrefix("[") {
            guard let end = host.firstIndex(of: "]") else { return nil }
            return String(host[...end])
        }
        return String(host.split(separator: ":", maxSplits: 1).first ?? "")
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
             UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"): true
        default: false
        }
    }
}
