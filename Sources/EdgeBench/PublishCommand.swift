import IO

/// `publish`: one publisher connection sending `{"t":<ns>,"seq":n}` messages, either
/// paced at a fixed rate (a 1 ms tick sends what is due, so the average holds) or as
/// fast as the server acknowledges, with at most `--window` unacknowledged.
enum PublishCommand {
    static let flags = ClientEnvironment.flags.union(["channel", "rate", "count", "duration", "window", "first-seq",
                                                      "service", "token", "origin"])

    static func run(_ options: Options) throws -> JSONValue {
        let environment = try ClientEnvironment(options)
        let rateText = try options.string("rate")
        let mode: PublishPacer.Mode
        if rateText == "max" {
            mode = .window(try options.int("window", default: 16, in: 1...100_000))
        } else {
            guard let rate = Double(rateText), rate > 0, rate <= 1e7 else {
                throw UsageError("--rate \(rateText): expected publishes per second, or max")
            }
            mode = .rate(rate)
        }
        let pacer = PublishPacer(
            environment: environment, channel: options.string("channel", default: "/bench"), mode: mode,
            count: try options.int("count", default: Int.max / 2, in: 1...Int.max),
            duration: try options.seconds("duration", default: 10),
            firstSeq: Int64(try options.int("first-seq", default: 0)),
            credentials: try PublisherCredentials(options))
        let started = ResourceUsage.now()
        try pacer.start()
        environment.loop.run()
        return pacer.result(usage: ResourceUsage.now() - started)
    }
}
