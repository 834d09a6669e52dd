"""Processes the benchmark starts, and what /proc says about them.

Every process is started in a session of its own and remembered, so that
`stop_all()` (run on exit, on error and on ^C) can end each one by its id,
with its children, and nothing else.
"""
import json
import os
import signal
import subprocess
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_started = []
# Every command line started, for BENCHMARKS.md (paths shortened to the repository).
commands = []


def spawn(args, log_dir, name, env=None, stdout=subprocess.PIPE):
    """Starts `args`; stderr goes to <log_dir>/<name>.log."""
    line = " ".join(args).replace(os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + "/", "")
    if line not in commands:
        commands.append(line)
    log = open(os.path.join(log_dir, name + ".log"), "ab")
    merged = dict(os.environ, **(env or {}))
    proc = subprocess.Popen(args, stdout=stdout, stderr=log, env=merged, start_new_session=True)
    proc.bench_name = name
    _started.append(proc)
    return proc


def stop(proc, grace=10):
    """SIGTERM to the process's group (it and its children), SIGKILL after `grace` s."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


def stop_all():
    while _started:
        stop(_started.pop(), grace=5)


def result(proc, timeout):
    """The one JSON object a finished edge-bench command printed."""
    out, _ = proc.communicate(timeout=timeout)
    lines = [line for line in out.decode().splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{proc.bench_name} printed no result (exit {proc.returncode}); see its log")
    return json.loads(lines[-1])


def terminate_for_result(proc, timeout=60):
    """SIGTERM (the command then prints its figures) and its JSON."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
    return result(proc, timeout)


def wait_for_files(paths, timeout, procs=()):
    """Waits until every path exists; fails early if one of `procs` died."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if all(os.path.exists(p) for p in paths):
            return [json.load(open(p)) for p in paths]
        for proc in procs:
            if proc.poll() is not None:
                said = proc.stdout.read().decode()[:400] if proc.stdout else ""
                raise RuntimeError(f"{proc.bench_name} exited ({proc.returncode}) before it was ready: {said}")
        time.sleep(0.1)
    raise RuntimeError(f"not ready after {timeout} s: {[p for p in paths if not os.path.exists(p)]}")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


class Sample:
    """CPU seconds (utime+stime), write-like syscalls (syscw) and RSS of a set of
    processes, and the whole machine's busy CPU seconds, at one instant."""

    def __init__(self, pids):
        self.at = time.time()
        self.cpu = self.writes = self.rss_kib = 0
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                self.cpu += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
                with open(f"/proc/{pid}/io") as f:
                    self.writes += int(next(l for l in f if l.startswith("syscw:")).split()[1])
                with open(f"/proc/{pid}/status") as f:
                    self.rss_kib += int(next(l for l in f if l.startswith("VmRSS:")).split()[1])
            except (OSError, StopIteration):
                pass
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        # user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
        self.machine_busy = (sum(values[:8]) - values[3] - values[4]) / CLOCK_TICKS


def delta(before, after):
    return {
        "seconds": after.at - before.at,
        "cpu": after.cpu - before.cpu,
        "writes": after.writes - before.writes,
        "machine_busy": after.machine_busy - before.machine_busy,
    }


def wait_until_idle(pids, quiet_cores=0.05, longest=20):
    """Waits until the processes use less than `quiet_cores` for 0.5 s: the
    deliveries of a phase have all left."""
    deadline = time.time() + longest
    last = Sample(pids)
    quiet_since = None
    while time.time() < deadline:
        time.sleep(0.25)
        now = Sample(pids)
        busy = (now.cpu - last.cpu) / max(now.at - last.at, 1e-3)
        last = now
        if busy < quiet_cores:
            quiet_since = quiet_since or now.at
            if now.at - quiet_since >= 0.5:
                return
        else:
            quiet_since = None
