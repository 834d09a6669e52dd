/// A request method. Methods are case-sensitive (RFC 9110 §9.1): "get" is `.other("get")`.
public enum HTTPMethod: Sendable, Equatable, Hashable {
    case get, head, post, put, delete, options, patch, connect
    /// Any other token; never holds the name of one of the cases above when made by `init(_:)`.
    case other(String)

    public init(_ name: String) {
        switch name {
        case "GET": self = .get
        case "HEAD": self = .head
        case "POST": self = .post
        case "PUT": self = .put
        case "DELETE": self = .delete
        case "OPTIONS": self = .options
        case "PATCH": self = .patch
        case "CONNECT": self = .connect
        default: self = .other(name)
        }
    }

    /// The method as it appears on the wire.
    public var name: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .post: "POST"
        case .put: "PUT"
        case .delete: "DELETE"
        case .options: "OPTIONS"
        case .patch: "PATCH"
        case .connect: "CONNECT"
        case .other(let name): name
        }
    }
}
