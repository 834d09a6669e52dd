import Glibc

extension DevelopmentCertificate {
    /// The few file operations certificate creation needs, each naming the
    /// path in its error.
    enum FileAccess {
        static func exists(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0
        }

        static func read(_ path: String) throws(DevelopmentCertificateError) -> [UInt8] {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .file(path, "open", errno: errno) }
            defer { close(descriptor) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count == 0 { return bytes }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .file(path, "read", errno: errno)
                }
                bytes += chunk[..<count]
            }
        }

        /// Writes a sibling temporary file and renames it over `path`, so a
        /// reader never sees half a key, and a key is never readable by
        /// others even for a moment (mkstemp creates it 0600).
        static func replaceFile(_ path: String, with bytes: [UInt8], mode: mode_t) throws(DevelopmentCertificateError) {
            var template = Array((path + ".XXXXXX").utf8CString)
            let descriptor = mkstemp(&template)
            guard descriptor >= 0 else { throw .file(path, "create a temporary file beside", errno: errno) }
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            do throws(DevelopmentCertificateError) {
                defer { close(descriptor) }
                try writeAll(bytes, to: descriptor, path: temporary)
                guard fchmod(descriptor, mode) == 0 else { throw .file(temporary, "set the mode of", errno: errno) }
                guard fsync(descriptor) == 0 else { throw .file(temporary, "flush", errno: errno) }
                guard rename(temporary, path) == 0 else { throw .file(path, "replace", errno: errno) }
            } catch {
                unlink(temporary)
                throw error
            }
        }

        private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(DevelopmentCertificateError) {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .file(path, "write", errno: errno)
                }
                offset += written
            }
        }

        /// Like `mkdir -p`; new folders are 0700 because they will hold keys.
        static func makeDirectories(_ path: String) throws(DevelopmentCertificateError) {
            var prefix = path.hasPrefix("/") ? "/" : ""
            for component in path.split(separator: "/") {
                prefix += component
                if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw .file(prefix, "create the folder", errno: errno) }
                prefix += "/"
            }
        }

        static func absolutePath(_ path: String) throws(DevelopmentCertificateError) -> String {
            guard let resolved = realpath(path, nil) else { throw .file(path, "resolve", errno: errno) }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }
}
