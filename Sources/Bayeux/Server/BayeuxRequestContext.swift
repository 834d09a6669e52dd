/// What the transport knows about the request that carried a batch.
public struct BayeuxRequestContext: Sendable {
    /// The `Origin` header of the HTTP request, or of the WebSocket upgrade request, in
    /// canonical form, parsed once: a WebSocket keeps one context for all its frames, so a
    /// publisher's origin is not parsed again for every publish.
    let canonicalOrigin: Origin?
    /// How the batch arrived. `.inProcess` marks a local client (protocol.md §1).
    public var transport: ConnectionType

    public init(origin: String?, transport: ConnectionType) {
        self.canonicalOrigin = origin.flatMap(Origin.init)
        self.transport = transport
    }

    var isLocal: Bool { transport == .inProcess }
}
