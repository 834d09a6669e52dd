import Foundation

extension ConfigurationLoader {
    /// The loader for this process: its environment, working directory and
    /// the cores it may run on. Start-up only; nothing here is on a hot path.
    static func forCurrentProcess() -> ConfigurationLoader {
        ConfigurationLoader(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            processorCount: ProcessInfo.processInfo.activeProcessorCount,
            fileSystem: LocalFileSystem())
    }
}
