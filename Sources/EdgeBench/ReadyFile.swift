import Glibc

/// Tells the orchestrator a phase of a command is reached: the file appears whole
/// (written beside, then renamed), holding one JSON object.
enum ReadyFile {
    static func write(_ path: String, _ value: JSONValue) {
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else {
            Output.warn("cannot write \(temporary): \(String(cString: strerror(errno)))")
            return
        }
        fputs(value.text + "\n", file)
        fclose(file)
        rename(temporary, path)
    }
}

/// Where commands print: the one JSON result on stdout, everything else on stderr.
enum Output {
    static func result(_ value: JSONValue) {
        print(value.text)
    }

    /// A line on stderr (fd 2: the C `stderr` global is not concurrency-safe in Swift 6).
    static func warn(_ text: String) {
        var line = Array("edge-bench: \(text)\n".utf8)
        _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
