import Glibc
import IO
import TLS

/// `rawlimit`: the ceiling for fan-out on this machine. Accepts N TLS 1.3 connections
/// from a `drain` process it starts (AES-128-GCM, the only suite the drain offers), then
/// writes records of `--frame-bytes` × `--frames-per-record` bytes round-robin for
/// `--duration` seconds, and reports its own CPU (getrusage) per record and per frame.
enum RawLimitCommand {
    static let flags: Set<String> = ["cert", "key", "connections", "frame-bytes", "frames-per-record", "duration"]
    static let suite = "TLS_AES_128_GCM_SHA256"

    static func run(_ options: Options) throws -> JSONValue {
        let count = try options.int("connections", default: 1000, in: 1...19_000)
        let frameBytes = try options.int("frame-bytes", default: 120, in: 1...16_384)
        let framesPerRecord = try options.int("frames-per-record", default: 1, in: 1...16_384 / frameBytes)
        let seconds = try options.seconds("duration", default: 5)
        let settings = TLSSettings(certificateFile: try options.string("cert"), keyFile: try options.string("key"),
                                   protocols: .tls1_3 ... .tls1_3, alpn: [])
        let context = try TLSContext(settings: settings)
        let loop = try EventLoop(index: 0)
        let acceptor = try RawAcceptor(loop: loop, context: context, connections: count)
        let drain = try ChildProcess.spawnSelf([
            "drain", "--url", "wss://127.0.0.1:\(acceptor.port)/", "--connections", String(count),
            "--tls13-suites", suite, "--source-addresses", "127.0.0.2-127.0.0.9",
        ])
        defer { drain.terminate() }
        Termination.watch(on: loop, until: loop.now &+ 120_000_000_000) { loop.stop() }
        loop.run()
        guard acceptor.connected.count == count else {
            throw UsageError("only \(acceptor.connected.count) of \(count) drain connections arrived (\(acceptor.failures.json.text))")
        }
        let record = [UInt8](repeating: UInt8(ascii: "x"), count: frameBytes * framesPerRecord)
        let result = try RawWriter(connections: acceptor.connected, record: record).run(seconds: seconds)
        let cpu = result.usage.totalSeconds
        let frames = result.records * framesPerRecord
        return .object([
            ("command", .string("rawlimit")), ("connections", .int(count)), ("frame_bytes", .int(frameBytes)),
            ("frames_per_record", .int(framesPerRecord)), ("cipher", .string(acceptor.connected[0].tls.cipherName)),
            ("records", .int(result.records)), ("frames", .int(frames)), ("seconds", .double(result.seconds)),
            ("records_per_s", .double(Double(result.records) / result.seconds)),
            ("frames_per_s", .double(Double(frames) / result.seconds)),
            ("cpu", result.usage.json), ("cpu_us_per_record", .double(cpu * 1e6 / Double(max(result.records, 1)))),
            ("cpu_us_per_frame", .double(cpu * 1e6 / Double(max(frames, 1)))),
            ("writes_per_record", .double(Double(result.writeCalls) / Double(max(result.records, 1)))),
        ])
    }
}
