/// A string as a JSON string literal, for the other targets that write JSON (logs,
/// the benchmark's reports): one escaping rule for the whole project.
public enum JSONString {
    public static func quoted(_ string: String) -> String {
        var writer = JSONWriter(capacity: string.utf8.count + 2)
        writer.appendString(string)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
