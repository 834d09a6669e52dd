import COpenSSL
import Foundation
import Testing
@testable import TLS

@Suite struct DevelopmentCertificateTests {
    @Test func createdLeafVerifiesAgainstTheCreatedAuthorityWithOpenSSL() throws {
        let folder = try TemporaryFolder()
        let outcome = try DevelopmentCertificate.createIfMissing(folder.files())
        let authorityPath = try #require(realpath(folder.path, nil).map { String(cString: $0) }) + "/dev-ca.pem"
        #expect(outcome == .created(authorityCertificatePath: authorityPath, reusedAuthority: false))

        let result = try run(
            ["openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", "dev-ca.pem", "server.crt"],
            in: folder.path)
        #expect(result.status == 0)
        #expect(result.output == "server.crt: OK\n")
    }

    @Test func leafNamesLocalhostBothLoopbacksAndTheServerHostname() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files(extraHostname: "dev.example.com"))
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        let leaf = try #require(chain.pointers.first)

        #expect(X509_check_host(leaf, "localhost", 0, 0, nil) == 1)
        #expect(X509_check_host(leaf, "dev.example.com", 0, 0, nil) == 1)
        #expect(X509_check_ip_asc(leaf, "127.0.0.1", 0) == 1)
        #expect(X509_check_ip_asc(leaf, "::1", 0) == 1)
        #expect(X509_check_host(leaf, "example.com", 0, 0, nil) == 0)
        #expect(X509_check_purpose(leaf, X509_PURPOSE_SSL_SERVER, 0) == 1)
        #expect(X509_check_ca(leaf) == 0)
    }

    @Test func serverHostnameThatIsAnAddressBecomesAnIPName() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files(extraHostname: "192.0.2.7"))
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        let leaf = try #require(chain.pointers.first)
        #expect(X509_check_ip_asc(leaf, "192.0.2.7", 0) == 1)
    }

    @Test func keyFileMatchesTheLeaf() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        let leaf = try #require(chain.pointers.first)
        let key = try #require(loadPrivateKey(pem: folder.bytes("server.key")))
        defer { EVP_PKEY_free(key) }
        #expect(X509_check_private_key(leaf, key) == 1)
        #expect(EVP_PKEY_get_base_id(key) == EVP_PKEY_EC)
        #expect(EVP_PKEY_get_bits(key) == 256)
    }

    @Test func certificateFileIsTheLeafThenTheAuthority() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        let authority = LoadedCertificates(pem: try folder.bytes("dev-ca.pem"))

        #expect(chain.pointers.count == 2)
        #expect(chain.commonName(at: 0) == "localhost")
        #expect(X509_cmp(chain.pointers[1], authority.pointers[0]) == 0)
        #expect(X509_check_ca(authority.pointers[0]) != 0)
    }

    @Test func authorityLastsTenYearsAndLeaf397Days() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        let chain = LoadedCertificates(pem: try folder.bytes("server.crt"))
        #expect(chain.validityDays(at: 0) == 397)
        #expect(chain.validityDays(at: 1) == 3650)
    }

    @Test func serialNumbersAreRandomAndLong() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(first.files())
        _ = try DevelopmentCertificate.createIfMissing(second.files())
        let firstChain = LoadedCertificates(pem: try first.bytes("server.crt"))
        let secondChain = LoadedCertificates(pem: try second.bytes("server.crt"))
        let a = firstChain.pointers[0]
        let b = secondChain.pointers[0]
        #expect(ASN1_INTEGER_cmp(X509_get0_serialNumber(a), X509_get0_serialNumber(b)) != 0)
        // 128 random bits take 16 bytes, or 15 when the top byte happens to be 0.
        #expect(X509_get0_serialNumber(a).pointee.length >= 15)
    }

    @Test func keyFilesAreReadableByTheOwnerOnly() throws {
        let folder = try TemporaryFolder()
        _ = try DevelopmentCertificate.createIfMissing(folder.files())
        #expect(fileMode(folder.path + "/server.key") == 0o600)
        #expect(fileMode(folder.path + "/dev-ca.key") == 0o600)
        #expect(fileMode(folder.path + "/server.crt") == 0o644)
        #expect(fileMode(folder.path + "/dev-ca.pem") == 0o644)
    }
}
