import CLinux
import Glibc
import IO
import TLS

/// The accepting half of `rawlimit`: takes connections on a loopback port until N
/// have finished their TLS handshake, then ends its loop. Nothing is read after that.
///
/// Loop-confined.
final class RawAcceptor {
    private let loop: EventLoop
    private let context: TLSContext
    private let wanted: Int
    private var listener: Listener?
    private var handshaking: [Int32: RawHandshake] = [:]
    private(set) var connected: [(fd: Int32, tls: TLSConnection)] = []
    private(set) var failures = FailureCounts()
    let port: UInt16

    init(loop: EventLoop, context: TLSContext, connections: Int) throws {
        self.loop = loop
        self.context = context
        wanted = connections
        guard let any = SocketAddress(host: "127.0.0.1", port: 0) else { fatalError("127.0.0.1 is an address") }
        let fd = try Socket.listen(on: any, reusePort: false)
        port = try SocketAddress(boundTo: fd).port
        listener = Listener(fd: fd, loop: loop, accepted: { [unowned self] in self.accepted($0) },
                            onError: { [unowned self] in self.failures.add("\($0)") })
        try listener?.start()
    }

    private func accepted(_ fd: Int32) {
        Socket.setNoDelay(fd)
        guard let tls = TLSConnection(fd: fd, context: context) else {
            Socket.close(fd)
            failures.add("SSL_new")
            return
        }
        let handshake = RawHandshake(fd: fd, tls: tls, acceptor: self)
        handshaking[fd] = handshake
        do { try loop.register(fd, events: CLinux_EPOLLIN, handler: handshake) } catch {
            handshaking[fd] = nil
            Socket.close(fd)
            failures.add("\(error)")
        }
    }

    fileprivate func finished(_ handshake: RawHandshake, succeeded: Bool) {
        handshaking[handshake.fd] = nil
        loop.deregister(handshake.fd)
        if succeeded {
            connected.append((handshake.fd, handshake.tls))
        } else {
            Socket.close(handshake.fd)
            failures.add("TLS handshake failed")
        }
        if connected.count >= wanted {
            listener?.stop()
            listener = nil
            loop.stop()
        }
    }
}

/// One accepted socket until its server handshake is done.
private final class RawHandshake: EventHandler {
    let fd: Int32
    let tls: TLSConnection
    private unowned let acceptor: RawAcceptor

    init(fd: Int32, tls: TLSConnection, acceptor: RawAcceptor) {
        self.fd = fd
        self.tls = tls
        self.acceptor = acceptor
    }

    func handleEvents(_ events: UInt32) {
        switch tls.handshake() {
        case .done: acceptor.finished(self, succeeded: true)
        case .wantRead, .wantWrite: break
        case .closed, .failed: acceptor.finished(self, succeeded: false)
        }
    }
}
