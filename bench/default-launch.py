#!/usr/bin/env python3
"""Launches with the default configuration (issue 23, point 3), next to one plain `java -jar` of the vfs jar in the
same round.

Run by hand from the repository's root after `./mvnw -DskipTests package` (agents built and trained), under the
shared lock, with ports 8000-8004 free and no manager running:
    flock /work/heavy.lock python3 bench/default-launch.py [--rounds 3]
Each round:
- plain vfs: `java -jar agents/vfs/target/vfs-agent.jar` on a free port, from the command until health answers;
- first launch: the manager by the README's start command (bin/runtime-manager, nothing else set), and the moment
  health answers, the specification's `{"agents": ["vfs", "gpt4", "orchestrator"]}`: until the launch answers;
- four after 10 s: a new manager the same way, and 10 s after health answers, vfs, kendra, gpt4 and orchestrator in
  one call; the warm standbys' RSS just before it is noted (the memory the default standby budget buys).
Reports each launch and its ratio to the plain vfs start of the same round, then medians. Python 3 standard library
only.
"""

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import procs  # noqa: E402
from benchkit.report import describe_machine, load_average  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VFS_JAR = os.path.join(ROOT, "agents", "vfs", "target", "vfs-agent.jar")
FOUR = ["vfs", "kendra", "gpt4", "orchestrator"]
SPEC_THIRD = ["vfs", "gpt4", "orchestrator"]
TIMEOUT = 180.0


def plain_vfs(work):
    port = procs.free_port()
    home = os.path.join(work, "vfs-home")
    os.makedirs(home, exist_ok=True)
    started = time.monotonic()
    process = subprocess.Popen(["java", "-jar", VFS_JAR], cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, "AGENT_HOME": home, "AGENT_PORT": str(port)})
    try:
        ready, failed = procs.wait_ready({"vfs": (port, "/actuator/health")}, started, started + TIMEOUT,
                                         pids={"vfs": process.pid})
        if failed:
            raise RuntimeError(f"plain vfs: {failed}")
        return ready["vfs"]
    finally:
        procs.signal_group(process.pid, signal.SIGTERM)
        process.wait(60)


def call(method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", 8000, timeout=TIMEOUT)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"})
        answer = conn.getresponse()
        return answer.status, answer.read().decode()
    finally:
        conn.close()


def standbys():
    """pid -> RSS MB of the warm standbys now running (the SDK's StandbyMain in their command line)."""
    found = {}
    for pid in procs.processes_mentioning(os.path.join(ROOT, "run", "fast-start")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                if b"StandbyMain" in cmdline.read():
                    found[pid] = procs.memory_mb([pid])[0]
        except OSError:
            pass
    return found


def with_manager(work, label, before_launch, agents):
    """Starts bin/runtime-manager with nothing set, runs before_launch once health answers, then launches agents;
    returns (launch seconds, what before_launch returned)."""
    with open(os.path.join(work, f"manager-{label}.out"), "ab") as out:
        started = time.monotonic()
        manager = subprocess.Popen([os.path.join(ROOT, "bin", "runtime-manager")], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while procs.http_status(8000, "/actuator/health") != 200:
            if manager.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError(f"the manager did not answer health; see {work}/manager-{label}.out")
            time.sleep(procs.POLL_SECONDS)
        noted = before_launch()
        sent = time.monotonic()
        status, body = call("POST", "/api/launch_agents", {"agents": agents})
        seconds = time.monotonic() - sent
        if status != 200 or body.count('"RUNNING"') != len(agents):
            raise RuntimeError(f"launch of {agents}: {status} {body[:1000]}")
        call("POST", "/api/stop_agent?agent_name=" + ",".join(agents))
        return seconds, noted
    finally:
        manager.send_signal(signal.SIGTERM)
        try:
            manager.wait(120)
        except subprocess.TimeoutExpired:
            procs.signal_group(manager.pid, signal.SIGKILL)
            manager.wait(10)


def after_ten_seconds():
    time.sleep(10)
    return standbys()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    for port in (8000, 8001, 8002, 8003, 8004):
        if procs.http_status(port, "/") is not None:
            print(f"something answers on port {port}: stop it first", file=sys.stderr)
            return 2
    work = tempfile.mkdtemp(prefix="default-launch-")
    machine = describe_machine("java")
    print(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']}, {machine['java']}, "
          f"load {machine['load_start']} at {machine['date']}", flush=True)
    rows = []
    for round_number in range(1, args.rounds + 1):
        vfs = plain_vfs(work)
        first, _ = with_manager(work, "first", lambda: None, SPEC_THIRD)
        four, warm = with_manager(work, "four", after_ten_seconds, FOUR)
        rows.append((vfs, first, four, sum(warm.values()), len(warm)))
        print(f"round {round_number}: plain vfs {vfs:.2f} s; first launch {SPEC_THIRD} at health {first:.2f} s "
              f"({first / vfs:.2f}x); four 10 s after health {four:.2f} s ({four / vfs:.2f}x), "
              f"{len(warm)} standbys holding {sum(warm.values()):.0f} MB before it; load {load_average()}",
              flush=True)
    median = [statistics.median(column) for column in zip(*rows)]
    print(f"\nmedians of {args.rounds} rounds: plain vfs {median[0]:.2f} s; first launch {median[1]:.2f} s "
          f"({statistics.median(r[1] / r[0] for r in rows):.2f}x); four in one call 10 s after health "
          f"{median[2]:.2f} s ({statistics.median(r[2] / r[0] for r in rows):.2f}x); standbys {median[3]:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
