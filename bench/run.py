#!/usr/bin/env python3
"""`make bench`: builds release, makes a throwaway CA and P-256 certificate, starts
bayeux-edge, nginx and the seed stack (nginx + Faye on thin) on loopback in turn,
drives them with edge-bench (and wrk for handshakes), prints one table and writes
BENCHMARKS.md. Every process it starts is ended when it exits, whatever happened.

  bench/run.py [--runs N] [--quick] [--only fanout,idle,handshakes,longpoll,rawlimit,seed]
  BENCH_QUICK=1: one run, smaller sizes and shorter phases (a few minutes).
"""
import argparse
import atexit
import json
import os
import signal
import subprocess
import sys
import traceback

import procs
import report
import scenarios
import stacks

FULL = {"runs": 3, "sizes": [1000, 10000], "phase_s": 10, "idle": [10000, 19000], "seed_idle": 10000,
        "longpoll_s": 10, "handshake_s": 10, "raw_s": 5}
QUICK = {"runs": 1, "sizes": [1000, 5000], "phase_s": 4, "idle": [2000], "seed_idle": 1000,
         "longpoll_s": 4, "handshake_s": 4, "raw_s": 3}
ALL = ["rawlimit", "handshakes", "idle", "longpoll", "fanout", "seed"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "0")) or None)
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--only", default=",".join(ALL))
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--keep", action="store_true",
                        help="start from .build/bench/results.json: re-run only the --only scenarios")
    args = parser.parse_args()
    config = dict(QUICK if args.quick else FULL)
    if args.runs:
        config["runs"] = args.runs
    selected = args.only.split(",")
    atexit.register(procs.stop_all)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "bayeux-edge"], cwd=stacks.ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "edge-bench"], cwd=stacks.ROOT, check=True)
    ws = stacks.Workspace()
    runs, notes = [], []
    previous = []
    if args.keep and os.path.exists(os.path.join(ws.dir, "results.json")):
        with open(os.path.join(ws.dir, "results.json")) as f:
            previous = json.load(f)
    for number in range(config["runs"]):
        results = previous[number] if number < len(previous) else {}
        for name in ALL:
            if name in selected:
                run_scenario(name, number, ws, config, results, notes)
        runs.append(results)
        with open(os.path.join(ws.dir, "results.json"), "w") as f:
            json.dump(runs, f, indent=1)
    mode = f"BENCH_QUICK=1, sizes {config['sizes']}" if args.quick else f"full, sizes {config['sizes']}"
    commands = "\n".join(procs.commands)
    text = report.markdown(runs, config["sizes"], config["idle"], mode, commands,
                           "\n".join(f"- {n}" for n in notes) or "- none")
    print("\n" + report.table(runs, config["sizes"], config["idle"]))
    with open(os.path.join(stacks.ROOT, "BENCHMARKS.md"), "w") as f:
        f.write(text)
    print(f"\nwrote BENCHMARKS.md; raw figures in {ws.dir}/results.json, logs in {ws.logs}")


def with_server(start, ws, body):
    server = start(ws)
    try:
        return body(server)
    finally:
        server.stop()


def run_scenario(name, number, ws, config, results, notes):
    print(f"run {number + 1}/{config['runs']}: {name} ...", flush=True)
    try:
        if name == "rawlimit":
            results["rawlimit"] = scenarios.rawlimit(ws, 1000, config["raw_s"])
        elif name == "handshakes":
            for label, start in (("handshakes_edge", stacks.start_edge), ("handshakes_nginx", stacks.start_nginx)):
                results[label] = with_server(start, ws, lambda s: scenarios.handshakes(ws, s, config["handshake_s"], 32, label))
        elif name == "idle":
            results["idle"] = with_server(stacks.start_edge, ws, lambda s: scenarios.idle(ws, s, config["idle"], "edge"))
        elif name == "longpoll":
            results["longpoll"] = with_server(stacks.start_edge, ws,
                                              lambda s: scenarios.longpoll(ws, s, 1000, config["longpoll_s"], "edge"))
        elif name == "fanout":
            for size in config["sizes"]:
                results[f"fanout_{size}"] = with_server(
                    stacks.start_edge, ws, lambda s: scenarios.fanout(ws, s, size, config["phase_s"], f"edge-{size}"))
        elif name == "seed":
            start = stacks.start_seed_stack
            results["seed_fanout_1000"] = with_server(start, ws, lambda s: scenarios.fanout(ws, s, 1000, config["phase_s"], "seed"))
            seed_idle = with_server(start, ws, lambda s: scenarios.idle(ws, s, [config["seed_idle"]], "seed"))
            seed_idle["kib_per_session_seed"] = seed_idle.get(f"kib_per_session_{config['seed_idle']}")
            results["seed_idle"] = seed_idle
            results["seed_longpoll"] = with_server(start, ws, lambda s: scenarios.longpoll(ws, s, 1000, config["longpoll_s"], "seed"))
    except Exception as error:  # a failed scenario is reported, the others still run
        traceback.print_exc()
        notes.append(f"run {number + 1}: scenario {name} failed: {error}")
    finally:
        procs.stop_all()


if __name__ == "__main__":
    main()
