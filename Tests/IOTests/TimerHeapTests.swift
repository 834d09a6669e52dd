@testable import IO
import Testing

@Suite struct TimerHeapTests {
    private func timer(_ deadline: UInt64) -> Timer {
        let timer = Timer {}
        timer.deadline = deadline
        return timer
    }

    @Test func popsInDeadlineOrder() {
        var heap = TimerHeap()
        let deadlines: [UInt64] = [50, 10, 40, 30, 20, 60, 5, 45]
        for deadline in deadlines { heap.insert(timer(deadline)) }
        var order: [UInt64] = []
        while let first = heap.earliest {
            order.append(first.deadline)
            heap.remove(first)
        }
        #expect(order == deadlines.sorted())
    }

    @Test func removingFromTheMiddleKeepsOrder() {
        var heap = TimerHeap()
        let timers = (1...20).map { timer(UInt64($0 * 7 % 23)) }
        for t in timers { heap.insert(t) }
        for t in timers where t.deadline % 3 == 0 { heap.remove(t) }
        #expect(timers.filter { $0.deadline % 3 == 0 }.allSatisfy { !$0.isScheduled })
        var last: UInt64 = 0
        var count = 0
        while let first = heap.earliest {
            #expect(first.deadline >= last)
            #expect(first.deadline % 3 != 0)
            last = first.deadline
            heap.remove(first)
            count += 1
        }
        #expect(count == timers.filter { $0.deadline % 3 != 0 }.count)
    }

    @Test func movingATimerReordersIt() {
        var heap = TimerHeap()
        let a = timer(10), b = timer(20), c = timer(30)
        for t in [a, b, c] { heap.insert(t) }
        a.deadline = 40
        heap.update(a)
        #expect(heap.earliest === b)
        c.deadline = 1
        heap.update(c)
        #expect(heap.earliest === c)
    }
}
