/// One thing wrong with, or worth knowing about, the configuration. Loading
/// collects all of them, so a person fixes everything in one pass.
struct ConfigurationProblem: Sendable, Equatable {
    enum Severity: Int, Sendable, Comparable, CaseIterable {
        /// Worth knowing; nothing to fix.
        case info
        /// The server starts, perhaps not as the person meant.
        case warning
        /// The server refuses to start.
        case fatal

        var label: String {
            switch self {
            case .info: return "info"
            case .warning: return "warning"
            case .fatal: return "fatal"
            }
        }

        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var severity: Severity
    /// The variable (or flag, or file) the person has to look at, if one.
    var variable: String?
    var message: String

    init(_ severity: Severity, variable: String?, message: String) {
        self.severity = severity
        self.variable = variable
        self.message = message
    }
}

extension [ConfigurationProblem] {
    var hasFatal: Bool { contains { $0.severity == .fatal } }
}
