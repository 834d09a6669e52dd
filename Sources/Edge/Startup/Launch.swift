import Bayeux
import Glibc
import IO
import TLS

/// Start-up: load and check everything (the same code as --check-config), report every
/// problem, refuse to open a port on a fatal one, then serve until SIGTERM.
enum Launch {
    static func run(arguments: [String]) -> Int32 {
        var loaded = ConfigurationLoader.forCurrentProcess().load(arguments: arguments)
        switch loaded.action {
        case .showHelp:
            print(ConfigurationHelp.text, terminator: "")
            return 0
        case .showVersion:
            print(EdgeVersion.line)
            return 0
        case .checkConfiguration:
            let configuration = loaded.configuration
            loaded.problems += TLSStartup.load(configuration, creatingDevelopmentCertificate: false).1
            loaded.problems += TokensStartup.problems(for: TokensStartup.load(configuration.tokensFile), path: configuration.tokensFile)
            print(ConfigurationReport.checkConfiguration(loaded), terminator: "")
            return ConfigurationReport.exitStatus(loaded.problems)
        case .run:
            return serve(loaded)
        }
    }

    private static func serve(_ loaded: LoadedConfiguration) -> Int32 {
        let configuration = loaded.configuration
        var problems = loaded.problems
        let (tlsStore, tlsProblems) = problems.hasFatal ? (nil, []) : TLSStartup.load(configuration, creatingDevelopmentCertificate: true)
        problems += tlsProblems
        let tokens = TokensStartup.load(configuration.tokensFile)
        problems += TokensStartup.problems(for: tokens, path: configuration.tokensFile)
        let log = Log(tag: configuration.tag, minimum: configuration.environment == .development ? .debug : .info)
        for problem in problems.sorted(by: { $0.severity > $1.severity }) {
            let fields = [("problem", ConfigurationReport.line(problem))]
            switch problem.severity {
            case .fatal: log.error("configuration", fields)
            case .warning: log.warning("configuration", fields)
            case .info: log.info("configuration", fields)
            }
        }
        guard !problems.hasFatal else {
            log.error("not starting: \(ConfigurationReport.summary(problems)); run with --check-config to see them all")
            return 1
        }
        let limit = FileLimit.raise(to: configuration.nofileLimit)
        if limit < configuration.nofileLimit {
            log.warning("open-file limit is \(limit), below the \(configuration.nofileLimit) FAYE_MAX_CONNECTIONS needs; connections past it are refused")
        }
        let bayeuxConfiguration = BayeuxConfiguration(timeout: configuration.bayeux.timeout)
        let engine = MemoryEngine(configuration: bayeuxConfiguration, clock: SystemClock())
        let bayeux = BayeuxServer(engine: engine, configuration: bayeuxConfiguration, publishers: tokens.tokens)
        let state = EdgeState(configuration: configuration, log: log, metrics: Metrics(),
                              tls: tlsStore, bayeux: bayeux)
        let server: EdgeServer
        do {
            let group = try EventLoopGroup(count: configuration.listening.workerThreads)
            server = EdgeServer(state: state, group: group)
            for (kind, address) in try server.bind() {
                log.info("listening", [("address", address.description), ("serves", kind.summary)])
            }
        } catch {
            log.error("cannot start: \(error)")
            return 1
        }
        server.start()
        log.info("started", [("threads", String(configuration.listening.workerThreads)), ("mount", configuration.bayeux.mount),
                             ("engine", "memory")])
        return waitForSignals(server)
    }

    private static func waitForSignals(_ server: EdgeServer) -> Int32 {
        let state = server.state
        while true {
            switch Signals.next() {
            case .reload:
                Reload.perform(state)
            case .terminate:
                state.log.info("SIGTERM: draining", [("connections", String(state.connectionCount))])
                server.drain(timeout: state.limits.drainDeadline)
                state.log.info("stopped", [("connections left", String(state.connectionCount))])
                return 0
            }
        }
    }
}

extension ListenerPort {
    var summary: String {
        switch self {
        case .secure: "https (HTTP/1.1, Bayeux, WebSocket)"
        case .redirect: "http (301 to https, /healthz)"
        case .plain: "http (everything, no TLS)"
        }
    }
}
