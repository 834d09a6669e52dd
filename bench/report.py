"""The one table: figures of every run as median (min–max), with the bar of
DEVELOPERS.md and the ratios to the stacks we compare with; BENCHMARKS.md."""
import platform
import statistics
import subprocess
import time


def _values(runs, scenario, key):
    return [run[scenario][key] for run in runs if scenario in run and run[scenario].get(key) is not None]


def median(runs, scenario, key):
    values = _values(runs, scenario, key)
    return statistics.median(values) if values else None


def _fmt(value):
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _cell(runs, scenario, key):
    values = _values(runs, scenario, key)
    if not values:
        return "–", "–"
    spread = f"{_fmt(min(values))} – {_fmt(max(values))}" if len(values) > 1 else ""
    return _fmt(statistics.median(values)), spread


def _ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def rows(runs, sizes, idle_sizes):
    """(label, scenario, key, note) in table order; note is the bar or a ratio."""
    out = []
    big = f"fanout_{sizes[-1]}"
    for size in sizes:
        s = f"fanout_{size}"
        out.append((f"**Fan-out, {size:,} TLS WebSocket subscribers**", None, None, ""))
        for phase, title in (("max", "max rate"), ("25%", "25% of max"), ("50%", "50% of max"), ("5%", "5% of max")):
            out += [
                (f"{title}: deliveries/s", s, f"{phase}_deliveries_per_s", ""),
                (f"{title}: server CPU µs per delivery", s, f"{phase}_cpu_us_per_delivery",
                 "bar ≤ 2" if phase == "max" and s == big else ""),
                (f"{title}: server writes per delivery", s, f"{phase}_writes_per_delivery", ""),
                (f"{title}: latency p50 / p99 / p999 ms", s, (f"{phase}_p50_ms", f"{phase}_p99_ms", f"{phase}_p999_ms"),
                 "bar p99 < 50" if phase == "50%" and s == big else ""),
                (f"{title}: lost / duplicated deliveries", s, (f"{phase}_lost", f"{phase}_duplicates"), ""),
                (f"{title}: cores used by server / load generators / other work", s,
                 (f"{phase}_server_cores", f"{phase}_load_cores", f"{phase}_others_cores"), ""),
            ]
    raw = median(runs, "rawlimit", "x1_cpu_us_per_frame")
    out.append(("**Raw limit (TLS 1.3 AES-128-GCM, 120-byte frames, 1,000 sockets)**", None, None, ""))
    out.append(("one frame per record: CPU µs per frame", "rawlimit", "x1_cpu_us_per_frame", ""))
    out.append(("ten frames per record: CPU µs per frame", "rawlimit", "x10_cpu_us_per_frame", ""))
    for size in sizes:
        ours = median(runs, f"fanout_{size}", "5%_cpu_us_per_delivery")
        writes = median(runs, f"fanout_{size}", "5%_writes_per_delivery")
        share = _ratio(raw, ours)
        out.append((f"fan-out {size:,} at 5% (writes/delivery {_fmt(writes)}) as % of the raw limit (raw µs ÷ our µs)",
                    None, None, "–" if share is None else f"{share * 100:.0f}% (bar ≥ 60%)"))
    out.append(("**Idle TLS WebSocket sessions (server RSS growth per session)**", None, None, ""))
    for size in idle_sizes:
        out.append((f"KiB per session, {size:,} sessions asked", "idle", f"kib_per_session_{size}", "bar ≤ 8"))
        out.append((f"sessions held of {size:,} asked", "idle", f"sessions_{size}", ""))
    out.append(("**TLS handshakes, new connection per request (GET /healthz)**", None, None, ""))
    for client, name in (("wrk", "wrk"), ("own", "edge-bench handshakes")):
        ours, theirs = median(runs, "handshakes_edge", f"{client}_per_core_s"), median(runs, "handshakes_nginx", f"{client}_per_core_s")
        ratio = _ratio(ours, theirs)
        out.append((f"bayeux-edge per server core-second ({name})", "handshakes_edge", f"{client}_per_core_s",
                    "–" if ratio is None else f"{ratio:.2f}× nginx (bar ≥ 1)"))
        out.append((f"nginx per server core-second ({name})", "handshakes_nginx", f"{client}_per_core_s", ""))
        out.append((f"bayeux-edge / nginx handshakes per second ({name})", None, None,
                    _fmt(median(runs, "handshakes_edge", f"{client}_per_s")) + " / "
                    + _fmt(median(runs, "handshakes_nginx", f"{client}_per_s"))))
    out.append(("**Long-polling, HTTP/1.1, 1,000 clients**", None, None, ""))
    out += [("round trips/s", "longpoll", "round_trips_per_s", ""),
            ("server CPU µs per round trip", "longpoll", "cpu_us_per_round_trip", ""),
            ("publish→delivery p50 / p99 ms (closed loop: ≈ one cycle)", "longpoll", ("p50_ms", "p99_ms"), ""),
            ("cores used by server / load generator / other work", "longpoll",
             ("server_cores", "load_cores", "others_cores"), "")]
    out.append(("**Seed stack: nginx + Faye on thin (CPU = nginx + thin)**", None, None, ""))
    seed = [
        ("fan-out 1,000: max deliveries/s", "fanout_1000", "max_deliveries_per_s", True),
        ("fan-out 1,000: CPU µs per delivery at 25%", "fanout_1000", "25%_cpu_us_per_delivery", False),
        ("fan-out 1,000: writes per delivery at 25%", "fanout_1000", "25%_writes_per_delivery", None),
        ("fan-out 1,000: p99 ms at 50%", "fanout_1000", "50%_p99_ms", False),
        ("fan-out 1,000: lost deliveries at max", "fanout_1000", "max_lost", None),
        ("idle: KiB per session", "idle", "kib_per_session_seed", False),
        ("long-poll: round trips/s", "longpoll", "round_trips_per_s", True),
        ("long-poll: CPU µs per round trip", "longpoll", "cpu_us_per_round_trip", False),
    ]
    for label, scenario, key, higher_is_better in seed:
        ours_key = f"kib_per_session_{idle_sizes[0]}" if key == "kib_per_session_seed" else key
        ours, theirs = median(runs, scenario, ours_key), median(runs, "seed_" + scenario, key)
        note = ""
        if higher_is_better is not None:
            ratio = _ratio(ours, theirs) if higher_is_better else _ratio(theirs, ours)
            note = "–" if ratio is None else f"ours {_fmt(ratio)}× better (bar ≥ 10×)"
        out.append((label, "seed_" + scenario, key, note))
    return out


def table(runs, sizes, idle_sizes):
    lines = ["| figure | median | min – max | bar / ratio |", "|---|---:|---:|---|"]
    for label, scenario, key, note in rows(runs, sizes, idle_sizes):
        if scenario is None:
            lines.append(f"| {label} | | | {note} |")
            continue
        keys = key if isinstance(key, tuple) else (key,)
        cells = [_cell(runs, scenario, k) for k in keys]
        lines.append(f"| {label} | {' / '.join(c[0] for c in cells)} | {' / '.join(c[1] for c in cells if c[1])} | {note} |")
    return "\n".join(lines)


def _command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=10).stdout.strip() or "?"
    except OSError:
        return "?"


def machine():
    lscpu = _command("lscpu")
    wanted = ("Model name", "CPU(s)", "Thread(s) per core", "Hypervisor vendor", "L2 cache", "L3 cache")
    lines = [l for l in lscpu.splitlines() if l.split(":")[0].strip() in wanted]
    lines.append(f"Kernel: {platform.release()}")
    lines.append(f"OpenSSL: {_command('openssl', 'version')}")
    lines.append(f"nginx: {subprocess.run(['nginx', '-v'], capture_output=True, text=True).stderr.strip()}")
    lines.append(f"thin: {_command('thin', '-v')}; ruby-faye: {_command('dpkg-query', '-W', '-f', '${Version}', 'ruby-faye')}")
    return "\n".join(lines)


def markdown(runs, sizes, idle_sizes, mode, commands, notes):
    return f"""# Benchmarks

Measured by `make bench` ({mode}) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {len(runs)} run(s);
each cell is the median, then min – max over the runs. What each figure means and how it
is measured: `bench/README.md`. Raw figures of every run: `.build/bench/results.json`.

{table(runs, sizes, idle_sizes)}

## Notes from this run

{notes}

## Machine

```
{machine()}
```

## Commands

```
{commands}
```
"""
