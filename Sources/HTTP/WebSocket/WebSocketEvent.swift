/// One complete thing received from the peer: a whole (reassembled,
/// decompressed, validated) message or one control frame.
public enum WebSocketEvent: Hashable, Sendable {
    /// A text message; its bytes are valid UTF-8.
    case text([UInt8])
    case binary([UInt8])
    case ping([UInt8])
    case pong([UInt8])
    /// A close frame. `code` is nil when the frame had no payload (the peer
    /// gave no status, reported as 1005 by RFC 6455 §7.1.5); `reason` is
    /// valid UTF-8.
    case close(code: WebSocketCloseCode?, reason: [UInt8])
}
