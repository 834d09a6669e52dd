import COpenSSL

/// An OpenSSL failure with the library's own reasons, drained from its error queue.
public struct TLSError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ what: String) {
        let reasons = Self.drainOpenSSLReasons()
        description = reasons.isEmpty ? what : "\(what) (\(reasons.joined(separator: "; ")))"
    }

    /// OpenSSL's queued error reasons, oldest first; the queue is empty afterwards.
    static func drainOpenSSLReasons() -> [String] {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            reasons.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons
    }
}
