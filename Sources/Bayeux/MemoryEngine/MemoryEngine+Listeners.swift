extension MemoryEngine {
    public func attach(_ listener: any BayeuxListener, to clientId: String,
                       mode: ListenerMode) -> (any BayeuxAttachment)? {
        guard let session = clients.session(clientId) else { return nil }
        let attachment = MemoryAttachment(session: session)
        switch session.attach(attachment, listener: listener, mode: mode) {
        case .destroyed:
            return nil
        case .attached(let replaced):
            replaced?.replaced()
            return attachment
        }
    }
}

/// The Memory engine's attachment: the session itself, so draining costs one lock.
final class MemoryAttachment: BayeuxAttachment {
    let session: ClientSession

    init(session: ClientSession) {
        self.session = session
    }

    func drain(_ completion: @escaping @Sendable ([BayeuxDelivery]) -> Void) {
        completion(session.drain(for: self))
    }

    func detach() {
        session.detach(self)
    }
}
