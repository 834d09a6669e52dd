import CLinux
import Glibc
import IO
import TLS

/// What a `ClientStream` tells the connection that owns it.
protocol StreamOwner: AnyObject {
    /// TCP connected and the TLS handshake done: the stream may send.
    func streamOpened()
    func streamReceived(_ bytes: UnsafeRawBufferPointer)
    /// The stream is closed, by the peer, an error (named in `reason`) or `close()`.
    func streamClosed(_ reason: String)
}

/// One client TLS connection on the process's loop: a non-blocking connect from a
/// chosen source address, the handshake, reads handed to the owner, and an output
/// queue flushed once per loop pass (so messages queued together leave together).
///
/// Loop-confined.
final class ClientStream<Owner: StreamOwner>: EventHandler, Flushable {
    private enum Phase {
        case connecting
        case handshaking
        case open
        case closed
    }

    let fd: Int32
    private let tls: TLSConnection
    private let environment: ClientEnvironment
    unowned let owner: Owner
    private var phase = Phase.connecting
    private var output: [UInt8] = []
    private var outputSent = 0
    private var isFlushScheduled = false
    private var isWatchingWritable = true

    /// Starts the `index`-th connection to the bench URL (its source address taken in turn);
    /// throws when the socket cannot even be made (out of files, ports).
    init(connection index: Int, environment: ClientEnvironment, owner: Owner) throws {
        fd = try StreamSocket.connect(to: environment.url.address, from: environment.source(for: index))
        guard let tls = TLSConnection(clientFD: fd, context: environment.tls, host: environment.url.host) else {
            Socket.close(fd)
            throw SystemError("SSL_new", errno: ENOMEM)
        }
        self.tls = tls
        self.environment = environment
        self.owner = owner
        do {
            try environment.loop.register(fd, events: CLinux_EPOLLIN | CLinux_EPOLLOUT, handler: self)
        } catch {
            Socket.close(fd)
            throw error
        }
    }

    var isOpen: Bool { phase == .open }
    var cipherName: String { tls.cipherName }

    func handleEvents(_ events: UInt32) {
        switch phase {
        case .connecting:
            let error = StreamSocket.pendingError(fd)
            guard error == 0 else {
                close("connect: \(String(cString: strerror(error)))")
                return
            }
            phase = .handshaking
            continueHandshake()
        case .handshaking:
            continueHandshake()
        case .open:
            if isWatchingWritable && events & (CLinux_EPOLLOUT | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 { writeOutput() }
            if phase == .open && events & (CLinux_EPOLLIN | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 { readAvailable() }
        case .closed:
            break
        }
    }

    private func continueHandshake() {
        switch tls.handshake() {
        case .done:
            phase = .open
            watch(writable: false)
            owner.streamOpened()
            readAvailable()
        case .wantRead: watch(writable: false)
        case .wantWrite: watch(writable: true)
        case .closed: close("TLS handshake: connection closed")
        case .failed(let reason): close("TLS handshake: \(reason)")
        }
    }

    /// Reads until OpenSSL's read-ahead buffer is empty: epoll would not report bytes
    /// OpenSSL already took off the socket, but does report (level-triggered) what is
    /// still on it, so no read is spent just to hear "would block".
    private func readAvailable() {
        let buffer = environment.readBuffer
        while phase == .open {
            switch tls.read(into: buffer) {
            case .bytes(let count):
                owner.streamReceived(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if !tls.hasBufferedInput { return }
            case .progress(.wantRead): return
            case .progress(.wantWrite):
                watch(writable: true)
                return
            case .progress(.closed), .progress(.done): close("closed by the server")
            case .progress(.failed(let reason)): close("TLS: \(reason)")
            }
        }
    }

    /// Lets the owner append to the output queue in place.
    func withOutput(_ body: (inout [UInt8]) -> Void) {
        guard phase == .open else { return }
        body(&output)
        if !isFlushScheduled && !isWatchingWritable {
            isFlushScheduled = true
            environment.loop.scheduleFlush(self)
        }
    }

    func flush() {
        isFlushScheduled = false
        writeOutput()
    }

    private func writeOutput() {
        while phase == .open && outputSent < output.count {
            let result = output.withUnsafeBytes { tls.write(UnsafeRawBufferPointer(rebasing: $0[outputSent...])) }
            switch result {
            case .bytes(let count): outputSent += count
            case .progress(.wantWrite), .progress(.wantRead):
                watch(writable: true)
                return
            case .progress(.closed), .progress(.done): close("closed by the server")
            case .progress(.failed(let reason)): close("TLS: \(reason)")
            }
        }
        output.removeAll(keepingCapacity: true)
        outputSent = 0
        if phase == .open { watch(writable: false) }
    }

    private func watch(writable: Bool) {
        guard writable != isWatchingWritable else { return }
        isWatchingWritable = writable
        environment.loop.modify(fd, events: writable ? CLinux_EPOLLIN | CLinux_EPOLLOUT : CLinux_EPOLLIN)
    }

    func close(_ reason: String) {
        guard phase != .closed else { return }
        phase = .closed
        environment.loop.deregister(fd)
        Socket.close(fd)
        owner.streamClosed(reason)
    }
}
