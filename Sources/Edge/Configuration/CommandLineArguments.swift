/// The command line taken apart: which action, which env file, and one value
/// per configuration flag. Every flag takes `--flag value` or `--flag=value`;
/// a flag given twice keeps its last value.
struct CommandLineArguments: Sendable {
    static let checkConfigurationFlag = "--check-config"
    static let environmentFileFlag = "--env-file"
    static let webSocketEchoPathFlag = "--ws-echo-path"
    static let helpFlag = "--help"
    static let versionFlag = "--version"

    var action: LaunchAction = .run
    var environmentFile: String?
    /// The conformance echo endpoint: a flag only, never set by a .env file.
    var webSocketEchoPath: String?
    var assignments: [(key: ConfigurationKey, value: String)] = []
    var problems: [ConfigurationProblem] = []

    /// `arguments` excludes the program name.
    init(_ arguments: [String]) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else {
                problems.append(ConfigurationProblem(
                    .fatal, variable: nil,
                    message: "unexpected argument \(argument.quotedForReport); settings are given as --flag value (see --help)"))
                continue
            }
            let (flag, inlineValue) = Self.split(argument)
            switch flag {
            case Self.checkConfigurationFlag: takeAction(.checkConfiguration, flag: flag, inlineValue: inlineValue)
            case Self.helpFlag: takeAction(.showHelp, flag: flag, inlineValue: inlineValue)
            case Self.versionFlag: takeAction(.showVersion, flag: flag, inlineValue: inlineValue)
            case Self.environmentFileFlag:
                environmentFile = value(of: flag, inline: inlineValue, remaining: &remaining) ?? environmentFile
            case Self.webSocketEchoPathFlag:
                webSocketEchoPath = value(of: flag, inline: inlineValue, remaining: &remaining) ?? webSocketEchoPath
            default:
                guard let key = ConfigurationKey.byFlag[flag] else {
                    problems.append(ConfigurationProblem(.fatal, variable: flag, message: "unknown flag (see --help)"))
                    continue
                }
                if let value = value(of: flag, inline: inlineValue, remaining: &remaining) { assignments.append((key, value)) }
            }
        }
    }

    private static func split(_ argument: String) -> (flag: String, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private mutating func takeAction(_ requested: LaunchAction, flag: String, inlineValue: String?) {
        if inlineValue != nil {
            problems.append(ConfigurationProblem(.fatal, variable: flag, message: "takes no value"))
        }
        action = max(action, requested)
    }

    /// The next argument is the value unless it is missing or is itself a
    /// flag: `--use-ssl --mount /x` is a forgotten value, not a boolean "--mount".
    private mutating func value(of flag: String, inline: String?, remaining: inout ArraySlice<String>) -> String? {
        if let inline { return inline }
        guard let next = remaining.first, !next.hasPrefix("--") else {
            problems.append(ConfigurationProblem(.fatal, variable: flag, message: "expected a value after it, found none"))
            return nil
        }
        remaining.removeFirst()
        return next
    }
}
