import CLinux
import Glibc
import Synchronization

/// Receives the readiness events of the file descriptor it registered.
public protocol EventHandler: AnyObject {
    func handleEvents(_ events: UInt32)
}

/// Something with bytes to write at the end of the current loop pass. Writers queue
/// output and ask for one flush, so everything queued for a connection in one pass
/// leaves in one write.
public protocol Flushable: AnyObject {
    func flush()
}

/// Work handed to a loop from any thread without allocating a closure: the object
/// itself is queued, and `runOnLoop` is called on the loop's thread.
public protocol LoopTask: AnyObject, Sendable {
    func runOnLoop()
}

/// One epoll loop on one thread (Redis's `ae.c` and nginx's event core in spirit).
/// Each pass: wait for events, dispatch them, run work posted to the loop, fire due
/// timers, then flush every connection that queued output during the pass.
///
/// Loop-confined, except `execute(_:)`, `post(_:)` and `stop()`, which any thread may
/// call: they go through `inbox` (a mutex) and wake the loop once per batch through an
/// eventfd. That is why the type is `@unchecked Sendable`.
public final class EventLoop: @unchecked Sendable {
    public let index: Int
    private let epollFD: Int32
    private let wakeFD: Int32
    private var handlers: [EventHandler?] = []
    private var generations: [UInt32] = []
    private var timers = TimerHeap()
    private var deferred: [() -> Void] = []
    private var deferredTasks: [LoopTask] = []
    /// Swapped with `deferred`/`deferredTasks` while running them, so no pass allocates.
    private var runningDeferred: [() -> Void] = []
    private var runningTasks: [LoopTask] = []
    private var flushList: [Flushable] = []
    private var flushing: [Flushable] = []
    /// The owning thread's pthread id, 0 before `run()`; atomic because any thread asks `inLoop`.
    private let owner = Atomic<UInt>(0)
    /// Tasks for other loops, handed over once per pass (see `post`).
    private var outboxes: [(target: EventLoop, tasks: [LoopTask])] = []
    private var hasOutgoing = false
    private var isRunning = true
    private let inbox = Mutex(Inbox())
    /// Swapped with the inbox's arrays so draining allocates nothing.
    private var drainedClosures: [@Sendable () -> Void] = []
    private var drainedTasks: [LoopTask] = []
    /// Monotonic time at the start of the current pass; cheap "now" for deadlines.
    public private(set) var now: UInt64 = MonotonicClock.now()

    private struct Inbox {
        var closures: [@Sendable () -> Void] = []
        var tasks: [LoopTask] = []
        var isSignalled = false
    }

    public init(index: Int) throws {
        self.index = index
        epollFD = epoll_create1(CLinux_EPOLL_CLOEXEC)
        guard epollFD >= 0 else { throw SystemError("epoll_create1") }
        wakeFD = eventfd(0, CLinux_EFD_NONBLOCK | CLinux_EFD_CLOEXEC)
        guard wakeFD >= 0 else { throw SystemError("eventfd") }
        var event = epoll_event(events: CLinux_EPOLLIN, data: epoll_data_t(u64: UInt64(UInt32.max)))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event) == 0 else { throw SystemError("epoll_ctl(eventfd)") }
    }

    deinit {
        close(wakeFD)
        close(epollFD)
    }

    /// True on this loop's own thread.
    public var inLoop: Bool {
        owner.load(ordering: .relaxed) == pthread_self()
    }

    // MARK: registration (loop thread)

    /// Starts delivering `events` (EPOLLIN/EPOLLOUT...) for `fd` to `handler`.
    public func register(_ fd: Int32, events: UInt32, handler: EventHandler) throws {
        let slot = Int(fd)
        if slot >= handlers.count {
            let newCount = max(slot + 1, handlers.count * 2, 64)
            handlers.append(contentsOf: repeatElement(nil, count: newCount - handlers.count))
            generations.append(contentsOf: repeatElement(0, count: newCount - generations.count))
        }
        generations[slot] &+= 1
        handlers[slot] = handler
        var event = epoll_event(events: events, data: epoll_data_t(u64: key(fd)))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            handlers[slot] = nil
            throw SystemError("epoll_ctl(ADD)")
        }
    }

    /// Changes the events watched for an already registered fd.
    public func modify(_ fd: Int32, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(u64: key(fd)))
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    /// Stops watching `fd`; events already returned for it in this pass are dropped
    /// because the generation in their key no longer matches.
    public func deregister(_ fd: Int32) {
        let slot = Int(fd)
        guard slot < handlers.count else { return }
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
        handlers[slot] = nil
        generations[slot] &+= 1
    }

    private func key(_ fd: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: fd)) | UInt64(generations[Int(fd)]) << 32
    }

    // MARK: work within the loop (loop thread)

    /// Queues `target` for one `flush()` at the end of this pass. The caller keeps a
    /// flag so it asks once per pass.
    public func scheduleFlush(_ target: Flushable) {
        flushList.append(target)
    }

    public func schedule(_ timer: Timer, at deadline: UInt64) {
        timer.deadline = deadline
        if timer.isScheduled { timers.update(timer) } else { timers.insert(timer) }
    }

    public func schedule(_ timer: Timer, after nanoseconds: UInt64) {
        schedule(timer, at: now &+ nanoseconds)
    }

    public func cancel(_ timer: Timer) {
        timers.remove(timer)
    }

    // MARK: work from other threads

    /// Runs `work` on the loop's thread: immediately queued for this pass when called on
    /// the loop, otherwise through the inbox.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        if inLoop {
            deferred.append(work)
            return
        }
        let mustWake = inbox.withLock { inbox -> Bool in
            inbox.closures.append(work)
            return signal(&inbox)
        }
        if mustWake { wake() }
    }

    /// Queues `task.runOnLoop()` for the loop's thread without allocating a closure. On
    /// this loop it runs later in the pass, after the events being dispatched (how a held
    /// long-poll gathers every message published in the same pass). From another loop's
    /// thread it waits in that loop's outbox until the end of its pass, so one publish
    /// waking thousands of subscribers here takes the inbox lock and wakes this loop once.
    public func post(_ task: LoopTask) {
        if let sender = EventLoop.current {
            if sender === self { deferredTasks.append(task) } else { sender.queueOutgoing(task, to: self) }
            return
        }
        deliver([task])
    }

    private func deliver(_ tasks: [LoopTask]) {
        let mustWake = inbox.withLock { inbox -> Bool in
            inbox.tasks.append(contentsOf: tasks)
            return signal(&inbox)
        }
        if mustWake { wake() }
    }

    private func queueOutgoing(_ task: LoopTask, to target: EventLoop) {
        if let index = outboxes.firstIndex(where: { $0.target === target }) {
            outboxes[index].tasks.append(task)
        } else {
            outboxes.append((target, [task]))
        }
        hasOutgoing = true
    }

    private func sendOutgoing() {
        guard hasOutgoing else { return }
        hasOutgoing = false
        for index in outboxes.indices where !outboxes[index].tasks.isEmpty {
            outboxes[index].target.deliver(outboxes[index].tasks)
            outboxes[index].tasks.removeAll(keepingCapacity: true)
        }
    }

    private func signal(_ inbox: inout Inbox) -> Bool {
        if inbox.isSignalled { return false }
        inbox.isSignalled = true
        return true
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Ends `run()` after the current pass.
    public func stop() {
        execute { [unowned self] in self.isRunning = false }
    }

    // MARK: the loop

    /// Runs passes until `stop()`. Call on the thread that owns the loop.
    public func run() {
        owner.store(pthread_self(), ordering: .relaxed)
        EventLoop.current = self
        defer { EventLoop.current = nil }
        let capacity = 1024
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while isRunning {
            let ready = epoll_wait(epollFD, events, Int32(capacity), waitTimeout())
            now = MonotonicClock.now()
            if ready > 0 {
                for i in 0..<Int(ready) { dispatch(events[i]) }
            }
            runDeferred()
            runDueTimers()
            runDeferred()
            // Other loops start on their share before this one spends the rest of the pass writing.
            sendOutgoing()
            runFlushes()
            sendOutgoing()
        }
    }

    private func waitTimeout() -> Int32 {
        if !deferred.isEmpty || !deferredTasks.isEmpty || !flushList.isEmpty || hasOutgoing { return 0 }
        guard let earliest = timers.earliest else { return -1 }
        let current = MonotonicClock.now()
        if earliest.deadline <= current { return 0 }
        // Round up so a timer never fires early and the loop never spins on a 0 ms wait.
        let ms = (earliest.deadline - current + 999_999) / 1_000_000
        return Int32(min(ms, 60_000))
    }

    private func dispatch(_ event: epoll_event) {
        let key = event.data.u64
        if key == UInt64(UInt32.max) {
            drainInbox()
            return
        }
        let slot = Int(UInt32(truncatingIfNeeded: key))
        guard slot < handlers.count, generations[slot] == UInt32(truncatingIfNeeded: key >> 32),
              let handler = handlers[slot] else { return }
        handler.handleEvents(event.events)
    }

    private func drainInbox() {
        var count: UInt64 = 0
        _ = read(wakeFD, &count, 8)
        inbox.withLock { inbox in
            inbox.isSignalled = false
            swap(&inbox.closures, &drainedClosures)
            swap(&inbox.tasks, &drainedTasks)
        }
        for task in drainedTasks { task.runOnLoop() }
        for work in drainedClosures { work() }
        drainedTasks.removeAll(keepingCapacity: true)
        drainedClosures.removeAll(keepingCapacity: true)
    }

    private func runDeferred() {
        while !deferred.isEmpty || !deferredTasks.isEmpty {
            swap(&deferredTasks, &runningTasks)
            for task in runningTasks { task.runOnLoop() }
            runningTasks.removeAll(keepingCapacity: true)
            swap(&deferred, &runningDeferred)
            for work in runningDeferred { work() }
            runningDeferred.removeAll(keepingCapacity: true)
        }
    }

    private func runDueTimers() {
        while let timer = timers.earliest, timer.deadline <= now {
            timers.remove(timer)
            timer.fire()
        }
    }

    private func runFlushes() {
        while !flushList.isEmpty {
            swap(&flushList, &flushing)
            for target in flushing { target.flush() }
            flushing.removeAll(keepingCapacity: true)
        }
    }
}
