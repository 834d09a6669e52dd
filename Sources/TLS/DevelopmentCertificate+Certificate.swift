import COpenSSL
import Glibc

extension DevelopmentCertificate {
    /// An X509 this object alone owns.
    final class Certificate {
        let pointer: OpaquePointer

        private init(owning pointer: OpaquePointer) {
            self.pointer = pointer
        }

        deinit { X509_free(pointer) }

        static func load(pem: [UInt8], path: String) throws(DevelopmentCertificateError) -> Certificate {
            let pointer = PEMBuffer.reading(pem) { bio in PEM_read_bio_X509(bio, nil, nil, nil) }
            guard let pointer else { throw .openSSL("reading the certificate \(path)") }
            return Certificate(owning: pointer)
        }

        func pem() throws(DevelopmentCertificateError) -> [UInt8] {
            try PEMBuffer.writing("writing a certificate") { bio in PEM_write_bio_X509(bio, pointer) }
        }

        /// An existing CA is used only if it can still sign: its key matches
        /// and it has not expired.
        func checkUsableAuthority(key: Key, path: String, keyPath: String) throws(DevelopmentCertificateError) {
            guard X509_check_private_key(pointer, key.pointer) == 1 else {
                ERR_clear_error()
                throw DevelopmentCertificateError(
                    "development certificate: \(keyPath) is not the key of \(path); delete both to make a new CA")
            }
            guard X509_cmp_current_time(X509_get0_notAfter(pointer)) > 0 else {
                throw DevelopmentCertificateError(
                    "development certificate: the CA \(path) has expired; delete it and \(keyPath) to make a new one")
            }
        }

        /// Signs a new certificate for `publicKey`. With no issuer it is
        /// self-signed (`signer` must then be `publicKey`'s own key).
        static func issue(
            commonName: String, publicKey: Key, signer: Key, issuer: Certificate?,
            validityDays: Int, extensions: [Extension], now: time_t
        ) throws(DevelopmentCertificateError) -> Certificate {
            guard let pointer = X509_new() else { throw .openSSL("allocating a certificate") }
            let certificate = Certificate(owning: pointer)
            try certificate.setRandomSerialNumber()
            try certificate.setNames(commonName: commonName, issuer: issuer)
            try certificate.setValidity(days: validityDays, now: now)
            guard X509_set_version(pointer, 2) == 1, X509_set_pubkey(pointer, publicKey.pointer) == 1 else {
                throw .openSSL("setting the certificate's version and key")
            }
            var context = X509V3_CTX()
            X509V3_set_ctx(&context, issuer?.pointer ?? pointer, pointer, nil, nil, 0)
            for item in extensions {
                guard let made = X509V3_EXT_conf_nid(nil, &context, item.nid, item.value) else {
                    throw .openSSL("making the extension \"\(item.value)\"")
                }
                defer { X509_EXTENSION_free(made) }
                guard X509_add_ext(pointer, made, -1) == 1 else { throw .openSSL("adding the extension \"\(item.value)\"") }
            }
            guard X509_sign(pointer, signer.pointer, EVP_sha256()) > 0 else { throw .openSSL("signing the certificate") }
            return certificate
        }

        /// 128 random bits: unguessable serials are what the CA/Browser rules ask for.
        private func setRandomSerialNumber() throws(DevelopmentCertificateError) {
            var random = [UInt8](repeating: 0, count: 16)
            guard RAND_bytes(&random, Int32(random.count)) == 1 else { throw .openSSL("drawing a serial number") }
            guard let number = BN_bin2bn(random, Int32(random.count), nil) else { throw .openSSL("making a serial number") }
            defer { BN_free(number) }
            guard let serial = BN_to_ASN1_INTEGER(number, nil) else { throw .openSSL("encoding a serial number") }
            defer { ASN1_INTEGER_free(serial) }
            guard X509_set_serialNumber(pointer, serial) == 1 else { throw .openSSL("setting the serial number") }
        }

        private func setNames(commonName: String, issuer: Certificate?) throws(DevelopmentCertificateError) {
            guard let name = X509_NAME_new() else { throw .openSSL("allocating a name") }
            defer { X509_NAME_free(name) }
            let organization = "bayeux-edge development"
            guard X509_NAME_add_entry_by_NID(name, NID_organizationName, MBSTRING_UTF8, organization, -1, -1, 0) == 1,
                X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8, commonName, -1, -1, 0) == 1
            else { throw .openSSL("naming the certificate \"\(commonName)\"") }
            let issuerName = issuer.map { X509_get_subject_name($0.pointer) } ?? name
            guard X509_set_subject_name(pointer, name) == 1, X509_set_issuer_name(pointer, issuerName) == 1 else {
                throw .openSSL("setting the subject and issuer of \"\(commonName)\"")
            }
        }

        /// Starts five minutes in the past so a client whose clock is a little
        /// behind does not reject a certificate made a moment ago.
        private func setValidity(days: Int, now: time_t) throws(DevelopmentCertificateError) {
            var base = now
            guard X509_time_adj_ex(X509_getm_notBefore(pointer), 0, -300, &base) != nil,
                X509_time_adj_ex(X509_getm_notAfter(pointer), Int32(days), 0, &base) != nil
            else { throw .openSSL("setting the validity period") }
        }
    }
}
