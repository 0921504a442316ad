"""Samples, medians and the report: Markdown tables, the machine's description and a gnuplot chart."""

import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
from collections import defaultdict

TRAINING = "manager, first launch (training)"
STANDBY = "manager, warm standby"
METHOD_ORDER = [TRAINING, "manager", STANDBY, "plain java -jar", "supervisord", "pm2"]
BEGIN = "<!-- bench/startup.py: results begin -->"
END = "<!-- bench/startup.py: results end -->"


class Results:
    """Every sample of the run, keyed by (scenario, method, metric), and the failures with their reasons."""

    def __init__(self):
        self.samples = defaultdict(list)
        self.failures = []
        self.listing = []
        self.footprint = {}
        self.notes = []
        self.dead = set()
        self.scenarios = []

    def add(self, scenario, method, metric, value):
        if scenario not in self.scenarios:
            self.scenarios.append(scenario)
        if value is not None:
            self.samples[(scenario, method, metric)].append(value)

    def fail(self, scenario, method, round_no, failed):
        for name, reason in failed.items():
            self.failures.append(f"{scenario}, {method}, round {round_no}: {name} {reason}")

    def median(self, scenario, method, metric):
        values = self.samples.get((scenario, method, metric))
        return (statistics.median(values), len(values)) if values else (None, 0)

    def methods(self):
        present = {method for (_, method, _) in self.samples}
        return [m for m in METHOD_ORDER if m in present]


def percentile(values, fraction):
    """Nearest-rank percentile: p99 of 1000 samples is the 990th smallest."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(fraction * len(ordered))) - 1))]


def _run(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def load_average():
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def describe_machine(java):
    """What the figures depend on: cores, CPU model, memory, kernel, JDK, date and how busy the machine was."""
    model = re.search(r"Model name:\s*(.+)", _run(["lscpu"]))
    with open("/proc/meminfo") as meminfo:
        mem_kb = int(re.search(r"MemTotal:\s*(\d+)", meminfo.read()).group(1))
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": _run(["nproc"]),
        "cpu": model.group(1).strip() if model else platform.processor() or "unknown",
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "kernel": f"{platform.system()} {platform.release()} {platform.machine()}",
        "java": " / ".join(_run([java, "-version"]).splitlines()[:2]),
        "load_start": load_average(),
    }


def _cell(value, n, unit, digits=2):
    return "-" if value is None else f"{value:.{digits}f}{unit}" + ("" if n > 1 else " (1 run)" if n == 1 else "")


def tables(results, rounds):
    """The Markdown tables of the run, one per measure."""
    methods = results.methods()
    later = [m for m in methods if m != TRAINING]
    out = []
    out.append(f"**Launch to ready**, median of {rounds} interleaved round(s), seconds "
               "(the manager's answer; the others polled every 20 ms on the readiness probe):\n")
    ratios = ["manager"] + ([STANDBY] if STANDBY in methods else [])
    out.append("| scenario | " + " | ".join(methods) + "".join(f" | {m} / plain" for m in ratios) + " |")
    out.append("| --- " * (len(methods) + len(ratios) + 1) + "|")
    for scenario in results.scenarios:
        cells = [_cell(*results.median(scenario, m, "ready_s"), " s") for m in methods]
        plain, _ = results.median(scenario, "plain java -jar", "ready_s")
        for method in ratios:
            ready, _ = results.median(scenario, method, "ready_s")
            cells.append(f"{ready / plain:.0%}" if ready and plain else "-")
        if any(c != "-" for c in cells):
            out.append(f"| {scenario} | " + " | ".join(cells) + " |")

    out.append("\n**Memory once ready** (after the settle time), median total of the agents' processes, "
               "RSS / PSS in MB (the training launch is left out):\n")
    out.append("| scenario | " + " | ".join(later) + " |")
    out.append("| --- " * (len(later) + 1) + "|")
    for scenario in results.scenarios:
        cells = []
        for m in later:
            rss, _ = results.median(scenario, m, "rss_mb")
            pss, _ = results.median(scenario, m, "pss_mb")
            cells.append("-" if rss is None else f"{rss:.0f} / {pss:.0f}")
        if any(c != "-" for c in cells):
            out.append(f"| {scenario} | " + " | ".join(cells) + " |")

    out.append("\n**Stop latency**, median seconds, from the stop request until every process is gone "
               "(manager: `stop_agent`; plain: SIGTERM; supervisord: `supervisorctl stop`; PM2: `pm2 delete`):\n")
    out.append("| scenario | " + " | ".join(methods) + " |")
    out.append("| --- " * (len(methods) + 1) + "|")
    for scenario in results.scenarios:
        cells = [_cell(*results.median(scenario, m, "stop_s"), " s") for m in methods]
        if any(c != "-" for c in cells):
            out.append(f"| {scenario} | " + " | ".join(cells) + " |")

    mapped = results.samples.get(("all", "manager", "archive_mapped"), [])
    if mapped:
        out.append(f"\nLater launches through the manager with their class data sharing archive mapped "
                   f"(`/proc/<pid>/maps`): {sum(mapped)} of {len(mapped)} agent processes.")

    if results.listing:
        out.append("\n**`list_agents` under load** (sequential latency on one kept-alive connection; "
                   "throughput with several client threads of this script):\n")
        out.append("| agents running | requests | p50 | p99 | max | throughput | client threads |")
        out.append("| --- | --- | --- | --- | --- | --- | --- |")
        for row in results.listing:
            out.append(f"| {row['agents']} | {row['requests']} | {row['p50_ms']:.1f} ms | {row['p99_ms']:.1f} ms | "
                       f"{row['max_ms']:.1f} ms | {row['throughput']:.0f} req/s | {row['threads']} |")

    if results.footprint:
        out.append("\nThe launchers' own processes at the end of the run (RSS / PSS in MB): " +
                   ", ".join(f"{k} {v[0]:.0f} / {v[1]:.0f}" for k, v in results.footprint.items()) + ".")

    out.extend(f"\nNote: {note}" for note in results.notes)
    out.append("\nFailures: " + ("none." if not results.failures else ""))
    out.extend(f"- {failure}" for failure in results.failures)
    return "\n".join(out)


def machine_lines(machine):
    return (f"Machine: {machine['nproc']} cores (`nproc`), {machine['cpu']} (`lscpu`), {machine['memory']} of memory, "
            f"{machine['kernel']}; {machine['java']}. Run on {machine['date']}; load average "
            f"{machine['load_start']} at the start and {machine.get('load_end', '?')} at the end.")


def write_markdown(path, text):
    """Replaces the results between the markers of path (or appends a section with them) and keeps the rest."""
    block = f"{BEGIN}\n{text}\n{END}"
    current = ""
    if os.path.exists(path):
        with open(path) as existing:
            current = existing.read()
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        updated = head + block + rest.split(END, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n## Start-up: manager, plain java -jar, supervisord, PM2\n\n" + block + "\n"
    with open(path, "w") as out:
        out.write(updated)


def write_chart(results, png, work):
    """A clustered bar chart of the launch-to-ready medians with gnuplot; returns a message saying what happened."""
    if shutil.which("gnuplot") is None:
        return "no chart: gnuplot is not installed (apt-get install -y gnuplot-nox)"
    methods = results.methods()
    rows = [s for s in results.scenarios if any(results.median(s, m, "ready_s")[0] is not None for m in methods)]
    if not rows:
        return "no chart: no launch-to-ready figure in this run"
    data = os.path.join(work, "chart.dat")
    with open(data, "w") as out:
        out.write("scenario\t" + "\t".join(f'"{m}"' for m in methods) + "\n")
        for scenario in rows:
            values = [results.median(scenario, m, "ready_s")[0] for m in methods]
            out.write(f'"{scenario}"\t' + "\t".join("-" if v is None else f"{v:.3f}" for v in values) + "\n")
    columns = ", ".join(f"'{data}' using {i + 2}:xtic(1) title columnheader({i + 2})" for i in range(len(methods)))
    # A logarithmic scale: one agent takes seconds and a batch of 50 minutes, and both must stay readable.
    script = f"""set terminal pngcairo size 1200,600 font ",10"
set output '{png}'
set datafile missing '-'
set datafile separator '\\t'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel 'launch to ready, median (s, log scale)'
set logscale y
set yrange [0.2:*]
set grid ytics mytics
set xtics rotate by -20 scale 0
set bmargin 6
set key top left
set title 'Agent start-up: launch to ready (lower is better)'
plot {columns}
"""
    done = subprocess.run(["gnuplot"], input=script, capture_output=True, text=True)
    return f"chart written to {png}" if done.returncode == 0 else f"no chart: gnuplot failed: {done.stderr.strip()}"
