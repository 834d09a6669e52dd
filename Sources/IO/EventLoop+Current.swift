import Glibc

extension EventLoop {
    /// The loop running on this thread, nil on other threads. A pthread key, because
    /// Swift has no thread-local storage of its own for plain threads.
    public internal(set) static var current: EventLoop? {
        get {
            guard let raw = pthread_getspecific(currentLoopKey.key) else { return nil }
            return Unmanaged<EventLoop>.fromOpaque(raw).takeUnretainedValue()
        }
        set {
            pthread_setspecific(currentLoopKey.key, newValue.map { Unmanaged.passUnretained($0).toOpaque() })
        }
    }
}

/// Created once, never deleted: the key lives as long as the process.
private let currentLoopKey = CurrentLoopKey()

private final class CurrentLoopKey: Sendable {
    let key: pthread_key_t

    init() {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        self.key = key
    }
}
