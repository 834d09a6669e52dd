import IO

/// A `wss://` or `https://` URL with a literal IP address: where the load goes. Host
/// names are not resolved; the benchmark only talks to loopback addresses.
struct BenchURL: CustomStringConvertible {
    let host: String
    let port: UInt16
    let path: String
    let address: SocketAddress

    init(_ text: String) throws(UsageError) {
        let rest: Substring
        if text.hasPrefix("wss://") {
            rest = text.dropFirst(6)
        } else if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else {
            throw UsageError("\(text): expected a wss:// or https:// URL")
        }
        let authority = rest.prefix { $0 != "/" }
        path = rest.count > authority.count ? String(rest.dropFirst(authority.count)) : "/"
        guard let colon = authority.lastIndex(of: ":"), let port = UInt16(authority[authority.index(after: colon)...]) else {
            throw UsageError("\(text): expected host:port with a port number")
        }
        host = String(authority[..<colon])
        self.port = port
        guard let address = SocketAddress(host: host, port: port) else {
            throw UsageError("\(text): the host must be an IP address (the benchmark resolves no names)")
        }
        self.address = address
    }

    /// The Host header value.
    var authority: String { "\(host):\(port)" }

    var description: String { "\(host):\(port)\(path)" }
}
