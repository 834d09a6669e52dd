import Synchronization

extension MemoryEngine {
    public func subscribe(_ clientId: String, to channels: [String], _ completion: @escaping @Sendable () -> Void) {
        if let session = clients.session(clientId) {
            session.state.withLock { state in
                guard case .alive = state.lifecycle else { return }
                let added = channels.filter { state.subscriptions.insert($0).inserted }
                guard !added.isEmpty else { return }
                // Still under the client's lock, so a concurrent destroy cannot miss these entries.
                self.channels.withLock { index in
                    for channel in added {
                        index.add(session, to: channel)
                    }
                }
            }
        }
        completion()
    }

    public func unsubscribe(_ clientId: String, from channels: [String], _ completion: @escaping @Sendable () -> Void) {
        if let session = clients.session(clientId) {
            session.state.withLock { state in
                guard case .alive = state.lifecycle else { return }
                let removed = channels.filter { state.subscriptions.remove($0) != nil }
                guard !removed.isEmpty else { return }
                // Under the client's lock: a subscribe racing this one cannot interleave.
                self.channels.withLock { index in
                    for channel in removed {
                        index.remove(session, from: channel)
                    }
                }
            }
        }
        completion()
    }
}
