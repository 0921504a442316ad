"""The four ways of starting an agent jar that the benchmark compares, behind one small interface.

Each launcher has launch(specs) -> Launch and stop(launch) -> seconds. Every launch is timed from the
moment the request leaves this script until every agent answers 200 on its readiness path: the manager's
answer comes only then; the others are polled every 20 ms, whatever the tool says about its children.
"""

import glob
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from . import procs

READINESS = "/actuator/health/readiness"


@dataclass
class AgentSpec:
    """One agent to start: its name (in the manager's catalog), its jar and the JVM options of its agent.yml."""
    name: str
    jar: str
    jvm_args: list


@dataclass
class Launch:
    """What one launch of one or more agents gave: seconds until all were ready, their pids, what failed."""
    seconds: float
    pids: dict = field(default_factory=dict)
    failed: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def agent_env(name: str, port: int, home: str) -> dict:
    """The environment the manager gives an agent, reproduced for the other launchers (see README "Adding an agent")."""
    env = {k: v for k, v in os.environ.items() if k != "RUNTIME_API_KEY"}
    env.update(AGENT_NAME=name, AGENT_PORT=str(port), AGENT_HOME=home, AGENT_BIND_ADDRESS="127.0.0.1")
    return env


class ManagerLauncher:
    """The packaged manager, started by this script on a free port with a temporary catalog, logs and fast-start cache."""

    label = "manager"

    def __init__(self, java, jar, catalog, work, timeout):
        self.java, self.jar, self.catalog, self.work, self.timeout = java, jar, catalog, work, timeout
        self.cache = os.path.join(work, "fast-start")
        self.port = None
        self.process = None
        self.extra_env = {}

    def start(self, low=None):
        self.port = procs.free_port()
        low = low or self._agent_port_range()
        os.makedirs(self.work, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k != "RUNTIME_API_KEY"}
        env.update(PORT=str(self.port), AGENTS_DIR=self.catalog, LOG_DIR=os.path.join(self.work, "logs"),
                   MIN_AGENT_PORT=str(low), MAX_AGENT_PORT=str(low + 299),
                   AGENT_STARTUP_TIMEOUT=str(int(self.timeout)))
        cache = self.cache
        # The working directory is the temp folder, so the repository's config/application.yml is not read.
        env.update(self.extra_env)
        with open(os.path.join(self.work, "manager.out"), "wb") as out:
            self.process = subprocess.Popen(
                [self.java, f"-Druntime.fast-start.cache-dir={cache}", "-jar", self.jar],
                cwd=self.work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        ready, failed = procs.wait_ready({"manager": (self.port, "/actuator/health")}, time.monotonic(),
                                         time.monotonic() + 180, {"manager": self.process.pid})
        if failed:
            raise RuntimeError(f"the manager did not start: see {self.work}/manager.out")
        self.agent_ports = (low, low + 299)

    @staticmethod
    def _agent_port_range():
        """A block of 300 ports below the kernel's ephemeral range where nothing listens now (never 8000-8004)."""
        for low in range(21000, 32000, 300):
            if all(procs.port_is_free(p) for p in range(low, low + 300, 25)):
                return low
        raise RuntimeError("no free block of 300 ports in 21000-32000 for the manager's agents")

    def _call(self, method, path, body=None, timeout=None):
        """One HTTP call to the manager: (status, decoded JSON answer)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout + 60) as answer:
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def daemon_died(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def has_archive(self, spec) -> bool:
        """Whether the manager's fast-start cache holds a class archive for this agent's jar.

        The cache is keyed by jar content, JDK and options (run/fast-start/<key>/), so an entry is found by the
        extracted jar in it; the archive is app.jsa (CDS, Java 17-24) or app.aot (AOT cache, Java 25+)."""
        jar = os.path.basename(spec.jar)
        return any(glob.glob(os.path.join(entry, "app.jsa")) or glob.glob(os.path.join(entry, "app.aot"))
                   for entry in glob.glob(os.path.join(self.cache, "*")) if os.path.exists(os.path.join(entry, "ext", jar)))

    def is_training(self, specs) -> bool:
        """True when one of these agents has no archive yet: this launch records it, if its stop is clean."""
        return not all(self.has_archive(spec) for spec in specs)

    def untrained_after_stop(self, specs) -> list:
        """The agents still without an archive a moment after their stop (the manager moves it in place on exit)."""
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and self.is_training(specs):
            time.sleep(0.1)
        return [spec.name for spec in specs if not self.has_archive(spec)]

    def launch(self, specs) -> Launch:
        started = time.monotonic()
        status, answer = self._call("POST", "/api/launch_agents", {"agents": [s.name for s in specs], "resources": {}})
        seconds = time.monotonic() - started
        result = Launch(seconds)
        if status != 200:
            result.failed = {s.name: f"HTTP {status}: {answer.get('detail', answer)}" for s in specs}
            return result
        for agent in answer.get("agents", []):
            if agent.get("status") == "RUNNING" and agent.get("pid"):
                result.pids[agent["name"]] = int(agent["pid"])
            else:
                result.failed[agent["name"]] = f"{agent.get('status')}: {agent.get('message')}"
        return result

    def stop(self, launch: Launch, specs) -> float:
        """Time until the stop call answered and every process is gone (the archive of a training run is written then)."""
        names = ",".join(s.name for s in specs)
        started = time.monotonic()
        self._call("POST", f"/api/stop_agent?agent_name={names}")
        procs.wait_gone(launch.pids.values(), 60)
        return time.monotonic() - started

    def list_agents_once(self, conn) -> float:
        """One GET /api/list_agents on a kept-alive connection; its latency in seconds."""
        started = time.monotonic()
        conn.request("GET", "/api/list_agents")
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"list_agents answered {response.status}")
        return time.monotonic() - started

    def close(self):
        """SIGTERM: the manager stops every agent it runs, then exits; SIGKILL to its group if it does not in 60 s."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                procs.signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


class StandbyLauncher(ManagerLauncher):
    """The manager with the built-in agents in warm standby (AGENT_STANDBY): a JVM per agent started and warmed
    up ahead of its launch, in the background after the previous stop.

    Standby needs fixed ports, so this manager has a catalog of its own: the built-in agents' descriptors with fixed
    ports at the top of its agent port range. A launch is measured once the standbys of its agents are warm (the
    time it then takes is what a user sees when the manager has been idle a few seconds); the idle standbys' memory
    is read then too. Agents other than the built-in ones are not measured through it.
    """

    label = "manager, warm standby"

    def __init__(self, java, jar, catalog, work, timeout, names):
        super().__init__(java, jar, os.path.join(work, "catalog"), work, timeout)
        self.source_catalog, self.names = catalog, list(names)
        self.extra_env = {"AGENT_STANDBY": ",".join(self.names)}
        self.standby_memory = []

    def start(self, low=None):
        low = low or self._agent_port_range()
        for offset, name in enumerate(self.names):
            with open(os.path.join(self.source_catalog, name, "agent.yml")) as source:
                text = re.sub(r"^port:.*\n", "", source.read(), flags=re.M)
            os.makedirs(os.path.join(self.catalog, name), exist_ok=True)
            with open(os.path.join(self.catalog, name, "agent.yml"), "w") as out:
                out.write(text.rstrip("\n") + f"\nport: {low + 299 - offset}\n")
        super().start(low)
        # Its own first launch records the class archives (standbys are made only with one); not measured.
        specs = [AgentSpec(name, "", []) for name in self.names]
        first = super().launch(specs)
        self.stop(first, specs)
        if first.failed:
            raise RuntimeError(f"the standby manager's first launch failed: {first.failed}")

    def measures(self, specs) -> bool:
        return all(spec.name in self.names for spec in specs)

    def is_training(self, specs) -> bool:
        return False

    def launch(self, specs) -> Launch:
        self._await_warm(specs)
        return super().launch(specs)

    def _await_warm(self, specs):
        """Waits until each agent's standby has warmed up (its warm file exists); records their idle memory."""
        files = [os.path.join(self.catalog, spec.name, ".tmp", "standby.warm") for spec in specs]
        deadline = time.monotonic() + self.timeout
        while not all(os.path.exists(f) for f in files):
            if time.monotonic() > deadline:
                raise RuntimeError(f"standbys not warm within {self.timeout:.0f} s: see {self.work}/manager.out")
            time.sleep(0.1)
        pids = [int(open(f).read().strip()) for f in files]
        self.standby_memory.append((len(pids), procs.memory_mb(pids)))


class PlainLauncher:
    """`java -jar` of the same jar, no flags unless --same-flags: what a user does by hand."""

    label = "plain java -jar"

    def __init__(self, java, work, timeout, same_flags):
        self.java, self.work, self.timeout, self.same_flags = java, work, timeout, same_flags
        self.children = {}

    def start(self):
        os.makedirs(self.work, exist_ok=True)

    def daemon_died(self) -> bool:
        return False

    def command(self, spec):
        return [self.java, *(spec.jvm_args if self.same_flags else []), "-jar", spec.jar]

    def launch(self, specs) -> Launch:
        ports = {s.name: procs.free_port() for s in specs}
        started = time.monotonic()
        for spec in specs:
            home = os.path.join(self.work, spec.name)
            os.makedirs(home, exist_ok=True)
            with open(os.path.join(home, "agent.out"), "ab") as out:
                child = subprocess.Popen(self.command(spec), cwd=home, env=agent_env(spec.name, ports[spec.name], home),
                                         stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            self.children[spec.name] = child
        pids = {s.name: self.children[s.name].pid for s in specs}
        ready, failed = procs.wait_ready({n: (p, READINESS) for n, p in ports.items()}, started,
                                         started + self.timeout, pids)
        return Launch(max(ready.values(), default=0.0), {n: pids[n] for n in ready}, failed)

    def stop(self, launch: Launch, specs) -> float:
        """SIGTERM (Spring Boot shuts down gracefully on it) and time until every process is gone."""
        started = time.monotonic()
        for spec in specs:
            child = self.children.pop(spec.name, None)
            if child and child.poll() is None:
                child.send_signal(signal.SIGTERM)
        procs.wait_gone(launch.pids.values(), 60)
        return time.monotonic() - started

    def close(self):
        for child in self.children.values():
            if child.poll() is None:
                procs.signal_group(child.pid, signal.SIGKILL)
                child.wait(10)
        self.children.clear()
