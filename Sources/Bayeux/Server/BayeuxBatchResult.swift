/// The outcome of one batch.
public struct BayeuxBatchResult: Sendable {
    /// Encoded reply objects in the order they completed, the accepted connect excluded.
    public var replies: [[UInt8]]
    /// The batch's accepted `/meta/connect`, which the transport holds or answers. Its reply
    /// goes after `replies` (Faye completes a held connect last). A second accepted connect
    /// in the same batch is answered at once among `replies`.
    public var connect: AcceptedConnect?

    public init(replies: [[UInt8]], connect: AcceptedConnect?) {
        self.replies = replies
        self.connect = connect
    }
}

/// An accepted `/meta/connect`: the client exists and has been pinged.
public struct AcceptedConnect: Sendable {
    public let clientId: String
    /// The encoded connect reply, advice included.
    public let reply: [UInt8]
    /// Seconds to hold the connect: the client's `advice.timeout` / 1000 when it sent a number
    /// (0 included; negative counts as 0), else the server's timeout; 0 for eventsource.
    public let hold: Double
    public let connectionType: ConnectionType
}
