import Glibc
import IO
import Testing

@Suite struct SocketAddressTests {
    @Test func parsesBothFamilies() throws {
        let v4 = try #require(SocketAddress(host: "127.0.0.1", port: 8443))
        #expect(v4.family == AF_INET)
        #expect(v4.description == "127.0.0.1:8443")
        let v6 = try #require(SocketAddress(host: "::1", port: 80))
        #expect(v6.family == AF_INET6)
        #expect(v6.description == "[::1]:80")
        #expect(SocketAddress(host: "[::]", port: 1)?.family == AF_INET6)
    }

    @Test func refusesNames() {
        #expect(SocketAddress(host: "localhost", port: 1) == nil)
        #expect(SocketAddress(host: "1.2.3", port: 1) == nil)
        #expect(SocketAddress(host: "", port: 1) == nil)
    }

    @Test func portZeroBindsAndReportsTheRealPort() throws {
        let address = try #require(SocketAddress(host: "127.0.0.1", port: 0))
        let fd = try Socket.listen(on: address, reusePort: true)
        defer { Socket.close(fd) }
        let bound = try SocketAddress(boundTo: fd)
        #expect(bound.port != 0)
    }
}
