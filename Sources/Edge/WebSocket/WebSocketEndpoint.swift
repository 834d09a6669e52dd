/// What runs on a WebSocket once it is open: Bayeux, or the conformance echo.
///
/// Loop-confined, like the socket.
protocol WebSocketEndpoint: AnyObject {
    func received(text: [UInt8], on socket: WebSocketConnection)
    func received(binary: [UInt8], on socket: WebSocketConnection)
    /// The socket is gone (closed by either side, or cut off); release what is held.
    func socketClosed()
    /// SIGTERM: finish what is in flight and close the socket with 1001.
    func drain(_ socket: WebSocketConnection)
}
