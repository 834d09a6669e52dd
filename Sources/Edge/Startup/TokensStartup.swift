import Bayeux
import Glibc

/// Loads the publisher tokens file for start-up, --check-config and SIGHUP.
enum TokensStartup {
    enum Outcome {
        case loaded(PublisherTokens)
        /// No file: every client publish is refused (config.md), a warning not a failure.
        case missing
        case invalid(String)
    }

    static func load(_ path: String) -> Outcome {
        guard let bytes = readFile(path) else {
            if errno == ENOENT { return .missing }
            return .invalid("tokens file \(path) cannot be read: \(String(cString: strerror(errno)))")
        }
        do {
            return .loaded(try PublisherTokens(json: bytes))
        } catch {
            return .invalid("tokens file \(path), \(error)")
        }
    }

    /// Start-up's view: the tokens to use and the problems to report.
    static func problems(for outcome: Outcome, path: String) -> [ConfigurationProblem] {
        switch outcome {
        case .loaded(let tokens):
            return [.init(.info, variable: "FAYE_TOKENS_JSON_FILE", message:
                "publisher tokens for \(tokens.serviceNames.count) service(s): \(tokens.serviceNames.joined(separator: ", "))")]
        case .missing:
            return []  // the configuration loader has already warned that publishing is refused
        case .invalid(let reason):
            return [.init(.fatal, variable: "FAYE_TOKENS_JSON_FILE", message: reason)]
        }
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
            // A tokens file is a few lines; refuse to slurp something that is plainly not one.
            if bytes.count > 16 << 20 {
                errno = EFBIG
                return nil
            }
        }
    }
}

extension TokensStartup.Outcome {
    var tokens: PublisherTokens? {
        if case .loaded(let tokens) = self { return tokens }
        return nil
    }
}
