import Synchronization

/// Collects a batch's replies in the order they complete (handlers may finish on engine
/// threads) and calls the completion once, when the last one is in.
final class ReplyGatherer: Sendable {
    private struct State {
        var remaining: Int
        var replies: [[UInt8]] = []
        var connect: AcceptedConnect?
    }

    private let state: Mutex<State>
    private let completion: @Sendable (BayeuxBatchResult) -> Void

    init(expecting count: Int, completion: @escaping @Sendable (BayeuxBatchResult) -> Void) {
        state = Mutex(State(remaining: count))
        self.completion = completion
    }

    func add(_ reply: [UInt8]) {
        finishOne { $0.replies.append(reply) }
    }

    /// The first accepted connect is the one the transport holds; any further one in the
    /// same batch is answered right away with the other replies.
    func add(_ connect: AcceptedConnect) {
        finishOne { state in
            if state.connect == nil {
                state.connect = connect
            } else {
                state.replies.append(connect.reply)
            }
        }
    }

    private func finishOne(_ record: (inout State) -> Void) {
        let result: BayeuxBatchResult? = state.withLock { state in
            record(&state)
            state.remaining -= 1
            guard state.remaining == 0 else { return nil }
            return BayeuxBatchResult(replies: state.replies, connect: state.connect)
        }
        if let result {
            completion(result)
        }
    }
}
