#!/usr/bin/env python3
"""The manager's own idle memory and CPU with the four built-in agents running (issue 23, point 2).

Run by hand from the repository's root after `./mvnw -DskipTests package` (agents built and trained), under the
shared lock, with ports 8000-8004 free:
    flock /work/heavy.lock python3 bench/manager-idle.py [--seconds 30]
Starts the manager by the README's start command (bin/runtime-manager, nothing else set) on port 8000, launches
vfs, kendra, gpt4 and orchestrator in one call 10 s after health answers, and reports how long they took to be
ready, then, after 10 s of quiet, the manager's own RSS (its process alone, agents excluded) and its CPU over
--seconds, as a percentage of one core. Stops everything at the end. Python 3 standard library only.
"""

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import procs  # noqa: E402
from benchkit.agents import cpu_seconds  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOUR = ["vfs", "kendra", "gpt4", "orchestrator"]
PORT = 8000


def call(method, path, body=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"})
        answer = conn.getresponse()
        return answer.status, answer.read().decode()
    finally:
        conn.close()


def own_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="manager-idle-")
    with open(os.path.join(work, "manager.out"), "wb") as out:
        started = time.monotonic()
        manager = subprocess.Popen([os.path.join(ROOT, "bin", "runtime-manager")], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while procs.http_status(PORT, "/actuator/health") != 200:
            if manager.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError(f"the manager did not answer health; see {work}/manager.out")
            time.sleep(procs.POLL_SECONDS)
        print(f"manager: health UP after {time.monotonic() - started:.2f} s", flush=True)
        time.sleep(10)
        sent = time.monotonic()
        status, body = call("POST", "/api/launch_agents", {"agents": FOUR})
        print(f"launch of {FOUR} in one call: {status} after {time.monotonic() - sent:.2f} s", flush=True)
        if status != 200:
            print(body)
            return 1
        time.sleep(10)
        rss = own_rss_mb(manager.pid)
        before = cpu_seconds(manager.pid)
        time.sleep(args.seconds)
        used = cpu_seconds(manager.pid) - before
        print(f"manager, four agents idle: RSS {rss:.0f} MB (after {args.seconds:.0f} s more: "
              f"{own_rss_mb(manager.pid):.0f} MB), CPU {100 * used / args.seconds:.2f} % of a core "
              f"over {args.seconds:.0f} s", flush=True)
        call("POST", "/api/stop_agent?agent_name=" + ",".join(FOUR))
        return 0
    finally:
        manager.send_signal(signal.SIGTERM)
        try:
            manager.wait(60)
        except subprocess.TimeoutExpired:
            procs.signal_group(manager.pid, signal.SIGKILL)
            manager.wait(10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
