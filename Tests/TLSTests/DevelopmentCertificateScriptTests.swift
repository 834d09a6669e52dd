import COpenSSL
import Foundation
import Testing
@testable import TLS

/// certs/make-dev-certs.sh promises the same files as the server; the two
/// must be able to take over from each other.
@Suite struct DevelopmentCertificateScriptTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("certs/make-dev-certs.sh").path

    @Test func scriptMakesALeafThatVerifiesAndNamesTheServerHostname() throws {
        let folder = try TemporaryFolder()
        let result = try run(
            ["sh", Self.script], in: folder.path,
            environment: ["FAYE_SSL_DIR": folder.path, "FAYE_SERVER_HOSTNAME": "dev.example.com"])
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("/dev-ca.pem (trust it: curl --cacert ...)\n"))

        let verified = try run(
            ["openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", "dev-ca.pem", "server.crt"],
            in: folder.path)
        #expect(verified.output == "server.crt: OK\n")
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        let leaf = try #require(chain.pointers.first)
        #expect(chain.pointers.count == 2)
        #expect(X509_check_host(leaf, "dev.example.com", 0, 0, nil) == 1)
        #expect(X509_check_ip_asc(leaf, "::1", 0) == 1)
        #expect(fileMode(folder.path + "/server.key") == 0o600)
        #expect(fileMode(folder.path + "/dev-ca.key") == 0o600)
    }

    @Test func serverReusesTheAuthorityTheScriptMade() throws {
        let folder = try TemporaryFolder()
        _ = try run(["sh", Self.script], in: folder.path, environment: ["FAYE_SSL_DIR": folder.path])
        let authority = try folder.bytes("dev-ca.pem")
        try FileManager.default.removeItem(atPath: folder.path + "/server.crt")

        let outcome = try DevelopmentCertificate.createIfMissing(folder.files())

        guard case .created(_, let reused) = outcome else { Issue.record("expected a new leaf, got \(outcome)"); return }
        #expect(reused)
        #expect(try folder.bytes("dev-ca.pem") == authority)
        #expect(try run(["openssl", "verify", "-CAfile", "dev-ca.pem", "server.crt"], in: folder.path).status == 0)
    }

    @Test func scriptLeavesAnExistingCertificateAlone() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let before = try folder.bytes("server.crt")
        let result = try run(["sh", Self.script], in: folder.path, environment: ["FAYE_SSL_DIR": folder.path])
        #expect(result.status == 0)
        #expect(try folder.bytes("server.crt") == before)
    }
}
