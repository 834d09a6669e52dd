import CLinux
import Glibc
import IO

/// The system calls of a client TCP socket that `IO.Socket` (a server's) has no need for.
enum StreamSocket {
    /// IP_BIND_ADDRESS_NO_PORT (linux/in.h): bind picks only the address, and the port is
    /// chosen at connect time per destination, so one source address serves ~28,000
    /// connections to each server port instead of ~28,000 in all.
    private static let bindAddressNoPort: Int32 = 24

    /// A non-blocking socket with a connect under way (or done).
    static func connect(to address: SocketAddress, from source: SocketAddress?) throws -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | CLinux_SOCK_NONBLOCK | CLinux_SOCK_CLOEXEC, 0)
        guard fd >= 0 else { throw SystemError("socket") }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        if let source {
            setsockopt(fd, Int32(IPPROTO_IP), bindAddressNoPort, &on, socklen_t(MemoryLayout<Int32>.size))
            guard source.withSockAddr({ bind(fd, $0, $1) }) == 0 else {
                let error = SystemError("bind \(source)")
                Glibc.close(fd)
                throw error
            }
        }
        let status = address.withSockAddr { Glibc.connect(fd, $0, $1) }
        guard status == 0 || errno == EINPROGRESS else {
            let error = SystemError("connect \(address)")
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    /// SO_ERROR: 0 once a non-blocking connect succeeded, else why it failed.
    static func pendingError(_ fd: Int32) -> Int32 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return errno }
        return error
    }
}
