import Bayeux
import Glibc

/// Structured logs: one JSON object per line on standard error, so a container
/// runtime or a log shipper can parse them without a grammar.
final class Log: Sendable {
    enum Level: String, Comparable, Sendable {
        case debug, info, warning, error

        private var rank: Int {
            switch self {
            case .debug: 0
            case .info: 1
            case .warning: 2
            case .error: 3
            }
        }

        static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    let tag: String
    let minimum: Level

    init(tag: String, minimum: Level) {
        self.tag = tag
        self.minimum = minimum
    }

    func debug(_ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, String)] = []) {
        write(.debug, message, fields)
    }

    func info(_ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, String)] = []) {
        write(.info, message, fields)
    }

    func warning(_ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, String)] = []) {
        write(.warning, message, fields)
    }

    func error(_ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, String)] = []) {
        write(.error, message, fields)
    }

    private func write(_ level: Level, _ message: () -> String, _ fields: () -> [(String, String)]) {
        guard level >= minimum else { return }
        var line = "{\"ts\":\"\(Self.timestamp())\",\"level\":\"\(level.rawValue)\",\"tag\":"
        line += JSONString.quoted(tag)
        line += ",\"msg\":"
        line += JSONString.quoted(message())
        for (key, value) in fields() {
            line += ","
            line += JSONString.quoted(key)
            line += ":"
            line += JSONString.quoted(value)
        }
        line += "}\n"
        // One write(2) per line: lines from two loop threads never interleave.
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    private static func timestamp() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var seconds = ts.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(ts.tv_nsec / 1_000_000), 3))Z"
    }
}
