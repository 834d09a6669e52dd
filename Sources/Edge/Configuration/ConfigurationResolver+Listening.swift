extension ConfigurationResolver {
    static let booleanExpectation = "one of 1/0, on/off, true/false, yes/no"
    static let maximumWorkerThreads = 1024
    /// Past this many threads per core, more threads only add switching.
    static let threadsPerCoreWarningThreshold = 4

    mutating func resolveListening() -> ListeningSettings {
        let bindAddress = parsed(.bind, expected: "an IPv4 or IPv6 address such as 0.0.0.0 or ::") {
            ValueSyntax.isAddressLiteral($0) ? $0 : nil
        }
        let usesTLS = parsed(.useSSL, expected: Self.booleanExpectation, ValueSyntax.boolean) ?? true
        let httpsPort = parsed(.httpsPort, expected: "a port number 1-65535", ValueSyntax.port) ?? 8443
        let httpPort = parsed(.httpPort, expected: "a port number 1-65535, or 0 to disable it") { UInt16($0) } ?? 8080
        let serverHostname = parsed(.serverHostname, expected: "a host name such as example.com (no scheme, port or path)") {
            ValueSyntax.isHostName($0) ? $0 : nil
        }
        let threads = resolveWorkerThreads()
        let workerConnections = parsed(.workerConnections, expected: "a whole number 1 or more") {
            ValueSyntax.integer($0, in: 1...Int(Int32.max))
        } ?? 4096
        let maxConnections = parsed(.maxConnections, expected: "a whole number 1 or more") {
            ValueSyntax.integer($0, in: 1...Int(Int32.max))
        } ?? 1024 * threads
        let maxPersistentConnections = parsed(.maxPersistentConnections, expected: "a whole number 0 or more") {
            ValueSyntax.integer($0, in: 0...Int(Int32.max))
        } ?? maxConnections

        checkListeners(usesTLS: usesTLS, httpsPort: httpsPort, httpPort: httpPort)
        checkConnectionCaps(maxConnections: maxConnections, workerConnections: workerConnections, threads: threads)
        return ListeningSettings(
            bindAddress: bindAddress ?? "0.0.0.0",
            httpsPort: usesTLS ? httpsPort : nil,
            httpPort: httpPort == 0 ? nil : httpPort,
            serverHostname: serverHostname,
            workerThreads: threads,
            workerConnections: workerConnections,
            maxConnections: maxConnections,
            maxPersistentConnections: maxPersistentConnections)
    }

    /// nginx's worker_processes accepts "auto"; so do we. It is a thread
    /// count here, so nginx's 9 on a 2-core machine is accepted but questioned.
    private mutating func resolveWorkerThreads() -> Int {
        let processorCount = processorCount
        let threads = parsed(.workerProcesses, expected: "a number of threads 1-\(Self.maximumWorkerThreads), or auto") {
            $0.lowercased() == "auto" ? processorCount : ValueSyntax.integer($0, in: 1...Self.maximumWorkerThreads)
        } ?? processorCount
        let threshold = Self.threadsPerCoreWarningThreshold * processorCount
        if threads > threshold, let raw = value(.workerProcesses) {
            report(.warning, .workerProcesses,
                "\(threads) I/O threads on \(processorCount) cores; more than \(threshold) only add switching"
                    + " (it is a thread count here, not nginx worker processes)", from: raw.source)
        }
        return threads
    }

    private mutating func checkListeners(usesTLS: Bool, httpsPort: UInt16, httpPort: UInt16) {
        if !usesTLS && httpPort == 0 {
            report(.fatal, .httpPort, "is 0 and FAYE_USE_SSL is off: nothing would listen", from: value(.httpPort)?.source)
        } else if usesTLS && httpPort == httpsPort {
            report(.fatal, .httpPort,
                "\(httpPort) is also FAYE_HTTPS_PORT; use another port, or 0 to disable plain HTTP",
                from: value(.httpPort)?.source)
        }
    }

    private mutating func checkConnectionCaps(maxConnections: Int, workerConnections: Int, threads: Int) {
        let reachable = workerConnections * threads
        if maxConnections > reachable {
            report(.warning, .maxConnections,
                "\(maxConnections) is more than FAYE_WORKER_CONNECTIONS × threads = \(workerConnections) × \(threads);"
                    + " at most \(reachable) connections will be open", from: value(.maxConnections)?.source)
        }
    }
}
