/// What the server is willing to agree to for permessage-deflate.
public struct PerMessageDeflatePolicy: Hashable, Sendable {
    /// Whether either side may keep its LZ77 window from one message to the
    /// next. Off (the default), the server answers server_no_context_takeover
    /// and client_no_context_takeover, which RFC 7692 §7.1.1 lets it impose
    /// on any offer: no connection then keeps zlib memory while idle. On, the
    /// client's own requests are honoured and a connection that has used
    /// compression keeps its windows (up to about 300 KiB at 15 bits).
    public var allowsContextTakeover: Bool
    /// The largest LZ77 window the server compresses with (8...15).
    public var serverMaxWindowBits: Int
    /// The largest window clients are asked to compress with, for clients
    /// that announce client_max_window_bits (8...15).
    public var clientMaxWindowBits: Int

    public init(allowsContextTakeover: Bool = false, serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15) {
        precondition((8...15).contains(serverMaxWindowBits), "server_max_window_bits outside 8...15")
        precondition((8...15).contains(clientMaxWindowBits), "client_max_window_bits outside 8...15")
        self.allowsContextTakeover = allowsContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }
}
