import Glibc

/// The signals the server acts on. They are blocked in every thread (the loops inherit
/// the mask) and taken synchronously by the main thread with `sigwait`, so no handler
/// runs at an arbitrary point of a loop.
enum Signals {
    enum Received {
        case reload
        case terminate
    }

    /// Call before any thread starts.
    static func block() {
        signal(SIGPIPE, SIG_IGN)
        var set = watched()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    static func next() -> Received {
        var set = watched()
        while true {
            var number: Int32 = 0
            guard sigwait(&set, &number) == 0 else { continue }
            switch number {
            case SIGHUP: return .reload
            case SIGTERM, SIGINT: return .terminate
            default: continue
            }
        }
    }

    private static func watched() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGHUP)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
