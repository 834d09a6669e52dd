import COpenSSL

extension DevelopmentCertificate {
    /// An EVP_PKEY this object alone owns.
    final class Key {
        let pointer: OpaquePointer

        private init(owning pointer: OpaquePointer) {
            self.pointer = pointer
        }

        deinit { EVP_PKEY_free(pointer) }

        static func generateP256() throws(DevelopmentCertificateError) -> Key {
            guard let pointer = COpenSSL_EVP_EC_gen("P-256") else { throw .openSSL("generating an ECDSA P-256 key") }
            return Key(owning: pointer)
        }

        static func load(pem: [UInt8], path: String) throws(DevelopmentCertificateError) -> Key {
            let pointer = PEMBuffer.reading(pem) { bio in PEM_read_bio_PrivateKey(bio, nil, nil, nil) }
            guard let pointer else { throw .openSSL("reading the private key \(path)") }
            return Key(owning: pointer)
        }

        /// PKCS#8 PEM, unencrypted: the server reads it without a passphrase.
        func pem() throws(DevelopmentCertificateError) -> [UInt8] {
            try PEMBuffer.writing("writing a private key") { bio in
                PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
            }
        }
    }

    /// PEM text moved between Swift bytes and OpenSSL memory BIOs.
    enum PEMBuffer {
        static func reading<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T?) -> T? {
            bytes.withUnsafeBytes { raw -> T? in
                guard let count = Int32(exactly: raw.count), let bio = BIO_new_mem_buf(raw.baseAddress, count) else { return nil }
                defer { BIO_free(bio) }
                return body(bio)
            }
        }

        static func writing(_ step: String, _ body: (OpaquePointer) -> Int32) throws(DevelopmentCertificateError) -> [UInt8] {
            guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(step) }
            defer { BIO_free(bio) }
            guard body(bio) == 1 else { throw .openSSL(step) }
            var bytes = [UInt8](repeating: 0, count: Int(BIO_ctrl_pending(bio)))
            let read = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(clamping: $0.count)) }
            guard read == bytes.count else { throw .openSSL(step) }
            return bytes
        }
    }
}
