import Glibc

/// N event loops, each on its own thread. A connection is accepted by one loop and
/// stays there until it closes.
public final class EventLoopGroup: Sendable {
    public let loops: [EventLoop]

    public init(count: Int) throws {
        loops = try (0..<max(1, count)).map { try EventLoop(index: $0) }
    }

    /// Starts one thread per loop; returns at once.
    public func start() {
        for loop in loops {
            let box = Unmanaged.passRetained(loop)
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { raw in
                let loop = Unmanaged<EventLoop>.fromOpaque(raw!).takeRetainedValue()
                loop.run()
                return nil
            }, box.toOpaque())
            precondition(status == 0, "pthread_create failed: \(status)")
            pthread_detach(thread)
        }
    }

    public func stop() {
        for loop in loops { loop.stop() }
    }
}
