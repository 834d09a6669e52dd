import Glibc
import IO

/// A copy of this tool started as another process (rawlimit's drain), its stdout
/// discarded, ended with SIGTERM.
struct ChildProcess {
    let pid: pid_t

    static func spawnSelf(_ arguments: [String]) throws -> ChildProcess {
        let path = "/proc/self/exe"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = (["edge-bench"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard status == 0 else { throw SystemError("posix_spawn \(path)", errno: status) }
        return ChildProcess(pid: pid)
    }

    func terminate() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
