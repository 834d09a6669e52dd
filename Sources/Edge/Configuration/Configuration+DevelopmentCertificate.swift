import TLS

extension Configuration {
    /// What to hand `DevelopmentCertificate.createIfMissing` at start-up:
    /// only in development, and only when TLS is on.
    var developmentCertificateFiles: DevelopmentCertificateFiles? {
        guard environment == .development, listening.usesTLS else { return nil }
        return DevelopmentCertificateFiles(
            directory: tls.directory, certificatePath: tls.certificateFile, keyPath: tls.keyFile,
            extraHostname: listening.serverHostname)
    }
}
