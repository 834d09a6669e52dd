/// The frame types of RFC 6455 §5.2; the other values of the 4-bit field are
/// reserved and fail the connection.
public enum WebSocketOpcode: UInt8, Sendable {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    /// Control frames (close, ping, pong) may not be fragmented, carry at most
    /// 125 bytes and may arrive between the fragments of a message.
    public var isControl: Bool { rawValue & 0x8 != 0 }
}
