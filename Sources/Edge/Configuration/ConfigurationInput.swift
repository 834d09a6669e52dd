/// Where a raw value came from, named in problems so a person knows what to edit.
enum ValueSource: Sendable, Equatable {
    case environment
    case environmentFile(path: String, line: Int)
    case flag(String)

    var description: String {
        switch self {
        case .environment: return "the environment"
        case .environmentFile(let path, let line): return "\(path) line \(line)"
        case .flag(let flag): return flag
        }
    }
}

struct SourcedValue: Sendable, Equatable {
    var text: String
    var source: ValueSource
}

/// The raw values of every layer, merged: a later assignment replaces an
/// earlier one, and the loader applies the env file, then the environment,
/// then the flags, so flags win over the environment, which wins over the file.
struct ConfigurationInput: Sendable {
    private(set) var values: [ConfigurationKey: SourcedValue] = [:]
    /// Names that look like ours but are not, in the order met.
    private(set) var unknownNames: [(name: String, source: ValueSource)] = []

    subscript(key: ConfigurationKey) -> SourcedValue? { values[key] }

    mutating func assign(_ key: ConfigurationKey, _ text: String, from source: ValueSource) {
        values[key] = SourcedValue(text: text, source: source)
    }

    /// Takes one NAME=VALUE from a file or the environment.
    mutating func assign(name: String, _ text: String, from source: ValueSource) {
        if let key = ConfigurationKey(rawValue: name) {
            assign(key, text, from: source)
        } else if ConfigurationKey.looksLikeOurs(name), !unknownNames.contains(where: { $0.name == name }) {
            unknownNames.append((name, source))
        }
    }
}
