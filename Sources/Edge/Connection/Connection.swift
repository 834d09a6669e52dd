import CLinux
import Glibc
import IO
import TLS

/// One accepted socket: TLS (or clear text on the plain port), a deadline, and an
/// output queue flushed once per loop pass, so every frame queued for this client
/// during the pass leaves in one TLS write.
///
/// Loop-confined: created, used and closed on its loop's thread.
final class Connection: EventHandler, Flushable {
    let fd: Int32
    unowned let loopContext: LoopContext
    let port: ListenerPort
    private var tls: TLSConnection?
    private var phase: Phase
    var handler: ConnectionHandler?
    /// What the peer has not been sent yet; released once empty so an idle
    /// connection holds no buffer.
    private var output: [UInt8] = []
    private var outputSent = 0
    private var isFlushScheduled = false
    private var isWatchingWritable = false
    private var closeWhenFlushed = false
    private var deadline: Timer?
    private var deadlineReason = ""
    private var deadlineAction: (() -> Void)?

    enum Phase {
        case handshaking
        case open
        /// Our side is done (close_notify and FIN sent); reading and discarding what the
        /// peer still sends, so that closing with unread input does not reset the
        /// connection and destroy the response we just wrote (nginx's lingering close).
        case lingering
        case closed
    }

    var loop: EventLoop { loopContext.loop }
    var isClosed: Bool { phase == .closed }
    var pendingOutputBytes: Int { output.count - outputSent }
    var negotiatedProtocol: String? { tls?.negotiatedProtocol }

    init(fd: Int32, loopContext: LoopContext, tls: TLSConnection?, port: ListenerPort) {
        self.fd = fd
        self.loopContext = loopContext
        self.tls = tls
        self.port = port
        self.phase = tls == nil ? .open : .handshaking
    }

    // MARK: events

    func handleEvents(_ events: UInt32) {
        if phase == .handshaking {
            continueHandshake()
            return
        }
        if phase == .lingering {
            discardInput()
            return
        }
        if isWatchingWritable && events & (CLinux_EPOLLOUT | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 {
            writeOutput()
        }
        if phase == .open && events & (CLinux_EPOLLIN | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 {
            readAvailable()
        }
    }

    private func continueHandshake() {
        guard let tls else { return }
        switch tls.handshake() {
        case .done:
            phase = .open
            cancelDeadline()
            loopContext.shared.metrics.tlsHandshakes.increment()
            loopContext.handshakeCompleted(self)
            watch(writable: false)
            // Bytes that arrived with the last handshake flight are already decrypted-ready.
            readAvailable()
        case .wantRead: watch(writable: false)
        case .wantWrite: watch(writable: true)
        case .closed:
            loopContext.shared.metrics.tlsHandshakeFailures.increment()
            close()
        case .failed(let reason):
            loopContext.shared.metrics.tlsHandshakeFailures.increment()
            loopContext.shared.log.debug("TLS handshake failed", [("reason", reason)])
            close()
        }
    }

    private func readAvailable() {
        let buffer = loopContext.readBuffer
        // A bounded number of reads per event keeps one busy client from starving the others;
        // level-triggered epoll calls again for what is left.
        for _ in 0..<4 {
            guard phase == .open else { return }
            let count: Int
            if let tls {
                switch tls.read(into: buffer) {
                case .bytes(let n): count = n
                case .progress(.wantRead): return
                case .progress(.wantWrite):
                    watch(writable: true)
                    return
                case .progress(.done), .progress(.closed), .progress(.failed):
                    close()
                    return
                }
            } else {
                switch Socket.read(fd, into: buffer) {
                case .done(let n): count = n
                case .wouldBlock: return
                case .closed:
                    close()
                    return
                }
            }
            handler?.received(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            if count < buffer.count { return }
        }
    }

    // MARK: output

    /// Queues bytes for the end of this loop pass.
    func send(_ bytes: [UInt8]) {
        guard phase == .open else { return }
        if output.isEmpty { output = bytes } else { output += bytes }
        scheduleFlush()
    }

    /// Lets a writer append in place (framing directly into the queue, no temporary array).
    func withOutput(_ body: (inout [UInt8]) -> Void) {
        guard phase == .open else { return }
        body(&output)
        scheduleFlush()
    }

    /// Flushes what is queued, then closes (after an error reply or `Connection: close`).
    func closeAfterFlush() {
        closeWhenFlushed = true
        scheduleFlush()
    }

    private func scheduleFlush() {
        if !isFlushScheduled && !isWatchingWritable {
            isFlushScheduled = true
            loop.scheduleFlush(self)
        }
    }

    func flush() {
        isFlushScheduled = false
        writeOutput()
    }

    private func writeOutput() {
        guard phase == .open else { return }
        while outputSent < output.count {
            let result: TLSConnection.ReadResult
            if let tls {
                result = output.withUnsafeBytes { tls.write(UnsafeRawBufferPointer(rebasing: $0[outputSent...])) }
            } else {
                result = output.withUnsafeBytes { raw in
                    switch Socket.write(fd, UnsafeRawBufferPointer(rebasing: raw[outputSent...])) {
                    case .done(let n): .bytes(n)
                    case .wouldBlock: .progress(.wantWrite)
                    case .closed: .progress(.closed)
                    }
                }
            }
            switch result {
            case .bytes(let n): outputSent += n
            case .progress(.wantWrite), .progress(.wantRead):
                watch(writable: true)
                return
            case .progress(.done), .progress(.closed), .progress(.failed):
                close()
                return
            }
        }
        output = []
        outputSent = 0
        if isWatchingWritable { watch(writable: false) }
        if closeWhenFlushed { linger() }
    }

    private func linger() {
        phase = .lingering
        tls?.shutdown()
        shutdown(fd, Int32(SHUT_WR))
        setDeadline(after: 2_000_000_000, reason: "lingering close") { [unowned self] in self.close() }
        discardInput()
    }

    private func discardInput() {
        let buffer = loopContext.readBuffer
        for _ in 0..<16 {
            switch Socket.read(fd, into: buffer) {
            case .done: continue
            case .wouldBlock: return
            case .closed:
                close()
                return
            }
        }
    }

    private func watch(writable: Bool) {
        guard phase != .closed, writable != isWatchingWritable else { return }
        isWatchingWritable = writable
        loop.modify(fd, events: writable ? CLinux_EPOLLIN | CLinux_EPOLLOUT : CLinux_EPOLLIN)
    }

    // MARK: deadline

    /// One deadline per connection (handshake, slow request, idle keep-alive...);
    /// setting a new one replaces the old. The reason is logged when it fires.
    func setDeadline(after nanoseconds: UInt64, reason: String, onExpiry: (() -> Void)? = nil) {
        let timer = deadline ?? Timer { [unowned self] in self.deadlineExpired() }
        deadline = timer
        deadlineReason = reason
        deadlineAction = onExpiry
        loop.schedule(timer, after: nanoseconds)
    }

    func cancelDeadline() {
        if let deadline { loop.cancel(deadline) }
        deadlineAction = nil
    }

    private func deadlineExpired() {
        if let action = deadlineAction {
            deadlineAction = nil
            action()
            return
        }
        if phase == .handshaking { loopContext.shared.metrics.tlsHandshakeFailures.increment() }
        loopContext.shared.log.debug("connection deadline passed", [("reason", deadlineReason)])
        close()
    }

    // MARK: closing

    func close() {
        guard phase != .closed else { return }
        let wasOpen = phase == .open
        phase = .closed
        cancelDeadline()
        if let deadline { loop.cancel(deadline) }
        deadline = nil
        loop.deregister(fd)
        if wasOpen { tls?.shutdown() }
        tls = nil
        Socket.close(fd)
        output = []
        let handler = self.handler
        self.handler = nil
        handler?.connectionClosed()
        loopContext.connectionClosed(self)
    }
}
