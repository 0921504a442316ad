#!/usr/bin/env python3
"""Scale (issue 23, point 4): many small agents through the manager, next to the same agents started by plain
processes and by supervisord in the same run.

Run by hand from the repository's root after `./mvnw -DskipTests package`, under the shared lock:
    flock /work/heavy.lock python3 bench/scale.py [--agents 200] [--idle 50] [--seconds 30]
The agents are small descriptor agents: a Python program of a few lines (python3 -S, a few MB of RSS) that answers
200 to any request on AGENT_PORT. The script writes a catalog of --agents of them in a temporary folder and measures:
- plain: all started at once as child processes of this script, until each answers (the floor);
- supervisord (when installed): one program each, `supervisorctl start all` with startsecs=0, until each answers;
- manager (bin/runtime-manager, its defaults, its own port, the temporary catalog): --idle agents launched in one
  call, then its own CPU over --seconds while they idle, as a percentage of one core; stopped; then --agents in one
  call (time, launches per second), `GET /api/list_agents` --requests times on a kept-alive connection while they run
  (p50, p99, max), stopped in one call; then no agent process may remain and every agent port must be free.
Python 3 standard library only.
"""

import argparse
import http.client
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
from benchkit.agents import listening  # noqa: E402
from benchkit.agents import cpu_seconds  # noqa: E402
from benchkit.report import describe_machine, load_average  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = os.path.realpath(sys.executable)
FIRST_PORT = 26000
TIMEOUT = 300.0
AGENT = """import os, socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((os.environ.get("AGENT_BIND_ADDRESS", "127.0.0.1"), int(os.environ["AGENT_PORT"])))
s.listen(64)
while True:
    c, _ = s.accept()
    try:
        c.recv(4096)
        c.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\nok")
    except OSError:
        pass
    finally:
        c.close()
"""


def names(count):
    return [f"tiny-{i:03d}" for i in range(count)]


def write_catalog(work, count):
    catalog = os.path.join(work, "agents")
    for name in names(count):
        home = os.path.join(catalog, name)
        os.makedirs(home)
        with open(os.path.join(home, "agent.py"), "w") as out:
            out.write(AGENT)
        with open(os.path.join(home, "agent.yml"), "w") as out:
            out.write(f"description: a small agent for bench/scale.py\ncommand: [{PYTHON}, -S, agent.py]\n"
                      "health: /health\n")
    return catalog


def wait_all(ports, started, pids=None):
    ready, failed = procs.wait_ready({p: (p, "/health") for p in ports}, started, started + TIMEOUT, pids=pids)
    return time.monotonic() - started, failed


def plain(work, count):
    """All agents as this script's children at once; seconds until each answers."""
    ports = [FIRST_PORT + i for i in range(count)]
    started = time.monotonic()
    children = [subprocess.Popen([PYTHON, "-S", os.path.join(work, "agents", name, "agent.py")],
                                 env={**os.environ, "AGENT_PORT": str(port)}, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
                for name, port in zip(names(count), ports)]
    seconds, failed = wait_all(ports, started, {p: c.pid for p, c in zip(ports, children)})
    rss, _ = procs.memory_mb([c.pid for c in children])
    for child in children:
        child.send_signal(signal.SIGTERM)
    for child in children:
        child.wait(30)
    return {"launch_s": seconds, "failed": len(failed), "rss_mb": rss}


def supervisord(work, count):
    """supervisord with one program per agent, startsecs=0; seconds from `start all` until each answers."""
    if shutil.which("supervisord") is None:
        return None
    folder = os.path.join(work, "supervisord")
    os.makedirs(folder)
    conf = os.path.join(folder, "supervisord.conf")
    with open(conf, "w") as out:
        out.write(f"[unix_http_server]\nfile={folder}/s.sock\n\n[supervisord]\nlogfile={folder}/s.log\n"
                  f"pidfile={folder}/s.pid\nnodaemon=true\nminfds=4096\n\n[rpcinterface:supervisor]\n"
                  "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
                  f"[supervisorctl]\nserverurl=unix://{folder}/s.sock\n\n")
        for name, port in zip(names(count), range(FIRST_PORT, FIRST_PORT + count)):
            out.write(f"[program:{name}]\ncommand={PYTHON} -S agent.py\ndirectory={work}/agents/{name}\n"
                      f"environment=AGENT_PORT=\"{port}\"\nautostart=false\nstartsecs=0\n"
                      f"stdout_logfile={folder}/{name}.log\nredirect_stderr=true\n\n")
    ctl = ["supervisorctl", "-c", conf]
    daemon = subprocess.Popen(["supervisord", "-n", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while subprocess.run([*ctl, "pid"], capture_output=True, text=True).stdout.strip() != str(daemon.pid):
            if time.monotonic() > deadline:
                raise RuntimeError("supervisord did not start")
            time.sleep(0.1)
        started = time.monotonic()
        subprocess.Popen([*ctl, "start", "all"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds, failed = wait_all(range(FIRST_PORT, FIRST_PORT + count), started)
        stop_started = time.monotonic()
        subprocess.run([*ctl, "stop", "all"], capture_output=True)
        return {"launch_s": seconds, "failed": len(failed), "stop_s": time.monotonic() - stop_started}
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(60)


class Manager:
    """bin/runtime-manager on a free port with the temporary catalog; everything else at its defaults."""

    def __init__(self, work, catalog):
        self.port = procs.free_port()
        env = {**os.environ, "AGENTS_DIR": catalog, "LOG_DIR": os.path.join(work, "logs"),
               "STATE_DIR": os.path.join(work, "state"), "MIN_AGENT_PORT": str(FIRST_PORT),
               "MAX_AGENT_PORT": str(FIRST_PORT + 999)}
        self.out = os.path.join(work, "manager.out")
        with open(self.out, "wb") as out:
            self.process = subprocess.Popen([os.path.join(ROOT, "bin", "runtime-manager"),
                                             f"--server.port={self.port}"], cwd=work, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        started = time.monotonic()
        while procs.http_status(self.port, "/actuator/health") != 200:
            if self.process.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError(f"the manager did not answer health; see {self.out}")
            time.sleep(procs.POLL_SECONDS)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)

    def call(self, method, path, body=None):
        try:
            return self._call(method, path, body)
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # Tomcat closes a kept-alive connection idle for a while (the idle-CPU wait): open a new one.
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
            return self._call(method, path, body)

    def _call(self, method, path, body):
        self.connection.request(method, path, body=json.dumps(body) if body is not None else None,
                                headers={"Content-Type": "application/json"})
        answer = self.connection.getresponse()
        return answer.status, json.loads(answer.read() or b"{}")

    def launch(self, agents):
        started = time.monotonic()
        status, body = self.call("POST", "/api/launch_agents", {"agents": agents})
        seconds = time.monotonic() - started
        running = [a for a in body.get("agents", []) if a.get("status") == "RUNNING"]
        return seconds, status, running, body

    def stop(self, agents):
        started = time.monotonic()
        status, body = self.call("POST", "/api/stop_agent?agent_name=" + ",".join(agents))
        return time.monotonic() - started, status, body

    def list_times(self, requests):
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            status, body = self.call("GET", "/api/list_agents")
            times.append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise RuntimeError(f"list_agents answered {status}")
        return times, len(body["agents"])

    def close(self):
        self.connection.close()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(120)
        except subprocess.TimeoutExpired:
            procs.signal_group(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def idle_cpu(manager, count, seconds):
    agents = names(count)
    launch_s, status, running, _ = manager.launch(agents)
    time.sleep(10)
    before = cpu_seconds(manager.process.pid)
    time.sleep(seconds)
    used = cpu_seconds(manager.process.pid) - before
    manager.stop(agents)
    return {"agents": count, "launch_s": launch_s, "running": len(running), "cpu_percent": 100 * used / seconds}


def scale(manager, count, requests):
    agents = names(count)
    launch_s, status, running, body = manager.launch(agents)
    if status != 200:
        print(json.dumps(body)[:2000])
    pids = [a["pid"] for a in running]
    ports = [a["port"] for a in running]
    time.sleep(2)
    rss, _ = procs.memory_mb(pids)
    times, listed = manager.list_times(requests)
    stop_s, stop_status, _ = manager.stop(agents)
    procs.wait_gone(pids, 30)
    return {"agents": count, "status": status, "running": len(running), "launch_s": launch_s,
            "per_second": count / launch_s, "agents_rss_mb": rss, "listed": listed,
            "list_p50_ms": statistics.median(times), "list_p99_ms": percentile(times, 0.99), "list_max_ms": max(times),
            "stop_status": stop_status, "stop_s": stop_s,
            "leaked_processes": [p for p in pids if procs.alive(p)],
            # A port is leaked when something still listens on it. Binding to test it (procs.port_is_free) fails for
            # a minute after a run because of the TIME_WAIT connections the calls left, which a new listener that sets
            # SO_REUSEADDR, as Tomcat does, ignores.
            "held_ports": [p for p in ports if listening(p)]}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--idle", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="bench-scale-")
    catalog = write_catalog(work, max(args.agents, args.idle))
    machine = describe_machine("java")
    print(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']}, {machine['java']}, "
          f"load {machine['load_start']} at {machine['date']}", flush=True)
    results = {"plain": plain(work, args.agents)}
    print(f"plain: {results['plain']}", flush=True)
    results["supervisord"] = supervisord(work, args.agents)
    print(f"supervisord: {results['supervisord']}", flush=True)
    manager = Manager(work, catalog)
    try:
        results["idle"] = idle_cpu(manager, args.idle, args.seconds)
        print(f"manager, {args.idle} agents idle: {results['idle']}", flush=True)
        results["manager"] = scale(manager, args.agents, args.requests)
        print(f"manager: {results['manager']}", flush=True)
    finally:
        manager.close()
    left = procs.kill_leftovers(work)
    m = results["manager"]
    print(f"\nload at the end: {load_average()}; processes left mentioning {work}: {left or 'none'}")
    print(f"{args.agents} agents in one call: manager {m['launch_s']:.2f} s ({m['per_second']:.1f} launches/s, "
          f"{m['running']} RUNNING), plain {results['plain']['launch_s']:.2f} s "
          f"(manager/plain {m['launch_s'] / results['plain']['launch_s']:.2f}x)"
          + (f", supervisord {results['supervisord']['launch_s']:.2f} s (manager/supervisord "
             f"{m['launch_s'] / results['supervisord']['launch_s']:.2f}x)" if results["supervisord"] else ""))
    print(f"list_agents with {m['listed']} listed: p50 {m['list_p50_ms']:.1f} ms, p99 {m['list_p99_ms']:.1f} ms, "
          f"max {m['list_max_ms']:.1f} ms; stop of all in one call {m['stop_s']:.2f} s; leaked processes "
          f"{len(m['leaked_processes'])}, ports still listened on {len(m['held_ports'])}")
    print(f"manager CPU with {args.idle} agents idle: {results['idle']['cpu_percent']:.2f} % of a core")
    ok = (m["running"] == args.agents and not m["leaked_processes"] and not m["held_ports"] and not left
          and m["stop_status"] == 200)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
