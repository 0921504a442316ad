#!/usr/bin/env python3
"""JVM flags of the built-in agents (issue 8, points 2 and 3): launch-to-ready and idle memory of each agent jar.

Each agent is started by hand the way the manager starts it (same environment variables, its home as the working
directory, but no class data sharing archive) with three sets of JVM options:

  plain   `java -jar` with no options at all
  old     the small-service flags the agents had before: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k
  final   the `jvm-args` of the agent's agent.yml (Spring AOT and the memory caps)

For every start it measures launch to ready (the readiness path of agent.yml polled every 20 ms, as the manager
does), the CPU seconds the JVM used until then, and VmRSS (/proc/<pid>/status) `--settle` seconds after ready.
Runs are interleaved (the order of the flag sets rotates each run) and the table gives medians. Run by hand from
the repository's root after building the agents; Python 3 standard library only, Linux only (/proc).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import report  # noqa: E402
from benchkit.agents import (BUILT_IN, DEFAULT_MODEL, NO_MANAGER, Agent, cpu_seconds, flag_sets,  # noqa: E402
                             listening, log_tail, proc_status)

def measure(agent, flags, settle, timeout):
    """One start: (ready s, CPU s until ready, RSS MB and threads `settle` s after ready)."""
    if listening(agent.port):
        raise RuntimeError(f"port {agent.port} is in use; stop what holds it")
    started = time.monotonic()
    process, home = agent.start(flags)
    try:
        try:
            ready = agent.wait_ready(process, started, timeout)
        except RuntimeError as e:
            raise RuntimeError(f"{e}\n{log_tail(home)}") from None
        cpu = cpu_seconds(process.pid)
        time.sleep(settle)
        rss, threads = proc_status(process.pid)
        return ready, cpu, rss, threads
    finally:
        agent.stop(process)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", default=",".join(BUILT_IN), help="agents to measure (default the four built-in)")
    parser.add_argument("--runs", type=int, default=3, help="starts per agent and flag set; medians (default 3)")
    parser.add_argument("--sets", default="plain,old,final", help="flag sets to run, in order (default all three)")
    parser.add_argument("--flags", action="append", default=[], metavar="LABEL=OPTIONS",
                        help="an extra flag set to try, such as 'small=-Xmx64m -Dspring.aot.enabled=true'; repeatable")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds after ready before RSS is read (default 2)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds a start may take (default 180)")
    parser.add_argument("--java", default=shutil.which("java"), help="the java to run (default: PATH)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="GGUF file for gpt4 (GPT4_MODEL_PATH)")
    parser.add_argument("--manager-url", default=NO_MANAGER, help=f"MANAGER_URL given to agents (default {NO_MANAGER})")
    parser.add_argument("--keep-work", action="store_true", help="keep the temporary homes and logs")
    args = parser.parse_args(argv)
    args.flags = [tuple(item.split("=", 1)) for item in args.flags]
    return args


def run(args, work):
    samples = {}
    sets = args.sets.split(",") + [label for label, _ in args.flags]
    agents = [Agent(name, args.java, work, args.manager_url, args.model) for name in args.agents.split(",")]
    for run_no in range(args.runs):
        order = sets[run_no % len(sets):] + sets[:run_no % len(sets)]
        for agent in agents:
            available = flag_sets(agent, args.flags)
            for label in order:
                result = measure(agent, available[label], args.settle, args.timeout)
                samples.setdefault((agent.name, label), []).append(result)
                print(f"run {run_no + 1} {agent.name:12} {label:8} ready {result[0]:.2f} s, cpu {result[1]:.1f} s, "
                      f"rss {result[2]:.0f} MB, {result[3]} threads", file=sys.stderr, flush=True)
    return agents, sets, samples


def table(agents, sets, samples):
    lines = ["| agent | flags | ready (s) | CPU to ready (s) | idle RSS (MB) | RSS vs plain | threads |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for agent in agents:
        plain = samples.get((agent.name, "plain"))
        plain_rss = statistics.median(s[2] for s in plain) if plain else None
        for label in sets:
            rows = samples.get((agent.name, label))
            if not rows:
                continue
            ready, cpu, rss, threads = (statistics.median(s[i] for s in rows) for i in range(4))
            spread = f"{min(s[0] for s in rows):.2f}-{max(s[0] for s in rows):.2f}"
            ratio = f"{100 * rss / plain_rss:.0f} %" if plain_rss else "-"
            lines.append(f"| {agent.name} | {label} | {ready:.2f} ({spread}) | {cpu:.1f} | {rss:.0f} | {ratio} "
                         f"| {threads:.0f} |")
    return "\n".join(lines)


def main(argv):
    args = parse_args(argv)
    machine = report.describe_machine(args.java)
    work = tempfile.mkdtemp(prefix="agentflags-")
    try:
        agents, sets, samples = run(args, work)
    finally:
        left = procs.kill_leftovers(work)
        if left:
            print(f"killed leftover processes {left}", file=sys.stderr)
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Measured by `python3 bench/agentflags.py {' '.join(argv)}`, {args.runs} runs, medians "
          f"(ready: min-max in brackets).\n")
    print(table(agents, sets, samples) + "\n")
    for agent in agents:
        print(f"- {agent.name} final flags: `{' '.join(agent.final_flags)}`")
    print("\n" + report.machine_lines({**machine, "load_end": report.load_average()}))


if __name__ == "__main__":
    main(sys.argv[1:])
