extension ConfigurationResolver {
    mutating func noteIgnoredAndUnknownNames(_ ignored: [ConfigurationKey]) {
        if !ignored.isEmpty {
            report(.info, variable: nil,
                "ignored (meaningless in one process): \(ignored.map(\.rawValue).joined(separator: ", "))")
        }
        for (name, source) in input.unknownNames {
            let suggestion = Self.closestKey(to: name).map { " (did you mean \($0.rawValue)?)" } ?? ""
            report(.warning, variable: name, "not a bayeux-edge variable; ignored\(suggestion)", from: source)
        }
    }

    /// A flag's value is readable by every user of the machine in the process list.
    mutating func noteSecretsOnTheCommandLine() {
        for key in ConfigurationKey.allCases where key.isSecret {
            guard case .flag(let flag)? = input[key]?.source else { continue }
            report(.warning, key,
                "given as \(flag), where every user of this machine can read it in the process list;"
                    + " set it in the environment or the --env-file instead")
        }
    }

    /// The known name a typo most likely meant: at most two edits away.
    static func closestKey(to name: String) -> ConfigurationKey? {
        ConfigurationKey.allCases
            .map { ($0, editDistance(Array(name.utf8), Array($0.rawValue.utf8))) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
