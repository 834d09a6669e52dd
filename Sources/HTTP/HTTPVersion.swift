/// The protocol version a request arrived with; responses on HTTP/1 always say HTTP/1.1
/// (RFC 9110 §6.2: a server sends the highest minor version it conforms to).
public enum HTTPVersion: Sendable, Equatable, Hashable {
    case http1_0
    case http1_1
    case http2
}
