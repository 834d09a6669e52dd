import Bayeux
import Synchronization

/// A wall clock that only moves when a test moves it.
final class FakeClock: BayeuxClock {
    private let now = Atomic<Int64>(1_700_000_000_000)

    func nowMilliseconds() -> Int64 {
        now.load(ordering: .relaxed)
    }

    func advance(milliseconds: Int64) {
        now.add(milliseconds, ordering: .relaxed)
    }
}
