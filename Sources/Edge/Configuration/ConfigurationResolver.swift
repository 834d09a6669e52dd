/// Turns merged raw values into a `Configuration`, collecting a problem for
/// every value it cannot use. A bad value is replaced by its default so the
/// rest can still be checked and the whole configuration printed.
struct ConfigurationResolver {
    let input: ConfigurationInput
    let webSocketEchoPath: SourcedValue?
    let processorCount: Int
    let workingDirectory: String
    private(set) var problems: [ConfigurationProblem] = []
    /// Variables whose value was unusable and replaced by the default.
    private(set) var refused: Set<ConfigurationKey> = []

    init(input: ConfigurationInput, webSocketEchoPath: SourcedValue?, processorCount: Int, workingDirectory: String) {
        self.input = input
        self.webSocketEchoPath = webSocketEchoPath
        self.processorCount = max(1, processorCount)
        self.workingDirectory = workingDirectory
    }

    mutating func resolve() -> Configuration {
        let listening = resolveListening()
        let bayeux = resolveBayeux()
        let configuration = Configuration(
            listening: listening,
            tls: resolveTLS(),
            bayeux: bayeux,
            limits: resolveLimits(),
            engine: resolveEngine(),
            environment: resolveEnvironment(),
            tag: resolveTag(),
            tokensFile: resolveTokensFile(),
            webSocketEchoPath: resolveWebSocketEchoPath(mount: bayeux.mount),
            ignoredVariables: ConfigurationKey.allCases.filter { $0.section == .ignored && input[$0] != nil })
        noteIgnoredAndUnknownNames(configuration.ignoredVariables)
        noteSecretsOnTheCommandLine()
        return configuration
    }

    /// The value as set, or nil when unset. An empty value means the default,
    /// so that `--redis-host=` can undo a REDIS_HOST from a file.
    func value(_ key: ConfigurationKey) -> SourcedValue? {
        guard let value = input[key], !value.text.isEmpty else { return nil }
        return value
    }

    /// Parses a set value; one that does not parse becomes a fatal problem
    /// saying what was expected and nil, so the caller falls back to the default.
    mutating func parsed<T>(_ key: ConfigurationKey, expected: String, _ parse: (String) -> T?) -> T? {
        guard let raw = value(key) else { return nil }
        if let parsed = parse(raw.text) { return parsed }
        refuse(key, "expected \(expected), found \(raw.text.quotedForReport)", from: raw.source)
        return nil
    }

    /// A fatal problem whose value gives way to the default.
    mutating func refuse(_ key: ConfigurationKey, _ message: String, from source: ValueSource) {
        refused.insert(key)
        report(.fatal, key, message, from: source)
    }

    mutating func report(
        _ severity: ConfigurationProblem.Severity, _ key: ConfigurationKey, _ message: String, from source: ValueSource? = nil
    ) {
        report(severity, variable: key.rawValue, message, from: source)
    }

    /// Appends "(from nginx.env line 17)" when the value came from somewhere
    /// a person can edit, so they know where to look.
    mutating func report(
        _ severity: ConfigurationProblem.Severity, variable: String?, _ message: String, from source: ValueSource? = nil
    ) {
        let origin = source.map { " (from \($0.description))" } ?? ""
        problems.append(ConfigurationProblem(severity, variable: variable, message: message + origin))
    }
}
