import CLinux
import Glibc

/// Outcome of a non-blocking read or write.
public enum IOResult: Equatable {
    case done(Int)
    case wouldBlock
    /// The peer closed (read returned 0) or the connection broke.
    case closed
}

/// Thin, named wrappers over the socket system calls the loops use.
public enum Socket {
    /// A non-blocking listening socket; with `reusePort` every loop can have its own
    /// listener on the same port and the kernel spreads new connections across them.
    public static func listen(on address: SocketAddress, reusePort: Bool, backlog: Int32 = 4096) throws -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | CLinux_SOCK_NONBLOCK | CLinux_SOCK_CLOEXEC, 0)
        guard fd >= 0 else { throw SystemError("socket") }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if reusePort {
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        if address.family == AF_INET6 {
            // "::" binds both families, as config.md promises.
            var off: Int32 = 0
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &off, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = address.withSockAddr { bind(fd, $0, $1) }
        guard bound == 0 else {
            let error = SystemError("bind \(address)")
            Glibc.close(fd)
            throw error
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = SystemError("listen \(address)")
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    public enum AcceptResult {
        case accepted(Int32)
        case wouldBlock
        /// Out of file descriptors: the listener should pause instead of spinning.
        case exhausted
        case failed(SystemError)
    }

    public static func accept(_ listener: Int32) -> AcceptResult {
        while true {
            let fd = CLinux.accept4(listener, nil, nil, CLinux_SOCK_NONBLOCK | CLinux_SOCK_CLOEXEC)
            if fd >= 0 { return .accepted(fd) }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN: return .wouldBlock
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted
            default: return .failed(SystemError("accept4"))
            }
        }
    }

    /// Small Bayeux frames must leave at once, not wait for Nagle.
    public static func setNoDelay(_ fd: Int32) {
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .done(n) }
            if n == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock
            default: return .closed
            }
        }
    }

    /// write(2) rather than send(2): the same work, and /proc/PID/io counts it in
    /// `syscw`, which the benchmark reads as writes per delivery. SIGPIPE is ignored
    /// process-wide, so a closed peer is an EPIPE here, not a signal.
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return .done(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock
            default: return .closed
            }
        }
    }

    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
