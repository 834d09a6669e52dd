import Bayeux

/// Loads the publisher tokens file for start-up, --check-config and SIGHUP.
enum TokensStartup {
    enum Outcome {
        case loaded(PublisherTokens)
        /// No file: every client publish is refused (config.md), a warning not a failure.
        case missing
        case unreadable(String)
        case invalid(String)
    }

    static func load(_ path: String, from files: some ConfigurationFileSystem = LocalFileSystem()) -> Outcome {
        switch files.status(of: path) {
        case .missing: return .missing
        case .unreadable(let reason): return .unreadable("tokens file \(path) cannot be read: \(reason)")
        case .readable: break
        }
        switch files.contents(of: path) {
        case .failure(let error):
            return .unreadable("tokens file \(path) cannot be read: \(error.reason)")
        case .success(let bytes):
            do {
                return .loaded(try PublisherTokens(json: bytes))
            } catch {
                return .invalid("tokens file \(path), \(error)")
            }
        }
    }

    /// Start-up's view: the tokens to use and the problems to report.
    static func problems(for outcome: Outcome, path: String) -> [ConfigurationProblem] {
        switch outcome {
        case .loaded(let tokens):
            return [.init(.info, variable: "FAYE_TOKENS_JSON_FILE", message:
                "publisher tokens for \(tokens.serviceNames.count) service(s): \(tokens.serviceNames.joined(separator: ", "))")]
        case .missing, .unreadable:
            return []  // the configuration loader has already reported the file's absence or access
        case .invalid(let reason):
            return [.init(.fatal, variable: "FAYE_TOKENS_JSON_FILE", message: reason)]
        }
    }
}

extension TokensStartup.Outcome {
    var tokens: PublisherTokens? {
        if case .loaded(let tokens) = self { return tokens }
        return nil
    }
}
