import Synchronization

extension MemoryEngine {
    /// Faye's per-client timer, run as a sweep: a client whose last handshake or connect is
    /// 2 × timeout old is destroyed (subscriptions and queue gone, listener closed).
    public func expireInactiveClients() {
        let now = clock.nowMilliseconds()
        let lifetime = configuration.sessionLifetimeMilliseconds
        for session in clients.allSessions()
        where !session.isAlive(now: now, lifetime: lifetime) && destroy(session) {
            expiredClients.add(1, ordering: .relaxed)
        }
    }
}
