/// The services allowed to publish (config.md, "Publisher tokens"): name → origin and token.
/// Immutable; a reload builds a new value and the server swaps it in.
public struct PublisherTokens: Sendable {
    struct Service: Sendable {
        let origin: Origin
        let token: [UInt8]
    }

    let services: [String: Service]

    /// The service names, sorted (for start-up and reload logs).
    public var serviceNames: [String] { services.keys.sorted() }

    /// Whether a publish claiming `service` with `token`, carried by a request from
    /// `origin`, may go through; the reason if not. Checks in config.md's order: service,
    /// token (in constant time), origin.
    func refusal(service: String, token: [UInt8], origin: Origin?) -> PublishRefusal? {
        guard let entry = services[service] else { return .unknownService }
        guard ConstantTime.equals(token, entry.token) else { return .invalidToken }
        guard let origin, origin == entry.origin else { return .originMismatch }
        return nil
    }
}
