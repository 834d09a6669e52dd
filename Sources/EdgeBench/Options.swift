/// The `--name value` flags of one subcommand. Every flag takes a value; a flag the
/// subcommand does not know is an error, so a typo never silently runs a default.
struct Options {
    private let values: [String: String]

    init(_ arguments: ArraySlice<String>, allowed: Set<String>) throws(UsageError) {
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--") else { throw UsageError("unexpected argument \"\(flag)\"") }
            let name = String(flag.dropFirst(2))
            guard allowed.contains(name) else {
                throw UsageError("unknown flag --\(name) (this command takes: \(allowed.sorted().map { "--" + $0 }.joined(separator: " ")))")
            }
            guard let value = rest.popFirst() else { throw UsageError("--\(name) needs a value") }
            values[name] = value
        }
        self.values = values
    }

    func string(_ name: String) throws(UsageError) -> String {
        guard let value = values[name] else { throw UsageError("--\(name) is required") }
        return value
    }

    func string(_ name: String, default fallback: String) -> String {
        values[name] ?? fallback
    }

    func optionalString(_ name: String) -> String? {
        values[name]
    }

    func int(_ name: String, default fallback: Int? = nil, in range: ClosedRange<Int> = 0...Int.max) throws(UsageError) -> Int {
        guard let text = values[name] else {
            guard let fallback else { throw UsageError("--\(name) is required") }
            return fallback
        }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) \(text): expected a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func seconds(_ name: String, default fallback: Double) throws(UsageError) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), value > 0, value < 1e6 else {
            throw UsageError("--\(name) \(text): expected a number of seconds above 0")
        }
        return value
    }
}
