import Synchronization

/// Faye's Memory engine (`lib/faye/engines/memory.rb`) for one process, safe to call from
/// every loop thread. Everything completes synchronously on the calling thread.
///
/// Locks: the client table is sharded; the channel index has one lock, held only for map
/// updates and for copying out the subscriber lists a publish needs; each client's queue,
/// listener and subscriptions have their own lock. The only nesting is client → index
/// (subscribe and unsubscribe keep a client's set and the index in step); listeners are
/// always called with no lock held.
public final class MemoryEngine: BayeuxEngine {
    let configuration: BayeuxConfiguration
    let clock: any BayeuxClock
    let clients = ClientTable()
    let channels = Mutex(ChannelIndex())

    let queuedDeliveries = Atomic<Int>(0)
    let droppedMessages = Atomic<Int>(0)
    let overflowedClients = Atomic<Int>(0)
    let expiredClients = Atomic<Int>(0)

    public init(configuration: BayeuxConfiguration, clock: any BayeuxClock) {
        self.configuration = configuration
        self.clock = clock
    }

    public func createClient(_ completion: @escaping @Sendable (String) -> Void) {
        var generator = SystemRandomNumberGenerator()
        var session: ClientSession
        repeat {
            session = ClientSession(id: ClientIdGenerator.make(using: &generator), now: clock.nowMilliseconds())
        } while !clients.insert(session)
        completion(session.id)
    }

    /// Faye's Memory engine destroys a client exactly 2 × timeout after its last ping; the
    /// check is made here too so that the answer does not depend on when housekeeping runs.
    public func clientExists(_ clientId: String, _ completion: @escaping @Sendable (Bool) -> Void) {
        let exists = clients.session(clientId)?.isAlive(
            now: clock.nowMilliseconds(), lifetime: configuration.sessionLifetimeMilliseconds) ?? false
        completion(exists)
    }

    public func ping(_ clientId: String) {
        clients.session(clientId)?.ping(now: clock.nowMilliseconds())
    }

    public func destroyClient(_ clientId: String, _ completion: @escaping @Sendable () -> Void) {
        if let session = clients.session(clientId) {
            destroy(session)
        }
        completion()
    }

    public var statistics: BayeuxStatistics {
        var statistics = BayeuxStatistics()
        statistics.clients = clients.count
        statistics.subscriptions = channels.withLock { $0.subscriptionCount }
        statistics.queuedDeliveries = queuedDeliveries.load(ordering: .relaxed)
        statistics.droppedMessages = droppedMessages.load(ordering: .relaxed)
        statistics.overflowedClients = overflowedClients.load(ordering: .relaxed)
        statistics.expiredClients = expiredClients.load(ordering: .relaxed)
        return statistics
    }

    /// Removes the session everywhere and tells its listener. False if it was already gone
    /// (another thread destroyed it first).
    @discardableResult
    func destroy(_ session: ClientSession) -> Bool {
        guard let remains = session.end() else { return false }
        if !remains.subscriptions.isEmpty {
            channels.withLock { index in
                for channel in remains.subscriptions {
                    index.remove(session, from: channel)
                }
            }
        }
        clients.remove(session)
        droppedMessages.add(remains.droppedMessages, ordering: .relaxed)
        remains.listener?.clientClosed()
        return true
    }
}
