import COpenSSL
import Glibc

extension DevelopmentCertificate {
    /// One X.509v3 extension in OpenSSL's configuration syntax.
    struct Extension {
        let nid: Int32
        let value: String
    }

    /// What the CA and the leaf may be used for, and the names the leaf covers.
    enum Profile {
        // The subject key identifier comes first: the authority key
        // identifier of a self-signed certificate is copied from it.
        static let authorityExtensions = [
            Extension(nid: NID_basic_constraints, value: "critical,CA:TRUE"),
            Extension(nid: NID_key_usage, value: "critical,keyCertSign,cRLSign"),
            Extension(nid: NID_subject_key_identifier, value: "hash"),
            Extension(nid: NID_authority_key_identifier, value: "keyid:always"),
        ]

        static func leafExtensions(extraHostname: String?) throws(DevelopmentCertificateError) -> [Extension] {
            var names = ["DNS:localhost", "IP:127.0.0.1", "IP:::1"]
            if let extraHostname {
                let name = try subjectAlternativeName(for: extraHostname)
                if !names.contains(name) { names.append(name) }
            }
            return [
                Extension(nid: NID_basic_constraints, value: "critical,CA:FALSE"),
                Extension(nid: NID_key_usage, value: "critical,digitalSignature"),
                Extension(nid: NID_ext_key_usage, value: "serverAuth"),
                Extension(nid: NID_subject_alt_name, value: names.joined(separator: ",")),
                Extension(nid: NID_subject_key_identifier, value: "hash"),
                Extension(nid: NID_authority_key_identifier, value: "keyid:always"),
            ]
        }

        /// The host name goes into OpenSSL's comma-separated syntax, so
        /// anything but a plain DNS name or IP literal is refused: a comma
        /// would otherwise smuggle in names nobody asked for.
        static func subjectAlternativeName(for host: String) throws(DevelopmentCertificateError) -> String {
            if isIPAddress(host) { return "IP:" + host }
            let name = host.hasSuffix(".") ? String(host.dropLast()) : host
            let labels = name.split(separator: ".", omittingEmptySubsequences: false)
            let isDNSName = !name.isEmpty && name.utf8.count <= 253 && labels.allSatisfy { label in
                (1...63).contains(label.utf8.count)
                    && label.utf8.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
                    && label.utf8.first != UInt8(ascii: "-") && label.utf8.last != UInt8(ascii: "-")
            }
            guard isDNSName else {
                throw DevelopmentCertificateError(
                    "development certificate: cannot name \"\(host)\" in a certificate: expected a DNS name or an IP address")
            }
            return "DNS:" + name
        }

        private static func isIPAddress(_ text: String) -> Bool {
            var address = in6_addr()
            return inet_pton(AF_INET, text, &address) == 1 || inet_pton(AF_INET6, text, &address) == 1
        }

        private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return false
            }
        }
    }
}
