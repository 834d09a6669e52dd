/// The protocol spoken on a connection once bytes are in clear text: HTTP/1.1, then
/// possibly WebSocket after an upgrade (and HTTP/2 when ALPN picks it).
///
/// Loop-confined, like the connection that owns it.
protocol ConnectionHandler: AnyObject {
    /// Clear-text bytes as they arrived; the buffer is borrowed for the call only.
    func received(_ bytes: UnsafeRawBufferPointer)
    /// The connection closed (peer, error, deadline or shutdown); release what is held.
    func connectionClosed()
    /// The server is draining (SIGTERM): finish what is in flight, then close.
    func drain()
}
