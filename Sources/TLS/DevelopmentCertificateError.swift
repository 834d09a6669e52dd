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
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        let detail = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        return DevelopmentCertificateError("development certificate: \(step) failed\(detail)")
    }

    static func file(_ path: String, _ operation: String, errno code: Int32) -> DevelopmentCertificateError {
        DevelopmentCertificateError("development certificate: cannot \(operation) \(path): \(String(cString: strerror(code)))")
    }
}
