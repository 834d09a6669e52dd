/// Problems and configurations as text, one way for --check-config and for
/// a normal start-up (which prints the same problem lines before any port opens).
enum ConfigurationReport {
    /// `fatal: FAYE_HTTPS_PORT: expected a port number 1-65535, found "abc" (from --https-port)`
    static func line(_ problem: ConfigurationProblem) -> String {
        problem.severity.label + ": " + (problem.variable.map { $0 + ": " } ?? "") + problem.message
    }

    /// One line per problem, the worst first, otherwise in the order found.
    static func lines(_ problems: [ConfigurationProblem]) -> [String] {
        problems.enumerated()
            .sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }
            .map { line($0.element) }
    }

    /// `1 fatal, 2 warnings: the server will not start`
    static func summary(_ problems: [ConfigurationProblem]) -> String {
        let counts = ConfigurationProblem.Severity.allCases.reversed().compactMap { severity -> String? in
            let count = problems.count { $0.severity == severity }
            guard count > 0 else { return nil }
            switch severity {
            case .fatal: return "\(count) fatal"
            case .warning: return count == 1 ? "1 warning" : "\(count) warnings"
            case .info: return "\(count) info"
            }
        }
        let verdict = problems.hasFatal ? "the server will not start" : "the configuration is usable"
        return (counts.isEmpty ? "no problems" : counts.joined(separator: ", ")) + ": " + verdict
    }

    /// The process's exit status after --check-config.
    static func exitStatus(_ problems: [ConfigurationProblem]) -> Int32 {
        problems.hasFatal ? 1 : 0
    }

    /// Everything --check-config prints: the effective configuration
    /// (secrets masked), every problem, the summary.
    static func checkConfiguration(_ loaded: LoadedConfiguration) -> String {
        var text = effectiveConfiguration(loaded)
        if !loaded.problems.isEmpty {
            text += "\nProblems\n"
            for line in lines(loaded.problems) { text += "  " + line + "\n" }
        }
        return text + "\n" + summary(loaded.problems) + "\n"
    }
}
