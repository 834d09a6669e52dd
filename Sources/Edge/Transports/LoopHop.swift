import IO

extension EventLoop {
    /// Runs `work` on this loop: right away when already on it (the memory engine calls
    /// back synchronously), through the inbox when an engine answers from elsewhere.
    func run(_ work: @escaping @Sendable () -> Void) {
        if inLoop { work() } else { execute(work) }
    }
}
