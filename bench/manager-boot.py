#!/usr/bin/env python3
"""The manager's own boot and idle memory (issue 23), next to a plain `java -jar` of the vfs jar and the daemons of
supervisord and PM2.

Run by hand from the repository's root after `./mvnw -DskipTests package`, under the shared lock:
    flock /work/heavy.lock python3 bench/manager-boot.py --rounds 3
Each round starts, one after another (the order rotates each round): the manager by the README's start command
(bin/runtime-manager), the manager by a plain `java -jar`, the vfs jar by a plain `java -jar`, and, when installed,
supervisord (`supervisord -n` with an empty program list) and PM2's daemon (`pm2 ping` with a private PM2_HOME).
Boot: from the command to the first answer (health UP for the JVMs; supervisorctl or pm2 answering for the
daemons). Memory: RSS of the process tree 3 s after that, idle. The report gives medians and, per round, the
manager's boot as a fraction of vfs's in the same round. Python 3 standard library only.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import procs  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANAGER_JAR = os.path.join(ROOT, "manager", "target", "runtime-manager.jar")
VFS_JAR = os.path.join(ROOT, "agents", "vfs", "target", "vfs-agent.jar")
IDLE_SECONDS = 3.0
TIMEOUT = 120.0


def wait_health(port, process, started):
    """Seconds from `started` until GET /actuator/health answers 200 on port; raises if the process exits first."""
    while time.monotonic() - started < TIMEOUT:
        if procs.http_status(port, "/actuator/health") == 200:
            return time.monotonic() - started
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode} before it answered health")
        time.sleep(procs.POLL_SECONDS)
    raise RuntimeError(f"no health answer within {TIMEOUT} s")


def run_jvm(command, port, work, env=None, cwd=ROOT):
    """Starts a JVM service, returns (boot seconds, idle RSS MB) and stops it."""
    with open(os.path.join(work, "out.log"), "ab") as out:
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        boot = wait_health(port, process, started)
        time.sleep(IDLE_SECONDS)
        rss, _ = procs.memory_mb([process.pid])
        return boot, rss
    finally:
        procs.signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            procs.signal_group(process.pid, signal.SIGKILL)
            process.wait(10)


def manager_env(work):
    """The manager's writable folders in this run's work folder; the catalog stays the repository's agents/. No warm
    standby: its JVMs are the manager's children, and this measures the daemon alone, as supervisord's and PM2's."""
    return {"LOG_DIR": os.path.join(work, "logs"), "STATE_DIR": os.path.join(work, "state"), "AGENT_STANDBY": "none"}


def launcher(work, java_opts=None, root=ROOT):
    """The README's start command of the checkout at root (this one unless --build names another)."""
    port = procs.free_port()
    env = manager_env(work)
    if java_opts is not None:
        env["RUNTIME_MANAGER_JAVA_OPTS"] = java_opts
    return run_jvm([os.path.join(root, "bin", "runtime-manager"), f"--server.port={port}"], port, work, env, root)


def manager_jar(work):
    port = procs.free_port()
    return run_jvm(["java", "-jar", MANAGER_JAR, f"--server.port={port}"], port, work, manager_env(work))


def vfs(work):
    port = procs.free_port()
    home = os.path.join(work, "vfs-home")
    os.makedirs(home, exist_ok=True)
    return run_jvm(["java", "-jar", VFS_JAR, f"--server.port={port}"], port, work,
                   {"AGENT_HOME": home, "AGENT_PORT": str(port)})


def supervisord(work):
    conf = os.path.join(work, "supervisord.conf")
    with open(conf, "w") as out:
        out.write(f"[unix_http_server]\nfile={work}/supervisor.sock\n\n[supervisord]\nlogfile={work}/supervisord.log\n"
                  f"pidfile={work}/supervisord.pid\nnodaemon=true\n\n[rpcinterface:supervisor]\n"
                  "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
                  f"[supervisorctl]\nserverurl=unix://{work}/supervisor.sock\n")
    started = time.monotonic()
    process = subprocess.Popen(["supervisord", "-n", "-c", conf], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while subprocess.run(["supervisorctl", "-c", conf, "pid"], capture_output=True,
                             text=True).stdout.strip() != str(process.pid):
            if time.monotonic() - started > TIMEOUT or process.poll() is not None:
                raise RuntimeError("supervisord did not start")
            time.sleep(procs.POLL_SECONDS)
        boot = time.monotonic() - started
        time.sleep(IDLE_SECONDS)
        return boot, procs.memory_mb([process.pid])[0]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def pm2(work):
    env = {**os.environ, "PM2_HOME": os.path.join(work, "pm2-home")}
    shutil.rmtree(env["PM2_HOME"], ignore_errors=True)
    started = time.monotonic()
    subprocess.run(["pm2", "ping"], env=env, capture_output=True, check=True)
    boot = time.monotonic() - started
    try:
        time.sleep(IDLE_SECONDS)
        pid = int(open(os.path.join(env["PM2_HOME"], "pm2.pid")).read().strip())
        return boot, procs.memory_mb([pid])[0]
    finally:
        subprocess.run(["pm2", "kill"], env=env, capture_output=True)


CASES = {"bin/runtime-manager": launcher, "manager java -jar": manager_jar, "vfs java -jar": vfs,
         "supervisord": supervisord, "pm2": pm2}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variant", action="append", default=[],
                        help="label=JVM options: bin/runtime-manager with RUNTIME_MANAGER_JAVA_OPTS set to them "
                             "(repeatable)")
    parser.add_argument("--build", action="append", default=[],
                        help="label=folder: bin/runtime-manager of another checkout, built there with ./mvnw "
                             "-DskipTests package (so with its own class archive), started from that folder in the "
                             "same rounds: two builds compared side by side (repeatable)")
    parser.add_argument("--no-daemons", action="store_true", help="leave out supervisord and PM2")
    parser.add_argument("--skip", action="append", default=[], help="leave out a case by its name, such as "
                        "'manager java -jar' (repeatable)")
    args = parser.parse_args(argv)
    cases = {name: run for name, run in CASES.items()
             if name not in ("supervisord", "pm2") or (not args.no_daemons and shutil.which(name) is not None)}
    for label, opts in (v.split("=", 1) for v in args.variant):
        cases[label] = lambda work, opts=opts: launcher(work, opts)
    for label, folder in (b.split("=", 1) for b in args.build):
        cases[label] = lambda work, folder=os.path.abspath(folder): launcher(work, root=folder)
    skipped = [] if args.no_daemons else sorted(set(CASES) - set(cases))
    for name in args.skip:
        cases.pop(name, None)
    work = tempfile.mkdtemp(prefix="manager-boot-")
    results = {name: [] for name in cases}
    ratios = {name: [] for name in cases if name not in ("manager java -jar", "vfs java -jar", "supervisord", "pm2")}
    for round_no in range(args.rounds):
        names = list(cases)
        names = names[round_no % len(names):] + names[:round_no % len(names)]
        this_round = {}
        for name in names:
            this_round[name] = cases[name](work)
            results[name].append(this_round[name])
            print(f"round {round_no + 1}: {name}: boot {this_round[name][0]:.2f} s, "
                  f"idle RSS {this_round[name][1]:.0f} MB", flush=True)
        for name in ratios:
            ratios[name].append(this_round[name][0] / this_round["vfs java -jar"][0])
    print(f"\n| start | boot, median (range) | idle RSS, median | rounds: {args.rounds} |")
    print("|---|---|---|---|")
    for name, values in results.items():
        boots = [b for b, _ in values]
        print(f"| {name} | {statistics.median(boots):.2f} s ({min(boots):.2f}-{max(boots):.2f}) "
              f"| {statistics.median([m for _, m in values]):.0f} MB | |")
    for name, values in ratios.items():
        print(f"\n{name}'s boot / vfs's, per round: {', '.join(f'{r:.2f}' for r in values)} "
              f"(median {statistics.median(values):.2f})")
    print(f"load average at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    if skipped:
        print(f"not installed, left out: {', '.join(skipped)} (apt-get install supervisor; npm install -g pm2)")
    print(json.dumps({"work": work}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
