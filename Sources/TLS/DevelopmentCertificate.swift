import COpenSSL
import Glibc

/// Where a development certificate goes. The private CA (`dev-ca.pem`,
/// `dev-ca.key`) lives in `directory`; the leaf goes to the configured
/// certificate and key paths, which may lie elsewhere.
public struct DevelopmentCertificateFiles: Sendable, Equatable {
    public var directory: String
    /// Written as the leaf followed by the CA: one combined file.
    public var certificatePath: String
    public var keyPath: String
    /// Added to the leaf's names beside localhost, 127.0.0.1 and ::1.
    public var extraHostname: String?

    public init(directory: String, certificatePath: String, keyPath: String, extraHostname: String?) {
        self.directory = directory
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.extraHostname = extraHostname
    }

    var authorityCertificatePath: String { directory + "/dev-ca.pem" }
    var authorityKeyPath: String { directory + "/dev-ca.key" }
}

public enum DevelopmentCertificateOutcome: Sendable, Equatable {
    /// The certificate file exists; nothing was written.
    case certificateAlreadyPresent
    /// A leaf was written. The path is absolute, for "trust it" advice.
    case created(authorityCertificatePath: String, reusedAuthority: Bool)
}

/// A private CA and a `localhost` certificate it signs, so that a developer
/// can run TLS without buying or hand-making certificates. Clients trust the
/// CA once; each new leaf then verifies without further steps.
public enum DevelopmentCertificate {
    static let authorityValidityDays = 3650
    // Browsers refuse server certificates valid for more than 398 days.
    static let leafValidityDays = 397

    /// Creates the CA (unless a complete one exists) and a leaf, unless the
    /// certificate file is already there. A CA that exists but cannot be
    /// used is an error rather than being replaced: someone may trust it.
    public static func createIfMissing(
        _ files: DevelopmentCertificateFiles,
        now: time_t = time(nil)
    ) throws(DevelopmentCertificateError) -> DevelopmentCertificateOutcome {
        if FileAccess.exists(files.certificatePath) { return .certificateAlreadyPresent }
        let leafExtensions = try Profile.leafExtensions(extraHostname: files.extraHostname)
        ERR_clear_error()
        try FileAccess.makeDirectories(files.directory)

        let (authority, authorityKey, reused) = try loadOrCreateAuthority(files, now: now)
        let leafKey = try Key.generateP256()
        let leaf = try Certificate.issue(
            commonName: "localhost", publicKey: leafKey, signer: authorityKey, issuer: authority,
            validityDays: leafValidityDays, extensions: leafExtensions, now: now)

        try FileAccess.replaceFile(files.keyPath, with: leafKey.pem(), mode: 0o600)
        try FileAccess.replaceFile(files.certificatePath, with: leaf.pem() + authority.pem(), mode: 0o644)
        let absolute = try FileAccess.absolutePath(files.authorityCertificatePath)
        return .created(authorityCertificatePath: absolute, reusedAuthority: reused)
    }

    /// A CA counts as present only when both its files exist: a key without
    /// its certificate was never handed to anyone, and a certificate without
    /// its key cannot sign, so either half alone is replaced.
    private static func loadOrCreateAuthority(
        _ files: DevelopmentCertificateFiles, now: time_t
    ) throws(DevelopmentCertificateError) -> (Certificate, Key, reused: Bool) {
        let certificatePath = files.authorityCertificatePath
        let keyPath = files.authorityKeyPath
        if FileAccess.exists(certificatePath) && FileAccess.exists(keyPath) {
            let certificate = try Certificate.load(pem: FileAccess.read(certificatePath), path: certificatePath)
            let key = try Key.load(pem: FileAccess.read(keyPath), path: keyPath)
            try certificate.checkUsableAuthority(key: key, path: certificatePath, keyPath: keyPath)
            return (certificate, key, true)
        }
        let key = try Key.generateP256()
        let certificate = try Certificate.issue(
            commonName: "bayeux-edge development CA", publicKey: key, signer: key, issuer: nil,
            validityDays: authorityValidityDays, extensions: Profile.authorityExtensions, now: now)
        try FileAccess.replaceFile(keyPath, with: key.pem(), mode: 0o600)
        try FileAccess.replaceFile(certificatePath, with: certificate.pem(), mode: 0o644)
        return (certificate, key, false)
    }
}
