import Glibc
import IO
import Synchronization
import Testing

@Suite struct EventLoopTests {
    /// Runs a loop on its own thread for the duration of `body`.
    private func withRunningLoop(_ body: (EventLoop) throws -> Void) throws {
        let group = try EventLoopGroup(count: 1)
        group.start()
        defer { group.stop() }
        try body(group.loops[0])
    }

    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(2_000)
        }
        return false
    }

    @Test func workFromAnotherThreadRunsOnTheLoopInOrder() throws {
        try withRunningLoop { loop in
            let seen = Mutex<[Int]>([])
            let onLoop = Atomic<Bool>(true)
            for i in 0..<1000 {
                loop.execute {
                    if !loop.inLoop { onLoop.store(false, ordering: .relaxed) }
                    seen.withLock { $0.append(i) }
                }
            }
            #expect(waitUntil { seen.withLock { $0.count } == 1000 })
            #expect(seen.withLock { $0 } == Array(0..<1000))
            let alwaysOnLoop = onLoop.load(ordering: .relaxed)
            #expect(alwaysOnLoop)
        }
    }

    @Test func timersFireInDeadlineOrderAndNotEarly() throws {
        try withRunningLoop { loop in
            let fired = Mutex<[(Int, UInt64)]>([])
            let start = MonotonicClock.now()
            loop.execute {
                for (index, delayMs) in [(0, 30), (1, 10), (2, 20)] {
                    let timer = Timer { fired.withLock { $0.append((index, MonotonicClock.now())) } }
                    loop.schedule(timer, after: UInt64(delayMs) * 1_000_000)
                }
                let cancelled = Timer { fired.withLock { $0.append((99, 0)) } }
                loop.schedule(cancelled, after: 5_000_000)
                loop.cancel(cancelled)
            }
            #expect(waitUntil { fired.withLock { $0.count } == 3 })
            usleep(20_000)
            let result = fired.withLock { $0 }
            #expect(result.map(\.0) == [1, 2, 0])
            #expect(result[0].1 - start >= 10_000_000)
        }
    }

    @Test func postedTasksRunOnTheLoop() throws {
        final class Counter: LoopTask {
            let count = Atomic<Int>(0)
            func runOnLoop() { count.add(1, ordering: .relaxed) }
        }
        try withRunningLoop { loop in
            let counter = Counter()
            for _ in 0..<100 { loop.post(counter) }
            #expect(waitUntil { counter.count.load(ordering: .relaxed) == 100 })
        }
    }
}
