import CLinux
import Glibc
import IO
import TLS

/// One accepted socket: its transport (TLS or clear text), a deadline, and an output
/// queue flushed once per loop pass, so every frame queued for this client during the
/// pass leaves in one write.
///
/// Loop-confined: created, used and closed on its loop's thread.
final class Connection: EventHandler, Flushable {
    let fd: Int32
    /// `unowned(unsafe)`: the loop's context lives as long as the process, and this is
    /// read on every event and every write.
    unowned(unsafe) let loopContext: LoopContext
    let port: ListenerPort
    private var transport: ConnectionTransport
    private var phase: Phase
    var handler: ConnectionHandler?
    /// Clear text the peer has not been sent yet; released once empty so an idle
    /// connection holds no buffer.
    private var output: [UInt8] = []
    private var outputSent = 0
    /// Sealed TLS records a short write left behind; they go before anything else.
    private var unsent: [UInt8] = []
    private var isFlushScheduled = false
    private var isWatchingWritable = false
    private var closeWhenFlushed = false
    private var lingersOnClose = false
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
    var pendingOutputBytes: Int { output.count - outputSent + unsent.count }

    init(fd: Int32, loopContext: LoopContext, tls: TLSConnection?, port: ListenerPort) {
        self.fd = fd
        self.loopContext = loopContext
        self.port = port
        if let tls {
            transport = .openSSL(tls)
            phase = .handshaking
        } else {
            transport = .plain
            phase = .open
        }
    }

    // MARK: events

    func handleEvents(_ events: UInt32) {
        switch phase {
        case .handshaking:
            continueHandshake()
        case .lingering:
            discardInput()
        case .open:
            if isWatchingWritable && events & (CLinux_EPOLLOUT | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 {
                writeOutput()
            }
            if phase == .open && events & (CLinux_EPOLLIN | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 {
                readAvailable()
            }
        case .closed:
            break
        }
    }

    private func continueHandshake() {
        guard case .openSSL(let tls) = transport else { return }
        let metrics = loopContext.shared.metrics
        switch tls.handshake() {
        case .done:
            phase = .open
            cancelDeadline()
            metrics.tlsHandshakes.increment()
            if let records = tls.handOffRecordLayer() {
                transport = .records(records)
                metrics.tlsRecordHandoffs.increment()
            }
            watch(writable: false)
            loopContext.handshakeCompleted(self)
            // Bytes that arrived with the client's last handshake flight wait in the socket.
            readAvailable()
        case .wantRead: watch(writable: false)
        case .wantWrite: watch(writable: true)
        case .closed:
            metrics.tlsHandshakeFailures.increment()
            close()
        case .failed(let reason):
            metrics.tlsHandshakeFailures.increment()
            loopContext.shared.log.debug("TLS handshake failed", [("reason", reason)])
            close()
        }
    }

    private func readAvailable() {
        // A bounded number of reads per event keeps one busy client from starving the others;
        // level-triggered epoll calls again for what is left.
        for _ in 0..<4 {
            guard phase == .open else { return }
            let status = transport.read(fd, buffer: loopContext.readBuffer, crypto: loopContext.recordCrypto) { bytes in
                handler?.received(bytes)
            }
            switch status {
            case .more: continue
            case .drained: return
            case .wantWrite:
                watch(writable: true)
                return
            case .closed:
                close()
                return
            }
        }
    }

    // MARK: output

    /// Queues bytes for the end of this loop pass.
    func send(_ bytes: [UInt8]) {
        withOutput { $0 += bytes }
    }

    /// Lets a writer append in place (framing directly into the queue, no temporary array).
    /// The queue's storage is borrowed from the loop's pool and given back once flushed.
    func withOutput(_ body: (inout [UInt8]) -> Void) {
        guard phase == .open else { return }
        if output.capacity == 0 { output = loopContext.outputBuffers.take() }
        body(&output)
        scheduleFlush()
    }

    /// Flushes what is queued, then closes. `lingering`: the peer may still be sending
    /// (an error reply before its request was read whole, a WebSocket close handshake),
    /// so input is read and dropped for a moment first; closing on unread input would
    /// reset the connection and could destroy the reply just written.
    func closeAfterFlush(lingering: Bool = false) {
        closeWhenFlushed = true
        lingersOnClose = lingersOnClose || lingering
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
        guard phase == .open, sendUnsent() else { return }
        while outputSent < output.count {
            let status = output.withUnsafeBytes { all in
                transport.write(fd, UnsafeRawBufferPointer(rebasing: all[outputSent...]), crypto: loopContext.recordCrypto,
                                scratch: loopContext.sealBuffer, unsent: &unsent)
            }
            switch status {
            case .wrote(let count): outputSent += count
            case .wouldBlock: break
            case .closed:
                close()
                return
            }
            guard case .wrote = status, unsent.isEmpty else {
                watch(writable: true)
                return
            }
        }
        loopContext.outputBuffers.give(&output)
        outputSent = 0
        if isWatchingWritable { watch(writable: false) }
        if closeWhenFlushed {
            if lingersOnClose { linger() } else { close() }
        }
    }

    /// Sends sealed records a short write left behind; true when none are left.
    private func sendUnsent() -> Bool {
        guard !unsent.isEmpty else { return true }
        switch unsent.withUnsafeBytes({ Socket.write(fd, $0) }) {
        case .done(let count): unsent.removeFirst(count)
        case .wouldBlock: break
        case .closed:
            close()
            return false
        }
        if !unsent.isEmpty { watch(writable: true) }
        return unsent.isEmpty
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

    private func linger() {
        phase = .lingering
        transport.sayGoodbye(fd, crypto: loopContext.recordCrypto, scratch: loopContext.sealBuffer)
        shutdown(fd, Int32(SHUT_WR))
        setDeadline(after: 2_000_000_000, reason: "lingering close") { [unowned self] in self.close() }
        discardInput()
    }

    private func discardInput() {
        for _ in 0..<16 {
            switch Socket.read(fd, into: loopContext.readBuffer) {
            case .done: continue
            case .wouldBlock: return
            case .closed:
                close()
                return
            }
        }
    }

    func close() {
        guard phase != .closed else { return }
        let wasOpen = phase == .open
        phase = .closed
        cancelDeadline()
        deadline = nil
        loop.deregister(fd)
        // After half a record, a close_notify would only read as a corrupt stream.
        if wasOpen && unsent.isEmpty {
            transport.sayGoodbye(fd, crypto: loopContext.recordCrypto, scratch: loopContext.sealBuffer)
        }
        transport = .plain
        Socket.close(fd)
        loopContext.outputBuffers.give(&output)
        outputSent = 0
        unsent = []
        let handler = self.handler
        self.handler = nil
        handler?.connectionClosed()
        loopContext.connectionClosed(self)
    }
}
