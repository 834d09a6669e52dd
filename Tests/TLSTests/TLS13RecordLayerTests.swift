import COpenSSL
import Glibc
import Testing
@testable import TLS

/// Our TLS 1.3 record layer against OpenSSL's own client over a socket pair: after the
/// hand-off the client must not be able to tell that OpenSSL is gone from the server.
@Suite struct TLS13RecordLayerTests {
    /// A server TLSConnection and an OpenSSL client on the two ends of a socket pair.
    final class Pair {
        let folder: TemporaryFolder
        let serverFD: Int32
        let clientFD: Int32
        var server: TLSConnection?
        let clientContext: OpaquePointer
        let client: OpaquePointer
        let crypto = TLSRecordCrypto()

        init(maxVersion: Int32 = TLS1_3_VERSION) throws {
            folder = try TemporaryFolder()
            _ = try DevelopmentCertificate.createIfMissing(folder.files())
            var fds: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else { throw TLSError("socketpair") }
            serverFD = fds[0]
            clientFD = fds[1]
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            let context = try TLSContext(settings: TLSSettings(certificateFile: folder.path + "/server.crt",
                                                               keyFile: folder.path + "/server.key"))
            server = TLSConnection(fd: serverFD, context: context)
            clientContext = SSL_CTX_new(TLS_client_method())!
            COpenSSL_SSL_CTX_set_max_proto_version(clientContext, maxVersion)
            client = SSL_new(clientContext)!
            SSL_set_fd(client, clientFD)
            SSL_set_connect_state(client)
        }

        deinit {
            SSL_free(client)
            SSL_CTX_free(clientContext)
            close(serverFD)
            close(clientFD)
        }

        func handshake() throws {
            var serverDone = false
            var clientDone = false
            for _ in 0..<100 where !(serverDone && clientDone) {
                if !clientDone { clientDone = SSL_do_handshake(client) == 1 }
                if !serverDone {
                    switch server!.handshake() {
                    case .done: serverDone = true
                    case .wantRead, .wantWrite: break
                    case .closed, .failed: throw TLSError("server handshake failed")
                    }
                }
            }
            guard serverDone && clientDone else { throw TLSError("handshake did not finish") }
        }

        /// Reads what the client can decrypt now.
        func clientReads() -> [UInt8] {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = SSL_read(client, &chunk, Int32(chunk.count))
                if n <= 0 { return received }
                received += chunk[0..<Int(n)]
            }
        }

        func clientWrites(_ text: [UInt8]) {
            var offset = 0
            while offset < text.count {
                let n = text[offset...].withUnsafeBytes { SSL_write(client, $0.baseAddress, Int32($0.count)) }
                if n > 0 { offset += Int(n) }
            }
        }

        func serverSends(_ text: [UInt8], with records: TLS13RecordLayer) throws {
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: TLS13RecordLayer.sealedLength(ofPlaintext: text.count), alignment: 16)
            defer { scratch.deallocate() }
            guard let count = text.withUnsafeBytes({ records.seal($0, into: scratch, crypto: crypto) }) else { throw TLSError("seal") }
            var sent = 0
            while sent < count {
                let n = write(serverFD, scratch.baseAddress! + sent, count - sent)
                if n > 0 { sent += n }
            }
        }

        func serverReceives(with records: TLS13RecordLayer) -> ([UInt8], TLS13RecordLayer.Inbound) {
            var received: [UInt8] = []
            var status = TLS13RecordLayer.Inbound.open
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = read(serverFD, buffer.baseAddress, buffer.count)
                if n <= 0 { return (received, status) }
                status = records.receive(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]), crypto: crypto) { received += $0 }
                if status != .open { return (received, status) }
            }
        }
    }

    @Test func clientCannotTellOpenSSLIsGone() throws {
        let pair = try Pair()
        try pair.handshake()
        let records = try #require(pair.server?.handOffRecordLayer())
        pair.server = nil  // the SSL is freed here

        try pair.serverSends(Array("hello".utf8), with: records)
        #expect(pair.clientReads() == Array("hello".utf8))

        pair.clientWrites(Array("ping".utf8))
        let (received, status) = pair.serverReceives(with: records)
        #expect(received == Array("ping".utf8))
        #expect(status == .open)

        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try pair.serverSends(big, with: records)
        #expect(pair.clientReads() == big)
        pair.clientWrites(big)
        #expect(pair.serverReceives(with: records).0 == big)
    }

    @Test func keyUpdateRequestedByTheClientIsAnswered() throws {
        let pair = try Pair()
        try pair.handshake()
        let records = try #require(pair.server?.handOffRecordLayer())
        pair.server = nil
        #expect(SSL_key_update(pair.client, SSL_KEY_UPDATE_REQUESTED) == 1)
        pair.clientWrites(Array("after update".utf8))
        #expect(pair.serverReceives(with: records).0 == Array("after update".utf8))
        try pair.serverSends(Array("pong".utf8), with: records)
        #expect(pair.clientReads() == Array("pong".utf8))
        pair.clientWrites(Array("again".utf8))
        #expect(pair.serverReceives(with: records).0 == Array("again".utf8))
    }

    @Test func closeNotifyEndsBothWays() throws {
        let pair = try Pair()
        try pair.handshake()
        let records = try #require(pair.server?.handOffRecordLayer())
        pair.server = nil
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 16)
        defer { scratch.deallocate() }
        let count = try #require(records.sealCloseNotify(into: scratch, crypto: pair.crypto))
        _ = write(pair.serverFD, scratch.baseAddress, count)
        var byte: UInt8 = 0
        #expect(SSL_read(pair.client, &byte, 1) == 0)
        #expect(SSL_get_error(pair.client, 0) == SSL_ERROR_ZERO_RETURN)
        SSL_shutdown(pair.client)
        #expect(pair.serverReceives(with: records).1 == .closed)
    }

    @Test func aTamperedRecordFails() throws {
        let pair = try Pair()
        try pair.handshake()
        let records = try #require(pair.server?.handOffRecordLayer())
        pair.server = nil
        pair.clientWrites(Array("genuine".utf8))
        var wire = [UInt8](repeating: 0, count: 4096)
        let n = read(pair.serverFD, &wire, wire.count)
        #expect(n > 6)
        wire[n - 1] ^= 1
        let status = wire.withUnsafeMutableBytes {
            records.receive(UnsafeMutableRawBufferPointer(rebasing: $0[0..<n]), crypto: pair.crypto) { _ in }
        }
        #expect(status == .failed("record did not authenticate"))
    }

    @Test func tls12StaysWithOpenSSL() throws {
        let pair = try Pair(maxVersion: TLS1_2_VERSION)
        try pair.handshake()
        #expect(pair.server?.handOffRecordLayer() == nil)
        #expect(pair.server?.protocolVersion == "TLSv1.2")
    }
}
