import Foundation
import Testing
@testable import Edge

/// The real disk, for the few answers the loader needs from it.
@Suite struct ConfigurationFileSystemTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "edge-config-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    @Test func readsAFileAndReportsItReadable() throws {
        try Data("FAYE_MOUNT=/faye\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.env"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(LocalFileSystem().status(of: folder + "/a.env") == .readable)
        #expect(try LocalFileSystem().contents(of: folder + "/a.env").get() == Array("FAYE_MOUNT=/faye\n".utf8))
    }

    @Test func missingFileOrFolderIsMissing() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(LocalFileSystem().status(of: folder + "/none.json") == .missing)
        #expect(LocalFileSystem().status(of: folder + "/no/such/folder/tokens.json") == .missing)
        #expect(LocalFileSystem().contents(of: folder + "/none.env") == .failure(FileAccessError(reason: "no such file")))
    }

    @Test func folderWhereAFileShouldBeIsUnreadable() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(LocalFileSystem().status(of: folder) == .unreadable(reason: "not a regular file"))
    }

    @Test func loaderReadsARealEnvFile() throws {
        try Data("export FAYE_HTTPS_PORT=9443 # moved\n".utf8).write(to: URL(fileURLWithPath: folder + "/edge.env"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loader = ConfigurationLoader(
            environment: [:], workingDirectory: folder, processorCount: 2, fileSystem: LocalFileSystem())
        let loaded = loader.load(arguments: ["--env-file", folder + "/edge.env"])
        #expect(loaded.configuration.listening.httpsPort == 9443)
        #expect(loaded.configuration.tls.certificateFile == folder + "/certs/server.crt")
    }
}
