import TLS
import Testing
@testable import Edge

@Suite struct ConfigurationTLSTests {
    @Test func fileNamesAreFoundInTheSSLDirectory() {
        let tls = load(environment: [
            "FAYE_SSL_DIR": "/etc/ssl/edge", "FAYE_SSL_CERT_FILE": "edge.crt", "FAYE_SSL_KEY_FILE": "edge.key",
        ]).configuration.tls
        #expect(tls.directory == "/etc/ssl/edge")
        #expect(tls.certificateFile == "/etc/ssl/edge/edge.crt")
        #expect(tls.keyFile == "/etc/ssl/edge/edge.key")
    }

    @Test func absoluteFileNamesAreUsedAsTheyAre() {
        let tls = load(environment: [
            "FAYE_SSL_DIR": "/etc/ssl/edge", "FAYE_SSL_CERT_FILE": "/run/secrets/chain.pem", "FAYE_SSL_KEY_FILE": "/run/secrets/key.pem",
        ]).configuration.tls
        #expect(tls.certificateFile == "/run/secrets/chain.pem")
        #expect(tls.keyFile == "/run/secrets/key.pem")
    }

    @Test func relativeDirectoryIsUnderTheWorkingDirectory() {
        #expect(load(environment: ["FAYE_SSL_DIR": "tls/./here/"]).configuration.tls.certificateFile == "/srv/tls/here/server.crt")
    }

    @Test(arguments: [
        ("TLSv1.2 TLSv1.3", TLSProtocolVersion.tls1_2 ... .tls1_3),
        ("TLSv1.3", .tls1_3 ... .tls1_3),
        ("TLSv1.2", .tls1_2 ... .tls1_2),
        ("tlsv1.3   TLSV1.2", .tls1_2 ... .tls1_3),
    ])
    func secureProtocolListsAreTakenAsTheyAre(list: String, expected: ClosedRange<TLSProtocolVersion>) {
        let loaded = load(environment: ["FAYE_SSL_PROTOCOLS": list])
        #expect(loaded.configuration.tls.protocols == expected)
        #expect(loaded.problems.isEmpty)
    }

    @Test func onlyInsecureProtocolsFallBackToTLS12And13WithAWarningNamingThem() {
        let loaded = load(environment: ["FAYE_SSL_PROTOCOLS": "SSLv2 SSLv3 TLSv1"])
        #expect(loaded.configuration.tls.protocols == .tls1_2 ... .tls1_3)
        #expect(loaded.lines == [
            "warning: FAYE_SSL_PROTOCOLS: dropped insecure SSLv2, SSLv3, TLSv1; using TLSv1.2 TLSv1.3 (from the environment)",
        ])
    }

    @Test func insecureProtocolsBesideSecureOnesAreDroppedAndTheRestKept() {
        let loaded = load(environment: ["FAYE_SSL_PROTOCOLS": "TLSv1 TLSv1.1 TLSv1.2 TLSv1.1"])
        #expect(loaded.configuration.tls.protocols == .tls1_2 ... .tls1_2)
        #expect(loaded.lines == [
            "warning: FAYE_SSL_PROTOCOLS: dropped insecure TLSv1, TLSv1.1; using TLSv1.2 (from the environment)",
        ])
    }

    @Test func cipherStringIsPassedOnForOpenSSLToJudge() {
        let tls = load(environment: ["FAYE_SSL_CIPHERS": "HIGH:!aNULL"]).configuration.tls
        #expect(tls.ciphers == "HIGH:!aNULL")
    }

    @Test func defaultCiphersAreForwardSecretAEADOnly() {
        let ciphers = TLSConfiguration.defaultCiphers.split(separator: ":")
        #expect(ciphers.count == 6)
        #expect(ciphers.allSatisfy { $0.hasPrefix("ECDHE-") && ($0.contains("GCM") || $0.contains("CHACHA20-POLY1305")) })
    }

    @Test func preferServerCiphersIsABoolean() {
        #expect(!load(environment: ["FAYE_SSL_PREFER_SERVER_CIPHERS": "off"]).configuration.tls.prefersServerCiphers)
        #expect(load(environment: ["FAYE_SSL_PREFER_SERVER_CIPHERS": "yes"]).configuration.tls.prefersServerCiphers)
    }

    @Test func developmentWithTLSAsksForADevelopmentCertificateWhereTheConfigurationPointsAt() {
        let configuration = load(environment: [
            "FAYE_ENVIRONMENT": "development", "FAYE_SSL_DIR": "/srv/dev-certs", "FAYE_SSL_KEY_FILE": "/keys/k.pem",
            "FAYE_SERVER_HOSTNAME": "dev.example.com",
        ]).configuration
        let files = configuration.developmentCertificateFiles
        #expect(files?.directory == "/srv/dev-certs")
        #expect(files?.certificatePath == "/srv/dev-certs/server.crt")
        #expect(files?.keyPath == "/keys/k.pem")
        #expect(files?.extraHostname == "dev.example.com")
    }

    @Test func productionOrNoTLSNeverMakesADevelopmentCertificate() {
        #expect(load().configuration.developmentCertificateFiles == nil)
        let withoutTLS = load(environment: ["FAYE_ENVIRONMENT": "development", "FAYE_USE_SSL": "0"])
        #expect(withoutTLS.configuration.developmentCertificateFiles == nil)
    }
}
