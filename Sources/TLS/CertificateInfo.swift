import COpenSSL
import Glibc

/// What the logs and checks need to know of the certificate in use.
public struct CertificateInfo: Sendable {
    public var serialHex = ""
    public var subject = ""
    public var notAfter = ""
    /// DER of the leaf, kept to check host names against it later.
    private var leafDER: [UInt8] = []

    init(context: OpaquePointer) throws {
        guard let leaf = SSL_CTX_get0_certificate(context) else { throw TLSError("no certificate loaded") }
        if let serial = X509_get_serialNumber(leaf), let bn = ASN1_INTEGER_to_BN(serial, nil) {
            if let hex = BN_bn2hex(bn) {
                serialHex = String(cString: hex)
                CRYPTO_free(hex, #fileID, #line)
            }
            BN_free(bn)
        }
        if let name = X509_get_subject_name(leaf), let line = X509_NAME_oneline(name, nil, 0) {
            subject = String(cString: line)
            CRYPTO_free(line, #fileID, #line)
        }
        var isExpired = false
        if let end = X509_get0_notAfter(leaf) {
            isExpired = X509_cmp_current_time(end) < 0
            if let bio = BIO_new(BIO_s_mem()) {
                ASN1_TIME_print(bio, end)
                var text = [CChar](repeating: 0, count: 64)
                let n = BIO_read(bio, &text, Int32(text.count - 1))
                if n > 0 { notAfter = String(decoding: text[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
                BIO_free(bio)
            }
        }
        let length = i2d_X509(leaf, nil)
        if length > 0 {
            leafDER = [UInt8](repeating: 0, count: Int(length))
            leafDER.withUnsafeMutableBufferPointer { buffer in
                var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
                _ = i2d_X509(leaf, &cursor)
            }
        }
        if isExpired { throw TLSError("certificate expired on \(notAfter)") }
    }

    /// Whether the certificate names `host` (SAN DNS or IP), for the start-up warning.
    public func covers(host: String) -> Bool {
        leafDER.withUnsafeBufferPointer { der -> Bool in
            var cursor: UnsafePointer<UInt8>? = der.baseAddress
            guard let cert = d2i_X509(nil, &cursor, der.count) else { return false }
            defer { X509_free(cert) }
            if X509_check_host(cert, host, host.utf8.count, 0, nil) == 1 { return true }
            return X509_check_ip_asc(cert, host, 0) == 1
        }
    }
}
