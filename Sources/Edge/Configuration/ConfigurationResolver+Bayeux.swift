extension ConfigurationResolver {
    /// Paths the server answers itself, whatever the mount.
    static let reservedPaths = ["/healthz", "/metrics"]
    /// A long-poll held longer than a day is a mistake, and seconds × 1000
    /// must stay a sane number of milliseconds in Bayeux advice.
    static let maximumTimeout = 86_400.0

    mutating func resolveBayeux() -> BayeuxSettings {
        var mount = parsed(.mount, expected: "a path starting with \"/\" (no spaces, ? or #)", ValueSyntax.routePath) ?? "/faye"
        if let raw = value(.mount), let reserved = Self.reservedPath(overlapping: mount) {
            refuse(.mount, "\(mount) would hide the server's own \(reserved)", from: raw.source)
            mount = "/faye"
        }
        let timeout = parsed(.timeout, expected: "a number of seconds greater than 0 and at most 86400") { text in
            Double(text).flatMap { $0 > 0 && $0 <= Self.maximumTimeout ? $0 : nil }
        } ?? 60
        return BayeuxSettings(mount: mount, timeout: timeout)
    }

    /// FAYE_ENVIRONMENT wins over RACK_ENV (the seed sets both).
    mutating func resolveEnvironment() -> DeploymentEnvironment {
        let faye = value(.environment)
        let rack = value(.rackEnvironment)
        if let faye, let rack, faye.text.lowercased() != rack.text.lowercased() {
            report(.info, .rackEnvironment,
                "\(rack.text.quotedForReport) is overridden by FAYE_ENVIRONMENT=\(faye.text.quotedForReport)", from: rack.source)
        }
        guard let chosen = faye ?? rack else { return .production }
        switch chosen.text.lowercased() {
        case "development": return .development
        case "production": return .production
        default:
            report(.warning, faye == nil ? .rackEnvironment : .environment,
                "expected development or production, found \(chosen.text.quotedForReport); using production", from: chosen.source)
            return .production
        }
    }

    mutating func resolveTag() -> String {
        parsed(.tag, expected: "a name without control characters") { text in
            text.unicodeScalars.contains { $0.properties.generalCategory == .control } ? nil : text
        } ?? "faye"
    }

    mutating func resolveTokensFile() -> String {
        let directory = ValueSyntax.absolutePath(value(.tokensDirectory)?.text ?? "./tokens", under: workingDirectory)
        return ValueSyntax.absolutePath(value(.tokensFile)?.text ?? "tokens.json", under: directory)
    }

    mutating func resolveWebSocketEchoPath(mount: String) -> String? {
        let flag = CommandLineArguments.webSocketEchoPathFlag
        guard let raw = webSocketEchoPath, !raw.text.isEmpty else { return nil }
        guard let path = ValueSyntax.routePath(raw.text) else {
            report(.fatal, variable: flag,
                "expected a path starting with \"/\" (no spaces, ? or #), found \(raw.text.quotedForReport)")
            return nil
        }
        if path == mount || path.hasPrefix(mount == "/" ? "/" : mount + "/") {
            report(.fatal, variable: flag, "\(path) lies under the Bayeux mount \(mount); choose a path outside it")
            return nil
        }
        report(.info, variable: flag, "WebSocket echo endpoint for conformance tests is on at \(path); not for production")
        return path
    }

    private static func reservedPath(overlapping mount: String) -> String? {
        reservedPaths.first { mount == $0 || mount.hasPrefix($0 + "/") }
    }
}
