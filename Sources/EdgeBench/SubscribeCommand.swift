import IO

/// `subscribe` and `idle`: N subscriber sessions in this process. `subscribe` counts
/// deliveries and latency per phase; `idle` only holds the sessions (for the memory
/// figure). Both write the ready file once every session is subscribed or has failed,
/// and print their figures when the duration is over or SIGTERM comes.
enum SubscribeCommand {
    static let flags = ClientEnvironment.flags.union(["connections", "channel", "duration", "ready-file", "max-opening"])

    static func run(_ options: Options, isIdle: Bool) throws -> JSONValue {
        let count = try options.int("connections", in: 1...19_000)
        let duration = try options.seconds("duration", default: 3600)
        let readyFile = options.optionalString("ready-file")
        let environment = try ClientEnvironment(options)
        let loop = environment.loop
        let started = ResourceUsage.now()
        var fleet: SubscriberFleet?
        fleet = SubscriberFleet(
            environment: environment, channel: options.string("channel", default: "/bench"), count: count,
            maxOpening: try options.int("max-opening", default: 2000, in: 1...19_000)
        ) {
            guard let fleet, let readyFile else { return }
            ReadyFile.write(readyFile, .object([("ready", .int(fleet.ready)), ("failed", .int(fleet.failures.total))]))
        }
        guard let fleet else { fatalError("fleet was just made") }
        fleet.start()
        Termination.watch(on: loop, until: loop.now &+ .nanoseconds(seconds: duration)) { loop.stop() }
        loop.run()
        let usage = ResourceUsage.now() - started
        var members: [(String, JSONValue)] = [
            ("command", .string(isIdle ? "idle" : "subscribe")), ("connections", .int(count)),
            ("ready", .int(fleet.ready)), ("failed", .int(fleet.failures.total)), ("failures", fleet.failures.json),
            ("dropped", .int(fleet.dropped.total)), ("drop_reasons", fleet.dropped.json),
            ("opening_s", .double(Double(fleet.openingEndedAt - fleet.openingStartedAt) / 1e9)),
            ("cipher", .string(fleet.cipherName)), ("cpu", usage.json),
        ]
        if !isIdle {
            members.append(("phases", fleet.tallies.json))
            members.append(("foreign", .int(fleet.tallies.foreign)))
        }
        return .object(members)
    }
}
