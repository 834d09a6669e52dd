import Synchronization

/// The context new connections are accepted with. A reload builds a whole new context
/// first and swaps it in only if it is valid; open connections keep the context they
/// started with (each holds a reference), so they continue untouched.
public final class TLSContextStore: Sendable {
    private let settings: TLSSettings
    private let current: Mutex<TLSContext>

    public init(settings: TLSSettings) throws {
        self.settings = settings
        current = Mutex(try TLSContext(settings: settings))
    }

    public var context: TLSContext {
        current.withLock { $0 }
    }

    /// Reads the files again. On failure the old context stays in use and the error is returned.
    public func reload() -> Result<TLSContext, TLSError> {
        do {
            let fresh = try TLSContext(settings: settings)
            current.withLock { $0 = fresh }
            return .success(fresh)
        } catch let error as TLSError {
            return .failure(error)
        } catch {
            return .failure(TLSError("\(error)"))
        }
    }
}
