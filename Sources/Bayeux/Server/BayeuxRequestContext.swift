/// What the transport knows about the request that carried a batch.
public struct BayeuxRequestContext: Sendable {
    /// The `Origin` header of the HTTP request, or of the WebSocket upgrade request.
    public var origin: String?
    /// How the batch arrived. `.inProcess` marks a local client (protocol.md §1).
    public var transport: ConnectionType

    public init(origin: String?, transport: ConnectionType) {
        self.origin = origin
        self.transport = transport
    }

    var isLocal: Bool { transport == .inProcess }
}
