import CLinux
import Glibc

/// A listening socket on one loop. Accepts in bursts and hands each new descriptor to
/// `accepted`; when the process runs out of descriptors it stops listening for a moment
/// instead of spinning on a readable socket it cannot accept from.
///
/// Loop-confined.
public final class Listener: EventHandler {
    public let fd: Int32
    private unowned let loop: EventLoop
    private let accepted: (Int32) -> Void
    private let onError: (SystemError) -> Void
    private lazy var resumeTimer = Timer { [unowned self] in self.resume() }
    private var isPaused = false

    public init(fd: Int32, loop: EventLoop, accepted: @escaping (Int32) -> Void, onError: @escaping (SystemError) -> Void) {
        self.fd = fd
        self.loop = loop
        self.accepted = accepted
        self.onError = onError
    }

    public func start() throws {
        try loop.register(fd, events: CLinux_EPOLLIN, handler: self)
    }

    public func stop() {
        loop.cancel(resumeTimer)
        if !isPaused { loop.deregister(fd) }
        Socket.close(fd)
    }

    public func handleEvents(_ events: UInt32) {
        // A bounded burst keeps one busy listener from starving the loop's other work.
        for _ in 0..<256 {
            switch Socket.accept(fd) {
            case .accepted(let client): accepted(client)
            case .wouldBlock: return
            case .exhausted:
                pause()
                return
            case .failed(let error):
                onError(error)
                return
            }
        }
    }

    private func pause() {
        isPaused = true
        loop.deregister(fd)
        onError(SystemError("accept4 (out of file descriptors; pausing 100 ms)", errno: EMFILE))
        loop.schedule(resumeTimer, after: 100_000_000)
    }

    private func resume() {
        isPaused = false
        do { try loop.register(fd, events: CLinux_EPOLLIN, handler: self) } catch { onError(error as? SystemError ?? SystemError("epoll_ctl")) }
    }
}
