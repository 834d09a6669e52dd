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

@Suite struct CrossLoopTests {
    final class Recorder: LoopTask {
        let loop: EventLoop
        let ranOnOwnLoop = Atomic<Int>(0)
        let ranElsewhere = Atomic<Int>(0)

        init(loop: EventLoop) { self.loop = loop }

        func runOnLoop() {
            if loop.inLoop { ranOnOwnLoop.add(1, ordering: .relaxed) } else { ranElsewhere.add(1, ordering: .relaxed) }
        }
    }

    @Test func tasksPostedFromAnotherLoopRunOnTheTargetLoop() throws {
        let group = try EventLoopGroup(count: 2)
        group.start()
        defer { group.stop() }
        let (sender, target) = (group.loops[0], group.loops[1])
        let recorder = Recorder(loop: target)
        sender.execute {
            // A burst from one pass: handed over at the end of the sender's pass.
            for _ in 0..<5000 { target.post(recorder) }
        }
        for _ in 0..<500 where recorder.ranOnOwnLoop.load(ordering: .relaxed) < 5000 { usleep(2_000) }
        let onTarget = recorder.ranOnOwnLoop.load(ordering: .relaxed)
        let elsewhere = recorder.ranElsewhere.load(ordering: .relaxed)
        #expect(onTarget == 5000)
        #expect(elsewhere == 0)
    }
}
