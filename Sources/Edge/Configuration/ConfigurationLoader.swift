/// What loading produced. The configuration is always complete (bad values
/// replaced by defaults) so that --check-config can print it next to the
/// problems; the server must not start if any problem is fatal.
struct LoadedConfiguration: Sendable {
    var action: LaunchAction
    var configuration: Configuration
    /// Where each value came from, for the report.
    var input: ConfigurationInput
    /// Variables whose value was unusable: the configuration holds their default.
    var refused: Set<ConfigurationKey>
    /// In the order found; the lead's checks (ciphers, certificate, tokens
    /// file contents) append theirs.
    var problems: [ConfigurationProblem]
}

/// Builds the configuration from three layers: the --env-file, then the
/// environment, then flags (each wins over the one before), and checks it.
struct ConfigurationLoader: Sendable {
    var environment: [String: String]
    /// Relative paths (./certs, ./tokens) are resolved against it.
    var workingDirectory: String
    var processorCount: Int
    var fileSystem: any ConfigurationFileSystem

    /// `arguments` excludes the program name.
    func load(arguments: [String]) -> LoadedConfiguration {
        let commandLine = CommandLineArguments(arguments)
        var problems = commandLine.problems
        var input = ConfigurationInput()
        if let path = commandLine.environmentFile {
            for entry in readEnvironmentFile(path, problems: &problems) {
                input.assign(name: entry.name, entry.value, from: .environmentFile(path: path, line: entry.line))
            }
        }
        for name in environment.keys.sorted() {
            input.assign(name: name, environment[name] ?? "", from: .environment)
        }
        for (key, value) in commandLine.assignments {
            input.assign(key, value, from: .flag(key.flag))
        }

        var resolver = ConfigurationResolver(
            input: input,
            webSocketEchoPath: commandLine.webSocketEchoPath.map {
                SourcedValue(text: $0, source: .flag(CommandLineArguments.webSocketEchoPathFlag))
            },
            processorCount: processorCount, workingDirectory: workingDirectory)
        let configuration = resolver.resolve()
        problems += resolver.problems
        problems += tokensFileProblems(configuration.tokensFile)
        return LoadedConfiguration(
            action: commandLine.action, configuration: configuration, input: input, refused: resolver.refused,
            problems: problems)
    }

    private func readEnvironmentFile(_ path: String, problems: inout [ConfigurationProblem]) -> [EnvironmentFile.Entry] {
        let flag = CommandLineArguments.environmentFileFlag
        switch fileSystem.contents(of: path) {
        case .failure(let error):
            problems.append(ConfigurationProblem(.fatal, variable: flag, message: "cannot read \(path): \(error.reason)"))
            return []
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append(ConfigurationProblem(.fatal, variable: flag, message: "\(path) is not UTF-8 text"))
                return []
            }
            let file = EnvironmentFile(text: text, path: path)
            problems += file.problems
            return file.entries
        }
    }

    /// Only whether the file is there; its contents are checked by the
    /// Bayeux target's parser. No file means publishing is refused, which
    /// a subscribe-only deployment may want, so that is only a warning.
    private func tokensFileProblems(_ path: String) -> [ConfigurationProblem] {
        let variable = "\(ConfigurationKey.tokensDirectory.rawValue)/\(ConfigurationKey.tokensFile.rawValue)"
        switch fileSystem.status(of: path) {
        case .readable:
            return []
        case .missing:
            return [ConfigurationProblem(.warning, variable: variable,
                message: "no tokens file at \(path); publishing from clients is refused")]
        case .unreadable(let reason):
            return [ConfigurationProblem(.fatal, variable: variable, message: "cannot read the tokens file \(path): \(reason)")]
        }
    }
}
