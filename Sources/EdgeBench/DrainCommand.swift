/// `drain`: N TLS connections that only read and discard: the receiving end of
/// `rawlimit`, in a process of its own so its CPU is not counted as the writer's.
enum DrainCommand {
    static let flags = ClientEnvironment.flags.union(["connections", "duration"])

    static func run(_ options: Options) throws -> JSONValue {
        let count = try options.int("connections", in: 1...19_000)
        let environment = try ClientEnvironment(options)
        let readers = try (0..<count).map { try DrainReader(index: $0, environment: environment) }
        let loop = environment.loop
        let started = ResourceUsage.now()
        Termination.watch(on: loop, until: loop.now &+ .nanoseconds(seconds: try options.seconds("duration", default: 3600))) {
            loop.stop()
        }
        loop.run()
        return .object([
            ("command", .string("drain")), ("connections", .int(count)),
            ("opened", .int(readers.count { $0.wasOpened })), ("bytes", .int(readers.reduce(0) { $0 + $1.bytes })),
            ("cpu", (ResourceUsage.now() - started).json),
        ])
    }
}

/// One connection of `drain`: counts what it reads.
///
/// Loop-confined.
final class DrainReader: StreamOwner {
    private var stream: ClientStream<DrainReader>!
    private(set) var bytes = 0
    private(set) var wasOpened = false

    init(index: Int, environment: ClientEnvironment) throws {
        stream = try ClientStream(connection: index, environment: environment, owner: self)
    }

    func streamOpened() {
        wasOpened = true
    }

    func streamReceived(_ bytes: UnsafeRawBufferPointer) {
        self.bytes += bytes.count
    }

    func streamClosed(_ reason: String) {}
}
