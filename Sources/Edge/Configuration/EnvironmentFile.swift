/// A docker-compose `env_file`, read the way compose reads it, so the .env
/// files of the stack we replace mean the same here:
///
/// - `NAME=VALUE` per line; blank lines and lines starting with `#` are skipped;
///   `export NAME=VALUE` is accepted; spaces around `=` are dropped.
/// - `'single quoted'` values are literal; `"double quoted"` ones understand
///   `\n \t \r \\ \" \$`; after the closing quote only a `# comment` may follow.
/// - An unquoted value ends at a `#` that follows a space (the seed has
///   `REDIS_REQUIREPASS=strong-requirepass-password # optional`); its
///   surrounding spaces are dropped.
/// - A bare `NAME` means "from the environment" in compose; the environment
///   wins over this file anyway, so such a line is skipped.
/// - A name given twice: the later line wins.
///
/// Not supported, and reported where they would change a value: quoted values
/// spanning lines. `${VARIABLE}` is not expanded; values are taken literally.
struct EnvironmentFile: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String
        var value: String
        var line: Int
    }

    var entries: [Entry] = []
    var problems: [ConfigurationProblem] = []

    /// `path` is only used to name the file in problems.
    init(text: String, path: String) {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            switch EnvironmentFileLine.parse(line) {
            case .nothing:
                continue
            case .assignment(let name, let value):
                entries.append(Entry(name: name, value: value, line: number))
            case .malformed(let reason):
                problems.append(ConfigurationProblem(.fatal, variable: "\(path) line \(number)", message: reason))
            }
        }
    }
}
