import Glibc
import IO
import Synchronization

/// Set by SIGTERM/SIGINT; an atomic store is all a signal handler may safely do.
private let terminationRequested = Atomic<Bool>(false)

/// Ends a command's loop when the orchestrator sends SIGTERM (or on ^C), or when its
/// duration is over, so that the command still prints its figures.
enum Termination {
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGTERM) { _ in terminationRequested.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in terminationRequested.store(true, ordering: .relaxed) }
    }

    static var isRequested: Bool { terminationRequested.load(ordering: .relaxed) }

    /// Checks ten times a second; calls `stop` once, when a signal came or `deadline`
    /// (monotonic ns) passed.
    static func watch(on loop: EventLoop, until deadline: UInt64, stop: @escaping () -> Void) {
        var timer: IO.Timer?
        timer = IO.Timer {
            if isRequested || loop.now >= deadline {
                stop()
            } else if let timer {
                loop.schedule(timer, after: 100_000_000)
            }
        }
        loop.schedule(timer!, after: 100_000_000)
    }
}
