import Glibc

/// An IPv4 or IPv6 address and port in the form `bind`/`connect` take.
public struct SocketAddress: Sendable, CustomStringConvertible {
    public private(set) var storage = sockaddr_storage()
    public let length: socklen_t

    public var family: Int32 { Int32(storage.ss_family) }

    /// Parses an address literal ("0.0.0.0", "127.0.0.1", "::", "::1"); nil if it is not one.
    public init?(host: String, port: UInt16) {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            self.init(copying: v4)
            return
        }
        var v6 = sockaddr_in6()
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 else { return nil }
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = port.bigEndian
        self.init(copying: v6)
    }

    /// `address` is a sockaddr_in or a sockaddr_in6 with its family set.
    private init<Address>(copying address: Address) {
        withUnsafeMutableBytes(of: &storage) { dst in withUnsafeBytes(of: address) { dst.copyMemory(from: $0) } }
        length = socklen_t(MemoryLayout<Address>.size)
    }

    /// The address a socket is bound to (to learn the port the kernel picked for port 0).
    public init(boundTo fd: Int32) throws {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { throw SystemError("getsockname") }
        self.storage = storage
        self.length = length
    }

    public var port: UInt16 {
        // sin_port and sin6_port share offset 2.
        withUnsafeBytes(of: storage) { UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self)) }
    }

    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: storage) { raw in
            let addressOffset = family == AF_INET6 ? 8 : 4
            _ = inet_ntop(family, raw.baseAddress! + addressOffset, &buffer, socklen_t(buffer.count))
        }
        let host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Calls `body` with the address as the `sockaddr` pointer the C API wants.
    public func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { raw in
            try body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }
}
