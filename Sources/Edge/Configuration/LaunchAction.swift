/// What the command line asks the process to do. When several are given the
/// most helpful one wins: help, then version, then check, then run.
enum LaunchAction: Int, Sendable, Comparable {
    case run
    case checkConfiguration
    case showVersion
    case showHelp

    static func < (lhs: LaunchAction, rhs: LaunchAction) -> Bool { lhs.rawValue < rhs.rawValue }
}
