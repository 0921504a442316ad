#!/usr/bin/env python3
"""The manager's own idle memory and CPU with the four built-in agents running (issue 23, point 2).

Run by hand from the repository's root after `./mvnw -DskipTests package` (agents built and trained), under the
shared lock, with ports 8000-8004 free:
    flock /work/heavy.lock python3 bench/manager-idle.py [--seconds 30] [--runs 3] [--variant 'label=OPTS']...
Starts the manager by the README's start command (bin/runtime-manager, nothing else set) on port 8000, launches
vfs, kendra, gpt4 and orchestrator in one call 10 s after health answers, and reports how long they took to be
ready, then, after 10 s of quiet, the manager's own memory (its process alone, agents excluded): RSS (VmRSS; its
anonymous and file-backed parts) and PSS (/proc/<pid>/smaps_rollup: pages shared with other processes, such as the
JDK's class archive the agents map too, counted in part), its threads, and its CPU over --seconds, as a percentage
of one core; then it checks that /mcp, /v3/api-docs and the console still answer. Stops everything at the end.
`--variant 'label=JVM options'` adds a run of the manager with RUNTIME_MANAGER_JAVA_OPTS set to those options
(repeatable; the plain start command is the variant `default`); the variants take turns in each run. Python 3
standard library only.
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
from benchkit.agents import cpu_seconds  # noqa: E402
from benchkit.report import describe_machine, load_average  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOUR = ["vfs", "kendra", "gpt4", "orchestrator"]
PORT = 8000
MCP_INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                       "clientInfo": {"name": "manager-idle", "version": "1"}}}


def call(method, path, body=None, timeout=120, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json", **(headers or {})})
        answer = conn.getresponse()
        return answer.status, answer.read().decode(errors="replace")
    finally:
        conn.close()


def memory(pid):
    """VmRSS, RssAnon, RssFile, Pss (MB) and the thread count of the process."""
    found = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile", "Threads"):
                found[key] = int(value.split()[0])
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                found["Pss"] = int(line.split()[1])
    return {"rss": found["VmRSS"] / 1024, "anon": found["RssAnon"] / 1024, "file": found["RssFile"] / 1024,
            "pss": found["Pss"] / 1024, "threads": found["Threads"]}


def features_answer():
    """What the first use of the features that may be made lazily answers: /mcp initialize, /v3/api-docs, console."""
    mcp, _ = call("POST", "/mcp", MCP_INIT, headers={"Accept": "application/json, text/event-stream"})
    docs, text = call("GET", "/v3/api-docs")
    console, _ = call("GET", "/")
    return f"/mcp {mcp}, /v3/api-docs {docs} ({'launch_agents' in text}), console {console}"


def dump_state(pid, prefix):
    """Saves what says where the memory is: smaps, and the JVM's own summaries through jcmd."""
    with open(f"/proc/{pid}/smaps") as source, open(prefix + ".smaps", "w") as target:
        target.write(source.read())
    for command in (["VM.native_memory", "summary"], ["GC.heap_info"], ["VM.metaspace"], ["Thread.print"]):
        with open(f"{prefix}.{command[0]}.txt", "w") as target:
            subprocess.run(["jcmd", str(pid), *command], stdout=target, stderr=subprocess.STDOUT, timeout=60)


def one_run(work, label, opts, seconds, dump=None):
    env = dict(os.environ)
    env.pop("RUNTIME_MANAGER_JAVA_OPTS", None)
    if opts:
        env["RUNTIME_MANAGER_JAVA_OPTS"] = opts
    with open(os.path.join(work, f"manager-{label}.out"), "ab") as out:
        started = time.monotonic()
        manager = subprocess.Popen([os.path.join(ROOT, "bin", "runtime-manager")], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True, env=env)
    try:
        while procs.http_status(PORT, "/actuator/health") != 200:
            if manager.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError(f"the manager did not answer health; see {work}/manager-{label}.out")
            time.sleep(procs.POLL_SECONDS)
        health = time.monotonic() - started
        time.sleep(10)
        sent = time.monotonic()
        status, body = call("POST", "/api/launch_agents", {"agents": FOUR})
        launch = time.monotonic() - sent
        if status != 200:
            raise RuntimeError(f"launch: {status} {body[:1000]}")
        time.sleep(10)
        at10 = memory(manager.pid)
        before = cpu_seconds(manager.pid)
        time.sleep(seconds)
        cpu = 100 * (cpu_seconds(manager.pid) - before) / seconds
        later = memory(manager.pid)
        if dump:
            dump_state(manager.pid, os.path.join(dump, label))
        features = features_answer()
        print(f"{label}: health {health:.2f} s; four ready in {launch:.2f} s; idle: RSS {at10['rss']:.0f} MB "
              f"(anon {at10['anon']:.0f}, file {at10['file']:.0f}), PSS {at10['pss']:.0f} MB, "
              f"{at10['threads']} threads; {seconds:.0f} s later RSS {later['rss']:.0f} MB, PSS {later['pss']:.0f} MB; "
              f"CPU {cpu:.2f} % of a core; then {features}; load {load_average()}", flush=True)
        call("POST", "/api/stop_agent?agent_name=" + ",".join(FOUR))
        return later["rss"], later["pss"], cpu
    finally:
        manager.send_signal(signal.SIGTERM)
        try:
            manager.wait(60)
        except subprocess.TimeoutExpired:
            procs.signal_group(manager.pid, signal.SIGKILL)
            manager.wait(10)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--variant", action="append", default=[], help="label=JVM options (repeatable)")
    parser.add_argument("--dump", help="folder: save smaps and jcmd summaries of each variant at the end of idle")
    parser.add_argument("--no-default", action="store_true", help="leave out the plain start command")
    args = parser.parse_args(argv)
    variants = [] if args.no_default else [("default", "")]
    variants += [tuple(v.split("=", 1)) for v in args.variant]
    work = tempfile.mkdtemp(prefix="manager-idle-")
    machine = describe_machine("java")
    print(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']}, {machine['java']}, "
          f"load {machine['load_start']} at {machine['date']}", flush=True)
    results = {label: [] for label, _ in variants}
    for run in range(args.runs):
        order = variants[run % len(variants):] + variants[:run % len(variants)]
        for label, opts in order:
            results[label].append(one_run(work, label, opts, args.seconds, args.dump))
    print(f"\nmedians of {args.runs} run(s), after {args.seconds:.0f} s idle:")
    for label, rows in results.items():
        rss, pss, cpu = (statistics.median(column) for column in zip(*rows))
        print(f"  {label}: RSS {rss:.0f} MB ({', '.join(f'{r[0]:.0f}' for r in rows)}), PSS {pss:.0f} MB, "
              f"CPU {cpu:.2f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
