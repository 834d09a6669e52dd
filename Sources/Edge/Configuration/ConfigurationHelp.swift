/// The --help text, made from the variable catalogue so it cannot fall
/// behind: every flag with its variable and default.
enum ConfigurationHelp {
    static let flagColumn = 40
    static let variableColumn = 36

    static var text: String {
        var text = """
            Usage: bayeux-edge [--flag value | --flag=value]...

            A Bayeux (Faye) server terminating TLS itself: HTTP/1.1, long-polling,
            JSONP, CORS, EventSource and WebSocket on one port.

            Every setting is an environment variable with a matching flag.
            Precedence: a flag wins over the environment, which wins over the --env-file.
            An empty value means the default. BOOL is 1/0, on/off, true/false or yes/no.

            Actions
            \(row("--check-config", "", "load everything, print the effective configuration and every problem;"))
            \(row("", "", "exit status 1 if any problem is fatal, else 0"))
            \(row("--help", "", "this text"))
            \(row("--version", "", "print the version"))

            Sources
            \(row("--env-file PATH", "", "read NAME=VALUE lines (docker-compose env_file syntax)"))
            \(row("--ws-echo-path PATH", "", "serve a WebSocket echo endpoint for conformance tests (default: off)"))

            """
        for section in ConfigurationKey.Section.allCases {
            text += "\n\(section.rawValue)\n"
            for key in ConfigurationKey.allCases where key.section == section {
                text += row("\(key.flag) \(key.valuePlaceholder)", key.rawValue, "default: \(key.defaultDescription)") + "\n"
                text += "      \(key.summary)\n"
            }
        }
        return text
    }

    private static func row(_ flag: String, _ variable: String, _ description: String) -> String {
        let first = "  " + flag
        let second = first.padded(to: flagColumn) + variable
        return (variable.isEmpty ? first.padded(to: flagColumn) : second.padded(to: flagColumn + variableColumn)) + description
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
