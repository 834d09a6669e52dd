import IO
import Synchronization

/// Turns Bayeux's `messagesAvailable` (any thread, any number of times) into one run of
/// `task` on its loop per batch. A publish made on the same loop runs it after the
/// current pass, so everything published in that pass leaves together.
enum Wakeup {
    static func request(_ isPending: borrowing Atomic<Bool>, on loop: EventLoop, task: LoopTask) {
        guard !isPending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        loop.post(task)
    }

    /// Called first thing in `runOnLoop`, so a publish during the drain asks again.
    static func acknowledge(_ isPending: borrowing Atomic<Bool>) {
        isPending.store(false, ordering: .releasing)
    }
}
