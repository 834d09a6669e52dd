/// A deadline on one event loop. A connection creates its timer once and moves it
/// (`EventLoop.schedule(_:at:)`) as often as it likes: rescheduling is a heap update,
/// not an allocation, so 100,000 connections each holding a deadline stay cheap.
///
/// Loop-confined: created, scheduled and fired on its loop's thread only.
public final class Timer {
    /// Monotonic nanoseconds at which `fire` runs.
    public internal(set) var deadline: UInt64 = 0
    /// Position in the loop's heap, -1 when not scheduled.
    var heapIndex = -1
    let fire: () -> Void

    public init(_ fire: @escaping () -> Void) {
        self.fire = fire
    }

    public var isScheduled: Bool { heapIndex >= 0 }
}

/// A binary min-heap of timers ordered by deadline, each timer knowing its index
/// so cancelling and moving are O(log n).
struct TimerHeap {
    private var timers: [Timer] = []

    var earliest: Timer? { timers.first }

    mutating func insert(_ timer: Timer) {
        timer.heapIndex = timers.count
        timers.append(timer)
        siftUp(timer.heapIndex)
    }

    mutating func remove(_ timer: Timer) {
        let index = timer.heapIndex
        guard index >= 0 else { return }
        let last = timers.count - 1
        if index != last {
            timers.swapAt(index, last)
            timers[index].heapIndex = index
        }
        timers.removeLast()
        timer.heapIndex = -1
        if index < timers.count {
            siftDown(index)
            siftUp(index)
        }
    }

    /// Re-establishes order after `timer.deadline` changed in place.
    mutating func update(_ timer: Timer) {
        siftDown(timer.heapIndex)
        siftUp(timer.heapIndex)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard timers[child].deadline < timers[parent].deadline else { return }
            swap(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < timers.count else { return }
            var smallest = left
            let right = left + 1
            if right < timers.count && timers[right].deadline < timers[left].deadline { smallest = right }
            guard timers[smallest].deadline < timers[parent].deadline else { return }
            swap(parent, smallest)
            parent = smallest
        }
    }

    private mutating func swap(_ a: Int, _ b: Int) {
        timers.swapAt(a, b)
        timers[a].heapIndex = a
        timers[b].heapIndex = b
    }
}
