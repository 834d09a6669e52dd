import Synchronization

extension ClientSession {
    enum EnqueueOutcome {
        case queued
        /// Queued into an empty queue while a listener is attached: tell it.
        case queuedForListener(any BayeuxListener)
        /// The queue is at its bound: the engine destroys the client.
        case full
        case destroyed
    }

    func enqueue(_ delivery: BayeuxDelivery, limit: Int) -> EnqueueOutcome {
        state.withLock { state in
            switch state.lifecycle {
            case .destroyed:
                return .destroyed
            case .alive:
                guard state.queue.count < limit else { return .full }
                state.queue.append(delivery)
                switch state.attachment {
                case .attached(let listener, _, _) where state.queue.count == 1:
                    return .queuedForListener(listener)
                case .attached, .none:
                    return .queued
                }
            }
        }
    }

    enum AttachOutcome {
        case attached(replacing: (any BayeuxListener)?)
        case destroyed
    }

    /// Binds `handle` and `listener`. The previous listener is returned to be told
    /// `replaced`, unless it is this same listener attaching again.
    func attach(_ handle: MemoryAttachment, listener: any BayeuxListener, mode: ListenerMode) -> AttachOutcome {
        state.withLock { state in
            switch state.lifecycle {
            case .destroyed:
                return .destroyed
            case .alive:
                let previous = state.attachment.listener
                state.attachment = .attached(listener, mode, handle: ObjectIdentifier(handle))
                return .attached(replacing: previous === listener ? nil : previous)
            }
        }
    }

    func detach(_ handle: MemoryAttachment) {
        state.withLock { state in
            if case .attached(_, _, ObjectIdentifier(handle)) = state.attachment {
                state.attachment = .none
            }
        }
    }

    /// Everything queued, if `handle` is the current attachment; a `.hold` attachment that
    /// gets messages ends in the same critical section.
    func drain(for handle: MemoryAttachment) -> [BayeuxDelivery] {
        state.withLock { state in
            guard case .attached(_, let mode, ObjectIdentifier(handle)) = state.attachment,
                  !state.queue.isEmpty
            else { return [] }
            var taken: [BayeuxDelivery] = []
            swap(&taken, &state.queue)
            switch mode {
            case .hold: state.attachment = .none
            case .push: break
            }
            return taken
        }
    }
}
