import COpenSSL
import Glibc

/// Why a development certificate could not be made, in words that name the
/// file or the OpenSSL step, followed by OpenSSL's own reasons if it gave any.
public struct DevelopmentCertificateError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    init(_ message: String) {
        self.message = message
    }

    /// Drains OpenSSL's error queue into the message, so the next call starts clean.
    static func openSSL(_ step: String) -> DevelopmentCertificateError {
        let reasons = TLSError.drainOpenSSLReasons()
        let detail = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        return DevelopmentCertificateError("development certificate: \(step) failed\(detail)")
    }

    static func file(_ path: String, _ operation: String, errno code: Int32) -> DevelopmentCertificateError {
        DevelopmentCertificateError("development certificate: cannot \(operation) \(path): \(String(cString: strerror(code)))")
    }
}
