import Bayeux
import Synchronization

/// Records what the engine tells a connection.
final class FakeListener: BayeuxListener {
    enum Event: Equatable {
        case messagesAvailable, clientClosed, replaced
    }

    private let recorded = Mutex<[Event]>([])

    var events: [Event] { recorded.withLock { $0 } }

    func messagesAvailable() { recorded.withLock { $0.append(.messagesAvailable) } }
    func clientClosed() { recorded.withLock { $0.append(.clientClosed) } }
    func replaced() { recorded.withLock { $0.append(.replaced) } }
}
