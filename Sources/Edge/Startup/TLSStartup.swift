import Glibc
import TLS

/// Builds the TLS context store at start-up, turning every failure into a problem
/// with words a person can act on; the same code serves --check-config.
enum TLSStartup {
    /// ALPN ids the server speaks, in preference order.
    static let alpn = ["http/1.1"]

    static func load(_ configuration: Configuration, creatingDevelopmentCertificate: Bool) -> (TLSContextStore?, [ConfigurationProblem]) {
        guard configuration.listening.usesTLS else { return (nil, []) }
        var problems: [ConfigurationProblem] = []
        let tls = configuration.tls
        if let rejected = TLSSettings.cipherProblem(tls.ciphers) {
            problems.append(.init(.fatal, variable: "FAYE_SSL_CIPHERS", message: rejected.description))
        }
        if let files = configuration.developmentCertificateFiles, !exists(tls.certificateFile) {
            if creatingDevelopmentCertificate {
                do {
                    if case .created(let authority, let reused) = try DevelopmentCertificate.createIfMissing(files) {
                        problems.append(.init(.info, variable: "FAYE_SSL_DIR", message:
                            "development certificate for localhost created\(reused ? " with the existing CA" : ""); "
                            + "development CA: \(authority) (trust it: curl --cacert \(authority) https://localhost:\(configuration.listening.httpsPort ?? 8443)/healthz)"))
                    }
                } catch {
                    problems.append(.init(.fatal, variable: "FAYE_SSL_DIR", message: "\(error)"))
                    return (nil, problems)
                }
            } else {
                problems.append(.init(.info, variable: "FAYE_SSL_CERT_FILE", message:
                    "\(tls.certificateFile) does not exist; in development the server creates a CA and a localhost certificate at start-up"))
                return (nil, problems)
            }
        }
        if !exists(tls.certificateFile) {
            problems.append(.init(.fatal, variable: "FAYE_SSL_CERT_FILE", message:
                "certificate file \(tls.certificateFile) does not exist (FAYE_SSL_DIR + FAYE_SSL_CERT_FILE; "
                + "with FAYE_ENVIRONMENT=development one is made for you)"))
        }
        if !exists(tls.keyFile) {
            problems.append(.init(.fatal, variable: "FAYE_SSL_KEY_FILE", message: "key file \(tls.keyFile) does not exist"))
        }
        guard !problems.hasFatal else { return (nil, problems) }
        do {
            let store = try TLSContextStore(settings: tls.contextSettings(alpn: alpn))
            let certificate = store.context.certificate
            if let host = configuration.listening.serverHostname, !certificate.covers(host: host) {
                problems.append(.init(.warning, variable: "FAYE_SERVER_HOSTNAME", message:
                    "the certificate (\(certificate.subject)) does not name \(host); browsers will refuse it"))
            }
            return (store, problems)
        } catch {
            // The error names the file or the cipher string that failed.
            problems.append(.init(.fatal, variable: nil, message: "\(error)"))
            return (nil, problems)
        }
    }

    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
