import Glibc
import IO

/// Binds the listeners, runs the loops, and carries out what signals ask for:
/// reload (SIGHUP) and a graceful drain (SIGTERM).
final class EdgeServer {
    let state: EdgeState
    let group: EventLoopGroup
    private var contexts: [LoopContext] = []
    private var listeners: [(Listener, EventLoop)] = []

    init(state: EdgeState, group: EventLoopGroup) {
        self.state = state
        self.group = group
    }

    /// Binds every port before any loop runs, so a port in use is reported at start-up.
    /// Returns the bound addresses (the real port when 0 was asked for).
    func bind() throws -> [(ListenerPort, SocketAddress)] {
        let configuration = state.configuration
        contexts = group.loops.map { LoopContext(loop: $0, shared: state) }
        var bound: [(ListenerPort, SocketAddress)] = []
        let listening = configuration.listening
        if let httpsPort = listening.httpsPort {
            bound.append((.secure, try bindEverywhere(port: httpsPort, as: .secure)))
        }
        if let httpPort = listening.httpPort {
            let kind: ListenerPort = listening.usesTLS ? .redirect : .plain
            bound.append((kind, try bindEverywhere(port: httpPort, as: kind)))
        }
        return bound
    }

    /// One SO_REUSEPORT listener per loop: the kernel spreads connections over the
    /// loops with no hand-off between threads.
    private func bindEverywhere(port: UInt16, as kind: ListenerPort) throws -> SocketAddress {
        let host = state.configuration.listening.bindAddress
        guard var address = SocketAddress(host: host, port: port) else {
            throw SystemError("FAYE_BIND \(host) is not an IPv4 or IPv6 address", errno: EINVAL)
        }
        for (index, context) in contexts.enumerated() {
            let fd = try Socket.listen(on: address, reusePort: true)
            if index == 0 && !SourceAddressAffinity.attach(to: fd, groupSize: contexts.count) {
                state.log.warning("the kernel refused the per-address listener program; connections are spread by the kernel's hash",
                                  [("error", SystemError("setsockopt(SO_ATTACH_REUSEPORT_CBPF)").description)])
            }
            if address.port == 0 {
                // Port 0: the first listener picks, the others join it.
                address = try SocketAddress(boundTo: fd)
            }
            let listener = Listener(fd: fd, loop: context.loop, accepted: { [unowned context] client in
                context.accepted(client, on: kind)
            }, onError: { [state] error in
                state.log.warning("accept failed", [("error", error.description)])
            })
            try listener.start()
            listeners.append((listener, context.loop))
        }
        return address
    }

    func start() {
        if let first = contexts.first { scheduleHousekeeping(on: first.loop) }
        group.start()
    }

    /// Faye's inactivity rule runs about once a second on the first loop. After a burst
    /// of connections opening or closing, the heap is trimmed: a TLS handshake allocates
    /// and frees tens of KiB, and the pages it freed between long-lived allocations only
    /// go back to the kernel through malloc_trim, which is too slow to run every second
    /// on a large heap for nothing.
    private func scheduleHousekeeping(on loop: EventLoop) {
        let state = self.state
        var acceptedAtLastTrim = 0
        var acceptedAtLastTick = 0
        var tick: Timer!
        tick = Timer { [unowned loop] in
            state.bayeux.expireInactiveClients()
            let accepted = state.metrics.connectionsAccepted.current
            // During a burst every 256 connections, and once more when it has ended.
            let burstEnded = accepted == acceptedAtLastTick && accepted != acceptedAtLastTrim
            if accepted - acceptedAtLastTrim >= 256 || burstEnded {
                acceptedAtLastTrim = accepted
                HeapTrim.now()
            }
            acceptedAtLastTick = accepted
            loop.schedule(tick, after: 1_000_000_000)
        }
        loop.schedule(tick, after: 1_000_000_000)
    }

    /// SIGTERM: stop accepting, let every connection finish, and return when all are
    /// closed or `timeout` has passed.
    func drain(timeout: UInt64) {
        state.startDraining()
        for (listener, loop) in listeners {
            let owned = LoopBound(listener)
            loop.execute { owned.value.stop() }
        }
        for context in contexts {
            let owned = LoopBound(context)
            context.loop.execute { owned.value.drain() }
        }
        let deadline = MonotonicClock.now() &+ timeout
        while state.connectionCount > 0 && MonotonicClock.now() < deadline {
            usleep(20_000)
        }
    }
}
