import Synchronization

/// One client of the Memory engine. Its queue, listener and subscriptions are behind its own
/// lock, so deliveries to different clients never contend with each other.
final class ClientSession: Sendable {
    enum Lifecycle {
        case alive(lastPing: Int64)
        case destroyed
    }

    enum Attachment {
        case none
        /// `handle` identifies the `MemoryAttachment` the transport drains through.
        case attached(any BayeuxListener, ListenerMode, handle: ObjectIdentifier)
    }

    struct State {
        var lifecycle: Lifecycle
        var queue: [BayeuxDelivery] = []
        var attachment = Attachment.none
        var subscriptions: Set<String> = []
    }

    let id: String
    let state: Mutex<State>

    init(id: String, now: Int64) {
        self.id = id
        state = Mutex(State(lifecycle: .alive(lastPing: now)))
    }

    func isAlive(now: Int64, lifetime: Int64) -> Bool {
        state.withLock { state in
            switch state.lifecycle {
            case .alive(let lastPing): now - lastPing < lifetime
            case .destroyed: false
            }
        }
    }

    func ping(now: Int64) {
        state.withLock { state in
            switch state.lifecycle {
            case .alive: state.lifecycle = .alive(lastPing: now)
            case .destroyed: break
            }
        }
    }

    /// What destroying a session leaves for the engine to clean up outside the lock.
    struct Remains {
        let listener: (any BayeuxListener)?
        let subscriptions: Set<String>
        let droppedMessages: Int
    }

    /// Marks the session destroyed; nil if it already was.
    func end() -> Remains? {
        state.withLock { state in
            switch state.lifecycle {
            case .destroyed:
                return nil
            case .alive:
                let remains = Remains(
                    listener: state.attachment.listener,
                    subscriptions: state.subscriptions,
                    droppedMessages: state.queue.count)
                state = State(lifecycle: .destroyed)
                return remains
            }
        }
    }
}

extension ClientSession.Attachment {
    var listener: (any BayeuxListener)? {
        switch self {
        case .none: nil
        case .attached(let listener, _, _): listener
        }
    }
}
