import Foundation
import Testing
@testable import Edge

/// Files as plain values: path → contents, or path → why it cannot be read.
struct FakeFileSystem: ConfigurationFileSystem {
    var files: [String: [UInt8]] = [:]
    var unreadable: [String: String] = [:]

    func contents(of path: String) -> Result<[UInt8], FileAccessError> {
        if let reason = unreadable[path] { return .failure(FileAccessError(reason: reason)) }
        guard let bytes = files[path] else { return .failure(FileAccessError(reason: "no such file")) }
        return .success(bytes)
    }

    func status(of path: String) -> FileStatus {
        if let reason = unreadable[path] { return .unreadable(reason: reason) }
        return files[path] == nil ? .missing : .readable
    }
}

/// The tokens file every test has unless it says otherwise, so that its
/// warning does not crowd the problems a test is about.
let presentTokensFile = "/srv/tokens/tokens.json"

/// Loads as the server would in /srv on a 2-core machine.
func load(
    _ arguments: [String] = [],
    environment: [String: String] = [:],
    files: [String: String] = [presentTokensFile: "{}"],
    unreadable: [String: String] = [:],
    processorCount: Int = 2
) -> LoadedConfiguration {
    let fileSystem = FakeFileSystem(files: files.mapValues { Array($0.utf8) }, unreadable: unreadable)
    let loader = ConfigurationLoader(
        environment: environment, workingDirectory: "/srv", processorCount: processorCount, fileSystem: fileSystem)
    return loader.load(arguments: arguments)
}

extension LoadedConfiguration {
    /// The problems as the report prints them, in the order found.
    var lines: [String] { problems.map(ConfigurationReport.line) }
}

/// The seed stack's two .env files, copied verbatim into the test bundle.
func seedFile(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "env", subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// The configuration of an empty environment in /srv on 2 cores.
let defaultConfiguration = Configuration(
    listening: ListeningSettings(
        bindAddress: "0.0.0.0", httpsPort: 8443, httpPort: 8080, serverHostname: nil, workerThreads: 2,
        workerConnections: 4096, maxConnections: 2048, maxPersistentConnections: 2048),
    tls: TLSConfiguration(
        directory: "/srv/certs", certificateFile: "/srv/certs/server.crt", keyFile: "/srv/certs/server.key",
        protocols: .tls1_2 ... .tls1_3, ciphers: TLSConfiguration.defaultCiphers, prefersServerCiphers: true),
    bayeux: BayeuxSettings(mount: "/faye", timeout: 60),
    limits: ConnectionLimits(),
    engine: .memory,
    environment: .production,
    tag: "faye",
    tokensFile: "/srv/tokens/tokens.json",
    webSocketEchoPath: nil,
    ignoredVariables: [])
