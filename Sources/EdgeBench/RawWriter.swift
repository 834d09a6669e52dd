import CLinux
import Glibc
import IO
import TLS

/// The measuring half of `rawlimit`: passes over all connections writing one TLS record
/// (one SSL_write, so one write(2)) to each, as fast as the sockets take them. A socket
/// that is full is skipped until epoll says it drained (edge-triggered EPOLLOUT), so
/// what is measured is the cost of records that were sent, not of retries.
///
/// Loop-confined: runs on the calling thread and returns after `seconds`.
struct RawWriter {
    struct Result {
        let records: Int
        let seconds: Double
        let usage: ResourceUsage
        let writeCalls: Int
    }

    let connections: [(fd: Int32, tls: TLSConnection)]
    let record: [UInt8]

    func run(seconds: Double) throws -> Result {
        let epollFD = epoll_create1(CLinux_EPOLL_CLOEXEC)
        guard epollFD >= 0 else { throw SystemError("epoll_create1") }
        defer { Glibc.close(epollFD) }
        for (index, connection) in connections.enumerated() {
            var event = epoll_event(events: CLinux_EPOLLOUT | CLinux_EPOLLET, data: epoll_data_t(u64: UInt64(index)))
            guard epoll_ctl(epollFD, EPOLL_CTL_ADD, connection.fd, &event) == 0 else { throw SystemError("epoll_ctl") }
        }
        var isBlocked = [Bool](repeating: false, count: connections.count)
        var blockedCount = 0
        var records = 0
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: 1024)
        defer { events.deallocate() }
        let writesBefore = ProcessIO.writeCalls()
        let usageBefore = ResourceUsage.now()
        let start = MonotonicClock.now()
        let end = start &+ .nanoseconds(seconds: seconds)
        try record.withUnsafeBytes { bytes in
            while MonotonicClock.now() < end {
                for index in connections.indices where !isBlocked[index] {
                    switch connections[index].tls.write(bytes) {
                    case .bytes: records += 1
                    case .progress(.wantWrite), .progress(.wantRead):
                        isBlocked[index] = true
                        blockedCount += 1
                    case .progress:
                        throw UsageError("a drain connection closed during the run")
                    }
                }
                let timeout: Int32 = blockedCount == connections.count ? 10 : 0
                let ready = epoll_wait(epollFD, events, 1024, timeout)
                for i in 0..<Int(max(ready, 0)) {
                    let index = Int(events[i].data.u64)
                    if isBlocked[index] {
                        isBlocked[index] = false
                        blockedCount -= 1
                    }
                }
            }
        }
        let elapsed = Double(MonotonicClock.now() &- start) / 1e9
        return Result(records: records, seconds: elapsed, usage: ResourceUsage.now() - usageBefore,
                      writeCalls: ProcessIO.writeCalls() - writesBefore)
    }
}

/// `syscw` of /proc/self/io: write-like system calls this process made (write, writev;
/// not send/sendmsg), the figure the orchestrator reads for the server.
enum ProcessIO {
    static func writeCalls() -> Int {
        guard let file = fopen("/proc/self/io", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("syscw:") { return Int(String(text.dropFirst(6)).trimmingSpaces.prefix { $0 != "\n" }) ?? 0 }
        }
        return 0
    }
}
