import Glibc

/// This process's CPU time (getrusage): what a load generator reports of itself, so the
/// orchestrator can say how much of the machine the load took.
struct ResourceUsage {
    let userSeconds: Double
    let systemSeconds: Double

    static func now() -> ResourceUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return ResourceUsage(userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime))
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }

    var totalSeconds: Double { userSeconds + systemSeconds }

    static func - (lhs: ResourceUsage, rhs: ResourceUsage) -> ResourceUsage {
        ResourceUsage(userSeconds: lhs.userSeconds - rhs.userSeconds, systemSeconds: lhs.systemSeconds - rhs.systemSeconds)
    }

    var json: JSONValue {
        .object([("user_s", .double(userSeconds)), ("system_s", .double(systemSeconds))])
    }
}
