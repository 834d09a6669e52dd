/// Why a request was refused; each case maps to the status the peer gets before the
/// connection is closed (the parser cannot find the next request after any of them).
public enum HTTP1ParseError: Error, Sendable, Equatable {
    /// Malformed syntax or framing; the text says what, for the logs.
    case badRequest(String)
    case headersTooLarge
    case bodyTooLarge
    case unsupportedTransferEncoding
    case unsupportedVersion

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .unsupportedTransferEncoding: 501
        case .unsupportedVersion: 505
        }
    }
}
