"""The scenarios of issue 5. Each takes a started server and returns a dict of
figures (flat, numbers); run.py repeats them and makes the table."""
import math
import re
import resource
import subprocess
import time

import histogram
import procs
import stacks

SOURCES = "127.0.0.2-127.0.0.9"
# Subscribers per load-generator process (each process stays far below 20,000 files).
PER_PROCESS = 5000
# Unacknowledged publishes allowed in the max-rate phase.
MAX_WINDOW = 32
SEQS_PER_PHASE = 1_000_000_000


def _client(ws, command, url, *flags):
    return [stacks.BENCH, command, "--url", url, "--ca", ws.ca, *flags]


def _publisher(ws):
    return ["--service", stacks.SERVICE, "--token", ws.token, "--origin", stacks.ORIGIN]


def _split(total, per_process):
    count = math.ceil(total / per_process)
    return [total // count + (1 if i < total % count else 0) for i in range(count)]


def _open_sessions(ws, server, command, total, name, extra=()):
    """Starts `command` (subscribe or idle) processes for `total` sessions and waits
    until each has opened all of its own."""
    shares = _split(total, PER_PROCESS)
    started, ready_files = [], []
    for index, share in enumerate(shares):
        ready = ws.ready_file(f"{name}-{index}")
        ready_files.append(ready)
        started.append(procs.spawn(_client(ws, command, server.url("wss"), "--connections", str(share), "--channel",
                                           "/bench/fan", "--source-addresses", SOURCES, "--ready-file", ready,
                                           "--duration", "3600", *extra), ws.logs, f"{name}-{index}"))
    states = procs.wait_for_files(ready_files, timeout=60 + total / 50, procs=started)
    return started, sum(s["ready"] for s in states), sum(s["failed"] for s in states)


def _measured(server, generators, run):
    """Runs `run()` between two samples of the server and the live load generators;
    returns run()'s value and the deltas. `others_cores`: the machine's busy CPU that
    was neither (other work on this machine during the window)."""
    live = [p.pid for p in generators if p.poll() is None]
    server_before, ours_before = procs.Sample(server.pids), procs.Sample(live)
    reaped_before = _reaped_cpu()
    value = run()
    server_after, ours_after = procs.Sample(server.pids), procs.Sample(live)
    d = procs.delta(server_before, server_after)
    # Load generators: those alive through the window from /proc, those that ended in
    # it (publisher, wrk, handshakes) from what wait() reported for them.
    d["load_cpu"] = procs.delta(ours_before, ours_after)["cpu"] + _reaped_cpu() - reaped_before
    d["others_cores"] = max(0.0, (d["machine_busy"] - d["cpu"] - d["load_cpu"]) / d["seconds"])
    return value, d


def _reaped_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fanout(ws, server, size, seconds, label):
    """Scenario 1: one channel, `size` TLS WebSocket subscribers; a max-rate phase
    (publisher window MAX_WINDOW), then fixed rates of 25% and 50% of the max, and
    5% of it (a rate this machine can also keep up with when nothing coalesces)."""
    subscribers, ready, failed = _open_sessions(ws, server, "subscribe", size, f"{label}-sub")
    time.sleep(1)
    figures = {"subscribers": ready, "subscribe_failures": failed}
    phases = [("max", None), ("25%", 0.25), ("50%", 0.50), ("5%", 0.05)]
    publishes = {}
    max_rate = None
    for phase, (name, fraction) in enumerate(phases):
        rate = "max" if fraction is None else f"{max(fraction * max_rate, 0.5):.3f}"

        def publish():
            proc = procs.spawn(_client(ws, "publish", server.url("wss"), "--channel", "/bench/fan", "--rate", rate,
                                       "--window", str(MAX_WINDOW), "--duration", str(seconds),
                                       "--first-seq", str(phase * SEQS_PER_PHASE), *_publisher(ws)),
                               ws.logs, f"{label}-pub-{phase}")
            result = procs.result(proc, timeout=seconds + 60)
            procs.wait_until_idle(server.pids)
            return result

        published, window = _measured(server, subscribers, publish)
        publishes[phase] = (published, window)
        if fraction is None:
            # What the server sustained: every accepted publish delivered, from the first
            # publish until the server went quiet. The publisher's own rate is higher (a
            # publish is acknowledged once queued, before it is written to anyone).
            max_rate = published["accepted"] / max(window["seconds"], 1e-9)
    results = [procs.terminate_for_result(p) for p in subscribers]
    for phase, (name, _) in enumerate(phases):
        published, window = publishes[phase]
        tallies = [t for r in results for t in r["phases"] if t["phase"] == phase]
        deliveries = sum(t["deliveries"] for t in tallies)
        duplicates = sum(t["duplicates"] for t in tallies)
        first = min((t["first_ns"] for t in tallies), default=0)
        last = max((t["last_ns"] for t in tallies), default=0)
        latency = histogram.merge(t["latency_ns"] for t in tallies)
        expected = ready * published["accepted"]
        prefix = f"{name}_"
        figures.update({
            prefix + "publishes_per_s": published["accepted"] / max(published["sending_s"], 1e-9),
            prefix + "refused": published["refused"],
            prefix + "deliveries": deliveries,
            prefix + "deliveries_per_s": deliveries / max((last - first) / 1e9, 1e-9),
            prefix + "lost": expected - (deliveries - duplicates),
            prefix + "duplicates": duplicates,
            prefix + "cpu_us_per_delivery": window["cpu"] * 1e6 / max(deliveries, 1),
            prefix + "writes_per_delivery": window["writes"] / max(deliveries, 1),
            prefix + "server_cores": window["cpu"] / window["seconds"],
            prefix + "load_cores": window["load_cpu"] / window["seconds"],
            prefix + "others_cores": window["others_cores"],
            prefix + "p50_ms": histogram.percentile_ms(latency, 0.50),
            prefix + "p99_ms": histogram.percentile_ms(latency, 0.99),
            prefix + "p999_ms": histogram.percentile_ms(latency, 0.999),
        })
    figures["dropped_sessions"] = sum(r["dropped"] for r in results)
    return figures


def idle(ws, server, sizes, label):
    """Scenario 2: server RSS before and after opening idle sessions (handshaken,
    subscribed, connect held), per session; sizes are cumulative targets."""
    time.sleep(0.5)
    before = procs.Sample(server.pids).rss_kib
    figures, generators, total = {"rss_before_kib": before}, [], 0
    for size in sizes:
        more, ready, failed = _open_sessions(ws, server, "idle", size - total, f"{label}-idle-{size}")
        generators += more
        total += ready
        time.sleep(2)
        after = procs.Sample(server.pids).rss_kib
        figures[f"sessions_{size}"] = total
        figures[f"failed_{size}"] = failed
        figures[f"kib_per_session_{size}"] = (after - before) / max(total, 1)
        if failed:
            break  # it holds no more: the larger sizes would only fail too
    for proc in generators:
        procs.stop(proc)
    return figures


def longpoll(ws, server, clients, seconds, label):
    """Scenario 4: long-polling round trips/s (a held /meta/connect answered with a
    message published for that client over the publisher's WebSocket)."""
    ready = ws.ready_file(f"{label}-longpoll")
    proc = procs.spawn(_client(ws, "longpoll", server.url("https"), "--clients", str(clients), "--duration", str(seconds),
                               "--source-addresses", SOURCES, "--ready-file", ready, *_publisher(ws)),
                       ws.logs, f"{label}-longpoll")
    procs.wait_for_files([ready], timeout=180, procs=[proc])
    result, window = _measured(server, [proc], lambda: procs.result(proc, timeout=seconds + 60))
    if "publisher_closed" in result:
        raise RuntimeError(f"the server closed the publisher's WebSocket after {result['round_trips']} round trips "
                           f"in {result['window_s']:.1f} s: {result['publisher_closed']}")
    latency = histogram.merge(t["latency_ns"] for t in result["phases"])
    return {
        "clients": result["ready"], "round_trips_per_s": result["round_trips_per_s"],
        "cpu_us_per_round_trip": window["cpu"] * 1e6 / max(result["round_trips"], 1),
        "server_cores": window["cpu"] / window["seconds"], "others_cores": window["others_cores"],
        "load_cores": window["load_cpu"] / window["seconds"],
        "p50_ms": histogram.percentile_ms(latency, 0.5), "p99_ms": histogram.percentile_ms(latency, 0.99),
        "refused": result["publishes_refused"],
    }


def handshakes(ws, server, seconds, concurrency, label):
    """Scenario 3: new TLS connection per request (GET /healthz, Connection: close),
    driven by Debian's wrk and by edge-bench's own client; per server core-second."""
    figures = {}
    url = server.url("https", "/healthz")
    wrk = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "-H", "Connection: close", url]
    out, window = _measured(server, [], lambda: subprocess.run(wrk, capture_output=True, text=True, check=True).stdout)
    completed = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    completed -= int(errors.group(1)) if errors else 0
    figures.update({"wrk_per_s": completed / window["seconds"], "wrk_per_core_s": completed / max(window["cpu"], 1e-9),
                    "wrk_load_cores": window["load_cpu"] / window["seconds"], "wrk_others_cores": window["others_cores"]})
    proc_args = _client(ws, "handshakes", url, "--connections", str(concurrency), "--duration", str(seconds),
                        "--source-addresses", SOURCES)

    def own():
        return procs.result(procs.spawn(proc_args, ws.logs, f"{label}-handshakes"), timeout=seconds + 60)

    result, window = _measured(server, [], own)
    figures.update({"own_per_s": result["completed"] / window["seconds"],
                    "own_per_core_s": result["completed"] / max(window["cpu"], 1e-9),
                    "own_failed": result["failed"], "own_load_cores": window["load_cpu"] / window["seconds"],
                    "own_others_cores": window["others_cores"]})
    return figures


def rawlimit(ws, connections, seconds):
    """Scenario 5: one TLS record per socket write, and ten frames per record."""
    figures = {}
    for frames in (1, 10):
        proc = procs.spawn([stacks.BENCH, "rawlimit", "--cert", ws.cert, "--key", ws.key, "--connections",
                            str(connections), "--frames-per-record", str(frames), "--duration", str(seconds)],
                           ws.logs, f"rawlimit-{frames}")
        result = procs.result(proc, timeout=seconds + 180)
        figures[f"x{frames}_cpu_us_per_frame"] = result["cpu_us_per_frame"]
        figures[f"x{frames}_frames_per_s"] = result["frames_per_s"]
        figures[f"x{frames}_writes_per_record"] = result["writes_per_record"]
    return figures
