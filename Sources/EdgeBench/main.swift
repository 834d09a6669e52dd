import Glibc

/// edge-bench: the load generator of `make bench` (see bench/README.md). Each
/// subcommand runs in one process on one thread and prints one JSON object at the end.
let usage = """
    usage: edge-bench COMMAND --flag value ...
      subscribe   N TLS WebSocket subscribers; counts deliveries, latency, losses per phase
      idle        N TLS WebSocket sessions held open (for the memory figure)
      publish     publishes at a fixed rate or as fast as acknowledged
      longpoll    N HTTP/1.1 long-polling clients, each answered by a publish to its channel
      handshakes  new TLS connection per request (GET, Connection: close), C at a time
      rawlimit    the ceiling: one TLS record to each of N connections, as fast as possible
      drain       reads and discards (the other end of rawlimit)
    """

Termination.install()
let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else {
    Output.warn("\n" + usage)
    exit(2)
}
let rest = arguments.dropFirst()
do {
    let result: JSONValue
    switch command {
    case "subscribe": result = try SubscribeCommand.run(Options(rest, allowed: SubscribeCommand.flags), isIdle: false)
    case "idle": result = try SubscribeCommand.run(Options(rest, allowed: SubscribeCommand.flags), isIdle: true)
    case "publish": result = try PublishCommand.run(Options(rest, allowed: PublishCommand.flags))
    case "longpoll": result = try LongPollCommand.run(Options(rest, allowed: LongPollCommand.flags))
    case "handshakes": result = try HandshakeRun.run(Options(rest, allowed: HandshakeRun.flags))
    case "rawlimit": result = try RawLimitCommand.run(Options(rest, allowed: RawLimitCommand.flags))
    case "drain": result = try DrainCommand.run(Options(rest, allowed: DrainCommand.flags))
    default:
        Output.warn("unknown command \(command)\n" + usage)
        exit(2)
    }
    Output.result(result)
} catch let error as UsageError {
    Output.warn("\(command): \(error)")
    exit(2)
} catch {
    Output.warn("\(command): \(error)")
    exit(1)
}
