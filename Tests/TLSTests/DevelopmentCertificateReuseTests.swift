import COpenSSL
import Foundation
import Testing
@testable import TLS

@Suite struct DevelopmentCertificateReuseTests {
    @Test func secondRunReusesTheAuthorityAndItsNewLeafStillVerifies() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let authorityBefore = try folder.bytes("dev-ca.pem")
        let leafBefore = try folder.bytes("server.crt")
        try FileManager.default.removeItem(atPath: folder.path + "/server.crt")

        let outcome = try DevelopmentCertificate.createIfMissing(folder.files())

        guard case .created(_, let reused) = outcome else { Issue.record("expected a new leaf, got \(outcome)"); return }
        #expect(reused)
        #expect(try folder.bytes("dev-ca.pem") == authorityBefore)
        #expect(try folder.bytes("server.crt") != leafBefore)
        let result = try run(["openssl", "verify", "-CAfile", "dev-ca.pem", "server.crt"], in: folder.path)
        #expect(result.status == 0)
    }

    @Test func presentCertificateIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let before = try folder.bytes("server.crt")
        #expect(try DevelopmentCertificate.createIfMissing(folder.files()) == .certificateAlreadyPresent)
        #expect(try folder.bytes("server.crt") == before)
    }

    @Test func missingFoldersAreCreatedAndLeafMayLiveElsewhere() throws {
        let folder = try TemporaryFolder()
        let files = DevelopmentCertificateFiles(
            directory: folder.path + "/a/b/certs", certificatePath: folder.path + "/leaf.pem",
            keyPath: folder.path + "/leaf.key", extraHostname: nil)
        _ = try DevelopmentCertificate.createIfMissing(files)
        #expect(fileMode(folder.path + "/a/b/certs") == 0o700)
        let result = try run(["openssl", "verify", "-CAfile", "a/b/certs/dev-ca.pem", "leaf.pem"], in: folder.path)
        #expect(result.status == 0)
    }

    @Test func authorityWhoseKeyDoesNotMatchIsAnErrorNotReplaced() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        try FileManager.default.removeItem(atPath: folder.path + "/server.crt")
        try FileManager.default.copyItem(atPath: folder.path + "/server.key", toPath: folder.path + "/stranger.key")
        try FileManager.default.removeItem(atPath: folder.path + "/dev-ca.key")
        try FileManager.default.moveItem(atPath: folder.path + "/stranger.key", toPath: folder.path + "/dev-ca.key")
        let authorityBefore = try folder.bytes("dev-ca.pem")

        #expect {
            try DevelopmentCertificate.createIfMissing(folder.files())
        } throws: { error in
            "\(error)" == "development certificate: \(folder.path)/dev-ca.key is not the key of \(folder.path)/dev-ca.pem;"
                + " delete both to make a new CA"
        }
        #expect(try folder.bytes("dev-ca.pem") == authorityBefore)
    }

    @Test func unreadableAuthorityIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        try FileManager.default.removeItem(atPath: folder.path + "/server.crt")
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: folder.path + "/dev-ca.pem"))

        #expect {
            try DevelopmentCertificate.createIfMissing(folder.files())
        } throws: { error in
            "\(error)".hasPrefix("development certificate: reading the certificate \(folder.path)/dev-ca.pem failed")
        }
    }

    @Test func lonelyAuthorityKeyIsReplacedByACompleteAuthority() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        try FileManager.default.removeItem(atPath: folder.path + "/server.crt")
        try FileManager.default.removeItem(atPath: folder.path + "/dev-ca.pem")

        let outcome = try DevelopmentCertificate.createIfMissing(folder.files())
        guard case .created(_, let reused) = outcome else { Issue.record("expected a new leaf, got \(outcome)"); return }
        #expect(!reused)
        #expect(try run(["openssl", "verify", "-CAfile", "dev-ca.pem", "server.crt"], in: folder.path).status == 0)
    }

    @Test(arguments: ["a,DNS:evil.example", "", "-bad.example", "white space", "a..b"])
    func hostnameThatCannotBeACertificateNameIsRefused(hostname: String) throws {
        let folder = try TemporaryFolder()
        #expect(throws: DevelopmentCertificateError(
            "development certificate: cannot name \"\(hostname)\" in a certificate: expected a DNS name or an IP address"
        )) {
            try DevelopmentCertificate.createIfMissing(folder.files(extraHostname: hostname))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/dev-ca.pem"))
    }
}
