/// `longpoll`: N HTTP/1.1 long-polling clients, one channel each, and one WebSocket
/// publisher in the same process that publishes to a client's channel whenever that
/// client has no message on its way. The figure is round trips per second: held
/// `/meta/connect` requests answered with a message, over the measured window.
enum LongPollCommand {
    static let flags = ClientEnvironment.flags.union(["clients", "duration", "ready-file", "max-opening",
                                                      "service", "token", "origin"])

    static func run(_ options: Options) throws -> JSONValue {
        let count = try options.int("clients", in: 1...19_000)
        let seconds = try options.seconds("duration", default: 10)
        let environment = try ClientEnvironment(options)
        let fleet = LongPollFleet(environment: environment, clients: count,
                                  maxOpening: try options.int("max-opening", default: 500, in: 1...19_000),
                                  credentials: try PublisherCredentials(options), measuredSeconds: seconds,
                                  readyFile: options.optionalString("ready-file"))
        let started = ResourceUsage.now()
        try fleet.start()
        environment.loop.run()
        let usage = ResourceUsage.now() - started
        let window = Double(fleet.windowEndedAt - fleet.windowStartedAt) / 1e9
        var members: [(String, JSONValue)] = [
            ("command", .string("longpoll")), ("clients", .int(count)), ("ready", .int(fleet.ready)),
            ("failed", .int(fleet.failures.total)), ("failures", fleet.failures.json),
            ("dropped", .int(fleet.dropped.total)), ("drop_reasons", fleet.dropped.json),
            ("round_trips", .int(fleet.roundTrips)), ("window_s", .double(window)),
            ("round_trips_per_s", .double(window > 0 ? Double(fleet.roundTrips) / window : 0)),
            ("publishes_refused", .int(fleet.publisherState?.refused ?? 0)),
            ("phases", fleet.tallies.json), ("cpu", usage.json),
        ]
        if let reason = fleet.publisherState?.closeReason { members.append(("publisher_closed", .string(reason))) }
        return .object(members)
    }
}
