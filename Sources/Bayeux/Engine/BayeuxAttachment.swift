/// A listener's binding to one client, made by `attach`. The per-message operations go
/// through it, so they need no lookup by client id. Once the binding has ended (detached,
/// replaced by a newer attachment, client destroyed) its operations do nothing.
public protocol BayeuxAttachment: AnyObject, Sendable {
    /// Takes everything queued, in order, while this attachment is the client's current one
    /// (else nothing). A `.hold` attachment that receives messages ends in the same step, so
    /// nothing arriving afterwards can be lost with it: it waits for the next connect.
    func drain(_ completion: @escaping @Sendable ([BayeuxDelivery]) -> Void)
    /// Ends the binding (hold timer fired, socket closed); queued messages stay queued.
    func detach()
}
