#!/usr/bin/env python3
"""Start-up benchmark of issue 8: agents launched through the manager against plain `java -jar`, supervisord and PM2.

Run by hand from the repository's root after `./mvnw -DskipTests package` (see bench/README.md). Every launcher
starts the same built jars; rounds are interleaved (the launchers' order rotates each round) so that a
machine getting busier or quieter does not favour one of them, and the report gives medians.
Python 3 standard library only.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import procs, report  # noqa: E402
from benchkit.agents import BUILT_IN, read_descriptor  # noqa: E402
from benchkit.launchers import AgentSpec, Launch, ManagerLauncher, PlainLauncher, StandbyLauncher  # noqa: E402
from benchkit.report import TRAINING, Results  # noqa: E402
from benchkit.supervisors import Pm2Launcher, SupervisordLauncher, missing_tools  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS = ["agents", "four", "reference", "batch", "list"]
METHODS = ["manager", "standby", "plain", "supervisord", "pm2"]
FIXED_PORTS = range(8001, 8005)
REFERENCE = os.path.join(ROOT, "bench", "reference")
REFERENCE_FLAGS_FROM = "vfs"
REFERENCE_COPIES = 4


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; medians are over them (default 5)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help="parts to run among agents (each built-in agent alone), four (the four in one call), "
                             "reference (issue 8's minimal Spring Boot app, alone and four copies in one call), "
                             "batch (descriptor-defined agents at once), list (list_agents under load); default all")
    parser.add_argument("--agents", default=",".join(BUILT_IN), help="built-in agents for the 'agents' part")
    parser.add_argument("--methods", default=",".join(METHODS), help="launchers to compare (default all four)")
    parser.add_argument("--batch-sizes", default="20,50", help="sizes of the 'batch' part (default 20,50)")
    parser.add_argument("--batch-rounds", type=int,
                        help="rounds of the 'batch' and 'list' parts, which take about 35 minutes a round on 2 cores "
                             "(default: --rounds); the first rounds run them")
    parser.add_argument("--batch-agent", default="vfs", choices=BUILT_IN,
                        help="the built-in agent whose descriptor the batches copy (default vfs; copies of the "
                             "orchestrator each discover all the others every 3 s, so their load grows as n^2)")
    parser.add_argument("--list-agents", type=int, default=50, help="agents running while list_agents is measured")
    parser.add_argument("--list-requests", type=int, default=1000, help="sequential list_agents calls for p50/p99")
    parser.add_argument("--list-seconds", type=float, default=10, help="duration of the throughput measure")
    parser.add_argument("--list-threads", type=int, default=4, help="client threads of the throughput measure")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after ready before memory is read")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a launch may take before it counts as failed")
    parser.add_argument("--java", default=shutil.which("java"), help="the java that runs everything (default: PATH)")
    parser.add_argument("--same-flags", action="store_true",
                        help="give plain/supervisord/PM2 the jvm-args of the agent's agent.yml (default: none)")
    parser.add_argument("--supervisord-startsecs", type=int, default=1,
                        help="startsecs of the supervisord programs (default 1, supervisord's own default: "
                             "`supervisorctl start` then starts programs one after the other, a second apart)")
    parser.add_argument("--fixed-ports", action="store_true",
                        help="keep the built-in agents' fixed ports 8001-8004 through the manager, if they are free")
    parser.add_argument("--doc", default=os.path.join(ROOT, "docs", "benchmarks.md"), help="Markdown file to update")
    parser.add_argument("--chart", default=os.path.join(ROOT, "docs", "benchmarks-startup.png"), help="PNG chart")
    parser.add_argument("--no-write", action="store_true", help="print the tables only; write no file")
    parser.add_argument("--keep-work", action="store_true", help="keep the temporary folder (logs) after the run")
    args = parser.parse_args(argv)
    args.only = _choices(args.only, PARTS, "--only")
    args.methods = _choices(args.methods, METHODS, "--methods")
    args.agents = _choices(args.agents, BUILT_IN, "--agents")
    args.batch_sizes = [int(n) for n in args.batch_sizes.split(",") if n]
    if args.batch_rounds is None:
        args.batch_rounds = args.rounds
    return args


def _choices(value, allowed, option):
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = set(chosen) - set(allowed)
    if unknown:
        sys.exit(f"{option}: unknown {', '.join(sorted(unknown))}; choose among {', '.join(allowed)}")
    return chosen


def snapshot_jar(jar, jars_dir):
    """A private copy of a built jar: a build replacing the jar during the run would otherwise make the agents
    that are starting from it fail (classes not found) and mix two builds in one run."""
    if not os.path.isfile(jar):
        sys.exit(f"{jar} is missing: build it first with ./mvnw -DskipTests package")
    copy = os.path.join(jars_dir, os.path.basename(os.path.dirname(os.path.dirname(jar))), os.path.basename(jar))
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    shutil.copy2(jar, copy)
    return copy


def build_catalog(catalog, jars_dir, agents, batch_count, batch_agent, keep_fixed_ports):
    """A temporary AGENTS_DIR: the built-in descriptors with their jar made absolute (and, unless asked, no fixed
    port), plus `batch_count` copies of `batch_agent`'s descriptor named bench-01... with no port.

    Returns name -> AgentSpec. Every launcher runs the same private copies of the built jars (see snapshot_jar);
    the agents' homes (data) are in the temp folder too.
    """
    specs = {}
    for name in sorted(set(agents) | ({batch_agent} if batch_count else set())):
        text, built, jvm_args = read_descriptor(name)
        jar = snapshot_jar(built, jars_dir)
        text = re.sub(r"^jar:.*$", f"jar: {jar}", text, flags=re.M)
        bench_text = re.sub(r"^(port|order):.*\n", "", text, flags=re.M)
        if not keep_fixed_ports:
            text = re.sub(r"^port:.*\n", "", text, flags=re.M)
        if name in agents:
            _write(os.path.join(catalog, name, "agent.yml"), text)
            specs[name] = AgentSpec(name, jar, jvm_args)
        if name == batch_agent:
            for i in range(1, batch_count + 1):
                copy = f"bench-{i:02d}"
                _write(os.path.join(catalog, copy, "agent.yml"), bench_text)
                specs[copy] = AgentSpec(copy, jar, jvm_args)
    return specs


def build_reference(catalog, jars_dir):
    """Builds the reference app (bench/reference) with the wrapper and adds it to the catalog: `reference` and
    `reference-1`... copies, launched by the manager with the built-in agents' JVM flags (those of vfs's agent.yml)
    and its fast start, like an agent. Returns name -> AgentSpec."""
    print("Building the reference app (bench/reference) ...", flush=True)
    built = subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-f", os.path.join(REFERENCE, "pom.xml"),
                            "-DskipTests", "package"], cwd=ROOT, capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(f"building bench/reference failed:\n{built.stdout[-3000:]}{built.stderr[-3000:]}")
    jar = snapshot_jar(os.path.join(REFERENCE, "target", "reference-app.jar"), jars_dir)
    _, _, jvm_args = read_descriptor(REFERENCE_FLAGS_FROM)
    text = (f"description: issue 8's reference app, a minimal Spring Boot web app with actuator\njar: {jar}\n"
            f"jvm-args: [{', '.join(jvm_args)}]\nhealth: /actuator/health/readiness\n")
    specs = {}
    for name in ["reference"] + [f"reference-{i}" for i in range(1, REFERENCE_COPIES + 1)]:
        _write(os.path.join(catalog, name, "agent.yml"), text)
        specs[name] = AgentSpec(name, jar, jvm_args)
    return specs


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def make_launchers(args, work, catalog):
    """The launchers asked for, in a fixed order; each is started (its daemon up) before any measure."""
    made = []
    for method in args.methods:
        folder = os.path.join(work, method)
        if method in ("manager", "standby"):
            jar = os.path.join(ROOT, "manager", "target", "runtime-manager.jar")
            if not os.path.isfile(jar):
                sys.exit(f"{jar} is missing: build it first with ./mvnw -DskipTests package")
            made.append(ManagerLauncher(args.java, jar, catalog, folder, args.timeout) if method == "manager"
                        else StandbyLauncher(args.java, jar, catalog, folder, args.timeout, BUILT_IN))
        elif method == "plain":
            made.append(PlainLauncher(args.java, folder, args.timeout, args.same_flags))
        elif method == "supervisord":
            made.append(SupervisordLauncher(args.java, folder, args.timeout, args.same_flags, args.supervisord_startsecs))
        else:
            made.append(Pm2Launcher(args.java, folder, args.timeout, args.same_flags))
    return made


def measure_launch(results, launcher, scenario, specs, round_no, settle, while_running=None):
    """One launch of `specs` and its stop: launch-to-ready, memory once settled, stop latency.

    A manager launch of agents that have no archive yet is the training run: it is recorded under its own
    label, since its clean stop is what writes the archive that later launches use.
    """
    training = isinstance(launcher, ManagerLauncher) and launcher.is_training(specs)
    label = TRAINING if training else launcher.label
    print(f"  round {round_no}: {scenario} via {label} ...", end=" ", flush=True)
    try:
        launch = launcher.launch(specs)
    except Exception as error:  # noqa: BLE001 - one broken launch must not lose the rest of the run
        launch = Launch(0.0, failed={s.name: f"launch raised {error!r}" for s in specs})
    results.fail(scenario, label, round_no, launch.failed)
    if not launch.failed:
        results.add(scenario, label, "ready_s", launch.seconds)
    if not training and launch.pids:
        time.sleep(settle)
        rss, pss = procs.memory_mb(launch.pids.values())
        results.add(scenario, label, "rss_mb", rss)
        results.add(scenario, label, "pss_mb", pss)
        if isinstance(launcher, ManagerLauncher):
            for pid in launch.pids.values():
                results.add("all", "manager", "archive_mapped", procs.archive_mapped(pid))
    if while_running and not launch.failed:
        try:
            while_running(launch)
        except Exception as error:  # noqa: BLE001 - the agents must still be stopped
            results.fail(scenario, label, round_no, {"while running": f"raised {error!r}"})
    try:
        stop = launcher.stop(launch, specs)
    except Exception as error:  # noqa: BLE001 - as above
        results.fail(scenario, label, round_no, {"stop": f"raised {error!r}"})
        stop = None
    results.add(scenario, label, "stop_s", stop)
    if training:
        untrained = launcher.untrained_after_stop(specs)
        if untrained and stop is not None:
            results.notes.append(
                f"round {round_no}, {scenario}: the training launch recorded no archive for {', '.join(untrained)} "
                f"(stop took {stop:.1f} s; the manager keeps an archive only from a clean exit), so the next launch "
                "through the manager was a training launch again.")
    print(f"ready {launch.seconds:.2f} s, stopped in {stop or 0:.2f} s" + (f", FAILED {launch.failed}" if launch.failed else ""))
    return launch


def measure_list(results, manager, agents, requests, seconds, threads):
    """list_agents while `agents` agents run: latency of sequential calls (p50/p99), then throughput with threads.

    Calls reuse a kept-alive connection, so what is measured is the manager, not TCP set-up.
    """
    conn = http.client.HTTPConnection("127.0.0.1", manager.port, timeout=30)
    for _ in range(20):
        manager.list_agents_once(conn)  # warm-up: the first calls also prime the CPU-usage baseline
    latencies = [manager.list_agents_once(conn) for _ in range(requests)]
    conn.close()
    counts = [0] * threads
    deadline = time.monotonic() + seconds

    def client(slot):
        own = http.client.HTTPConnection("127.0.0.1", manager.port, timeout=30)
        while time.monotonic() < deadline:
            manager.list_agents_once(own)
            counts[slot] += 1
        own.close()

    workers = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    row = {"agents": agents, "requests": requests, "p50_ms": report.percentile(latencies, 0.50) * 1000,
           "p99_ms": report.percentile(latencies, 0.99) * 1000, "max_ms": max(latencies) * 1000,
           "throughput": sum(counts) / elapsed, "threads": threads}
    results.listing.append(row)
    print(f"\n  list_agents with {agents} agents: p50 {row['p50_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms, "
          f"{row['throughput']:.0f} req/s")


def run_round(args, results, launchers, specs, round_no):
    """One round of every part asked for; the launchers' order rotates each round."""
    shift = round_no % len(launchers)
    order = launchers[shift:] + launchers[:shift]
    manager = next((l for l in launchers if type(l) is ManagerLauncher), None)
    if "agents" in args.only:
        for name in args.agents:
            for launcher in order:
                _measure_with_training(args, results, launcher, name, [specs[name]], round_no)
    if "four" in args.only:
        four = [specs[name] for name in BUILT_IN]
        for launcher in order:
            _measure_with_training(args, results, launcher, "four agents, one call", four, round_no)
    if "reference" in args.only:
        copies = [specs[f"reference-{i}"] for i in range(1, REFERENCE_COPIES + 1)]
        for scenario, group in [("reference app alone", [specs["reference"]]),
                                (f"{REFERENCE_COPIES} reference apps, one call", copies)]:
            for launcher in order:
                _measure_with_training(args, results, launcher, scenario, group, round_no)
    listed = False
    if "batch" in args.only and round_no <= args.batch_rounds:
        for size in args.batch_sizes:
            batch = [specs[f"bench-{i:02d}"] for i in range(1, size + 1)]
            for launcher in order:
                hook = None
                if launcher is manager and "list" in args.only and size == args.list_agents:
                    hook = lambda launch, n=size: measure_list(results, manager, n, args.list_requests,
                                                               args.list_seconds, args.list_threads)
                    listed = True
                _measure_with_training(args, results, launcher, f"{size} agents at once", batch, round_no, hook)
    if "list" in args.only and manager and not listed and round_no <= args.batch_rounds and not manager.daemon_died():
        batch = [specs[f"bench-{i:02d}"] for i in range(1, args.list_agents + 1)]
        launch = manager.launch(batch)
        results.fail("list_agents", "manager", round_no, launch.failed)
        if not launch.failed:
            measure_list(results, manager, args.list_agents, args.list_requests, args.list_seconds, args.list_threads)
        manager.stop(launch, batch)


def _measure_with_training(args, results, launcher, scenario, specs, round_no, hook=None):
    """Through the manager, the first launch of agents trains their archive: it is measured apart, then the real one.

    A launcher whose own daemon died (someone else's clean-up on a shared machine, a crash) is left out of the
    rest of the run, and the report says so.
    """
    if isinstance(launcher, StandbyLauncher) and not launcher.measures(specs):
        return
    if launcher.daemon_died():
        if launcher.label not in results.dead:
            results.dead.add(launcher.label)
            results.notes.append(f"{launcher.label} exited during round {round_no} (not stopped by this script); "
                                 "it is left out of the rest of the run")
        return
    if isinstance(launcher, ManagerLauncher) and launcher.is_training(specs):
        measure_launch(results, launcher, scenario, specs, round_no, args.settle)
    measure_launch(results, launcher, scenario, specs, round_no, args.settle, hook)


def footprint(results, launchers):
    """RSS / PSS of the launchers' own processes (manager JVM, supervisord, PM2 daemon) once every agent is stopped."""
    for launcher in launchers:
        pid = None
        if isinstance(launcher, (ManagerLauncher, SupervisordLauncher)) and launcher.process:
            pid = launcher.process.pid
        elif isinstance(launcher, Pm2Launcher):
            pid_file = os.path.join(launcher.env["PM2_HOME"], "pm2.pid")
            if os.path.exists(pid_file):
                pid = int(open(pid_file).read().strip())
        if pid and procs.alive(pid):
            results.footprint[launcher.label] = procs.memory_mb([pid])
        if isinstance(launcher, StandbyLauncher) and launcher.standby_memory:
            count, (rss, pss) = max(launcher.standby_memory)
            results.notes.append(f"{launcher.label}: {count} idle standby JVMs, warm, held {rss:.0f} MB of RSS and "
                                 f"{pss:.0f} MB of PSS together while their agents did not run.")


def check_prerequisites(args):
    """Everything must already be installed: this script installs nothing, it says what to run."""
    missing = missing_tools(args.methods)
    if missing:
        lines = "\n".join(f"  {tool}: {command}" for tool, command in missing.items())
        sys.exit(f"Missing launchers; install them, or leave them out with --methods:\n{lines}")
    if not args.java:
        sys.exit("no java on the PATH; give one with --java")
    if "list" in args.only and "manager" not in args.methods:
        sys.exit("the 'list' part needs the manager in --methods")


def fixed_ports_note(args):
    """Whether the built-in agents keep 8001-8004 through the manager; they are only kept if asked and free."""
    if not args.fixed_ports:
        return False, "the built-in agents ran without their fixed ports (8001-8004 stay free for others)"
    busy = [p for p in FIXED_PORTS if not procs.port_is_free(p)]
    if busy:
        return False, f"ports {busy} were busy, so the built-in agents ran without their fixed ports"
    return True, "the built-in agents kept their fixed ports 8001-8004 (they were free)"


def main(argv):
    args = parse_args(argv)
    check_prerequisites(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    work = tempfile.mkdtemp(prefix="bench-startup-")
    keep_ports, ports_note = fixed_ports_note(args)
    batch_count = max([*args.batch_sizes, args.list_agents if "list" in args.only else 0]) \
        if ({"batch", "list"} & set(args.only)) else 0
    agents = sorted(set(args.agents) | (set(BUILT_IN) if "four" in args.only else set()))
    specs = build_catalog(os.path.join(work, "catalog"), os.path.join(work, "jars"), agents, batch_count,
                          args.batch_agent, keep_ports)
    if "reference" in args.only:
        specs.update(build_reference(os.path.join(work, "catalog"), os.path.join(work, "jars")))
    machine = report.describe_machine(args.java)
    print(f"Work folder {work}; {ports_note}.\nMachine: {machine}")
    results, launchers = Results(), []
    try:
        for launcher in make_launchers(args, work, os.path.join(work, "catalog")):
            launchers.append(launcher)
            launcher.start()
        for round_no in range(1, args.rounds + 1):
            print(f"Round {round_no} of {args.rounds}")
            run_round(args, results, launchers, specs, round_no)
        footprint(results, launchers)
    finally:
        for launcher in reversed(launchers):
            try:
                launcher.close()
            except Exception as error:  # noqa: BLE001 - the others must still be closed
                print(f"closing {launcher.label}: {error}")
        left = procs.kill_leftovers(work)
        if left:
            print(f"killed leftover processes {left}")
    machine["load_end"] = report.load_average()
    write_report(args, argv, results, machine, ports_note, work)
    if not args.keep_work:
        shutil.rmtree(work, ignore_errors=True)


def write_report(args, argv, results, machine, ports_note, work):
    """Prints the tables and, unless --no-write, puts them with the chart into the docs."""
    flags = "the jvm-args of agent.yml" if args.same_flags else "no JVM flags"
    text = "\n".join([
        f"Measured by `python3 bench/startup.py {' '.join(argv)}`.",
        "",
        report.machine_lines(machine),
        "",
        f"Notes: {ports_note}; plain `java -jar`, supervisord and PM2 ran the same jars with {flags}; "
        "the manager ran them as their agent.yml says (its fast start included). All ran private copies of the jars, made at the start of the run. The batches are copies of "
        f"the {args.batch_agent} descriptor with no fixed port.",
        "",
        report.tables(results, args.rounds),
    ])
    print("\n" + text)
    if args.no_write:
        return
    chart_note = report.write_chart(results, args.chart, work)
    print(chart_note)
    if chart_note.startswith("chart written"):
        rel = os.path.relpath(args.chart, os.path.dirname(os.path.abspath(args.doc)))
        text += f"\n\n![launch to ready, medians]({rel})"
    report.write_markdown(args.doc, text)
    print(f"results written to {args.doc}")


if __name__ == "__main__":
    main(sys.argv[1:])
