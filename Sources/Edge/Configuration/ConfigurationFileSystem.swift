import Glibc

/// The file access configuration loading needs, behind a protocol so tests
/// describe files as plain values.
protocol ConfigurationFileSystem: Sendable {
    /// The file's bytes, or why it cannot be read, in the system's words.
    func contents(of path: String) -> Result<[UInt8], FileAccessError>
    func status(of path: String) -> FileStatus
}

struct FileAccessError: Error, Equatable {
    var reason: String
}

enum FileStatus: Equatable {
    case readable
    case missing
    case unreadable(reason: String)
}

/// The real disk, through Glibc.
struct LocalFileSystem: ConfigurationFileSystem {
    func contents(of path: String) -> Result<[UInt8], FileAccessError> {
        switch status(of: path) {
        case .readable: break
        case .missing: return .failure(FileAccessError(reason: "no such file"))
        case .unreadable(let reason): return .failure(FileAccessError(reason: reason))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileAccessError(reason: Self.lastError())) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileAccessError(reason: Self.lastError()))
            }
            bytes += chunk[..<count]
        }
    }

    func status(of path: String) -> FileStatus {
        var information = stat()
        guard stat(path, &information) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(reason: Self.lastError())
        }
        guard information.st_mode & S_IFMT == S_IFREG else { return .unreadable(reason: "not a regular file") }
        return access(path, R_OK) == 0 ? .readable : .unreadable(reason: Self.lastError())
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
