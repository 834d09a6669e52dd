import CLinux
import Glibc
import IO
import TLS

/// What the connections of one event loop share: the loop, one read buffer lent to
/// whichever connection is reading (as Redis lends one per thread), and the set of
/// open connections for draining on SIGTERM.
///
/// Loop-confined.
final class LoopContext {
    let loop: EventLoop
    let shared: EdgeState
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Where outgoing TLS 1.3 records are sealed before their one send().
    let sealBuffer: UnsafeMutableRawBufferPointer
    /// The AEAD contexts every TLS 1.3 connection of this loop seals and opens with.
    let recordCrypto = TLSRecordCrypto()
    /// Storage for connections' output queues, lent while they have bytes to send.
    var outputBuffers = BufferPool()
    /// permessage-deflate shared by this loop's sockets.
    let deflate = LoopDeflate()
    private(set) var connections: [Int32: Connection] = [:]

    init(loop: EventLoop, shared: EdgeState) {
        self.loop = loop
        self.shared = shared
        // One TLS record's worth of clear text (16 KiB) and then some.
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        sealBuffer = .allocate(byteCount: ConnectionTransport.scratchCapacity, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
        sealBuffer.deallocate()
    }

    /// A socket was accepted on `port`: admit it or refuse it at once.
    func accepted(_ fd: Int32, on port: ListenerPort) {
        let metrics = shared.metrics
        metrics.connectionsAccepted.increment()
        guard connections.count < shared.configuration.listening.workerConnections, shared.admitConnection() else {
            metrics.connectionsRefused.increment()
            Socket.close(fd)
            return
        }
        Socket.setNoDelay(fd)
        let tls: TLSConnection?
        if port == .secure, let store = shared.tls {
            guard let session = TLSConnection(fd: fd, context: store.context) else {
                shared.releaseConnection()
                Socket.close(fd)
                return
            }
            tls = session
        } else {
            tls = nil
        }
        let connection = Connection(fd: fd, loopContext: self, tls: tls, port: port)
        do {
            try loop.register(fd, events: CLinux_EPOLLIN, handler: connection)
        } catch {
            shared.releaseConnection()
            Socket.close(fd)
            return
        }
        connections[fd] = connection
        if tls != nil {
            connection.setDeadline(after: shared.limits.handshakeDeadline, reason: "TLS handshake took too long")
        } else {
            startHTTP1(on: connection)
        }
    }

    /// TLS is up: ALPN decides which protocol handler takes over.
    func handshakeCompleted(_ connection: Connection) {
        startHTTP1(on: connection)
    }

    private func startHTTP1(on connection: Connection) {
        connection.handler = HTTP1Handler(connection: connection)
    }

    func connectionClosed(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.fd) != nil else { return }
        shared.releaseConnection()
    }

    /// SIGTERM: every connection finishes what is in flight and closes.
    func drain() {
        for connection in Array(connections.values) { connection.handler?.drain() }
    }
}
