extension ConfigurationReport {
    static let nameColumn = 38

    /// Each variable with the value in use and where it came from; a value
    /// that was refused shows the default in its place, and says so.
    static func effectiveConfiguration(_ loaded: LoadedConfiguration) -> String {
        var text = "\(EdgeVersion.line): effective configuration\n"
        for section in ConfigurationKey.Section.allCases {
            let keys = ConfigurationKey.allCases.filter { $0.section == section }
                .filter { section != .ignored || loaded.input[$0] != nil }
            guard !keys.isEmpty else { continue }
            text += "\n\(section.rawValue)\n"
            for key in keys {
                let value = effectiveValue(key, in: loaded.configuration, input: loaded.input)
                text += row(key.rawValue, value + "  " + origin(of: key, in: loaded))
            }
        }
        text += "\nDerived\n"
        text += row("listeners", listeners(loaded.configuration.listening))
        text += row("engine", engine(loaded.configuration.engine))
        text += row("tokens file", loaded.configuration.tokensFile)
        text += row("open-file limit wanted", String(loaded.configuration.nofileLimit))
        text += row("WebSocket echo endpoint", loaded.configuration.webSocketEchoPath ?? "off")
        return text
    }

    private static func row(_ name: String, _ value: String) -> String {
        let padding = String(repeating: " ", count: max(1, nameColumn - name.count))
        return "  " + name + padding + value + "\n"
    }

    private static func origin(of key: ConfigurationKey, in loaded: LoadedConfiguration) -> String {
        guard let raw = loaded.input[key], !raw.text.isEmpty else { return "(default)" }
        if loaded.refused.contains(key) { return "(default: the value from \(raw.source.description) was refused)" }
        return "(from \(raw.source.description))"
    }

    private static func listeners(_ listening: ListeningSettings) -> String {
        let address = listening.bindAddress.contains(":") ? "[\(listening.bindAddress)]" : listening.bindAddress
        var parts: [String] = []
        if let port = listening.httpsPort { parts.append("https on \(address):\(port)") }
        if let port = listening.httpPort {
            parts.append("http on \(address):\(port)" + (listening.usesTLS ? " (redirects to https)" : ""))
        }
        return parts.joined(separator: ", ")
    }

    private static func engine(_ engine: EngineSettings) -> String {
        switch engine {
        case .memory:
            return "in memory (this process only)"
        case .redis(let redis):
            return "redis at \(redis.host):\(redis.port), database \(redis.database),"
                + " namespace \(redis.namespace.quotedForReport)"
        }
    }
}
