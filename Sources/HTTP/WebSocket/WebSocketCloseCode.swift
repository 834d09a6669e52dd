/// A close status code (RFC 6455 §7.4). A struct rather than an enum because
/// applications may use any code in 3000-4999 and one value must have one
/// spelling: `WebSocketCloseCode(rawValue: 1000) == .normal`.
public struct WebSocketCloseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let normal = WebSocketCloseCode(rawValue: 1000)
    public static let goingAway = WebSocketCloseCode(rawValue: 1001)
    public static let protocolError = WebSocketCloseCode(rawValue: 1002)
    public static let unsupportedData = WebSocketCloseCode(rawValue: 1003)
    public static let invalidPayload = WebSocketCloseCode(rawValue: 1007)
    public static let policyViolation = WebSocketCloseCode(rawValue: 1008)
    public static let messageTooBig = WebSocketCloseCode(rawValue: 1009)
    public static let mandatoryExtension = WebSocketCloseCode(rawValue: 1010)
    public static let internalError = WebSocketCloseCode(rawValue: 1011)

    /// Whether the code may appear in a close frame. 1004 is reserved,
    /// 1005/1006/1015 are reserved for reporting and never sent, 0-999 and
    /// 1016-2999 are unassigned; 1012-1014 (service restart, try again later,
    /// bad gateway) were registered with IANA after the RFC and are allowed,
    /// as browsers and most servers do.
    public var isValidOnWire: Bool {
        switch rawValue {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }

    public var description: String { String(rawValue) }
}
