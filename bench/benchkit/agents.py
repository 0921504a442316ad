"""The built-in agents as the bench scripts start them by hand: their descriptors, ports and flag sets, one process of
an agent started the way the manager starts it, and what /proc says about it. Shared by startup.py, agentflags.py and
load.py, so that no script imports another."""

import json
import os
import re
import signal
import socket
import subprocess
import time

from . import procs

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILT_IN = ["vfs", "kendra", "gpt4", "orchestrator"]
OLD_FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"]
# Fixed ports of this bench, away from the manager (8000) and the ports reserved for the built-in agents (8001-8004).
PORTS = {"vfs": 9301, "kendra": 9302, "gpt4": 9303, "orchestrator": 9304}
DEFAULT_MODEL = os.path.join(os.path.dirname(ROOT), "shared", "models", "stories260K.gguf")
# Nothing listens there: the orchestrator's discovery finds no manager, as when it runs before the manager answers.
NO_MANAGER = "http://127.0.0.1:9399"


def health_path(descriptor_text):
    for line in descriptor_text.splitlines():
        if line.startswith("health:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip()
    return "/actuator/health/readiness"


class Agent:
    """A built-in agent as its agent.yml describes it, and how to start and stop one process of it."""

    def __init__(self, name, java, work, manager_url, model):
        text, self.jar, self.final_flags = read_descriptor(name)
        self.name, self.java, self.work = name, java, work
        self.health = health_path(text)
        self.port = PORTS.get(name, 9310)
        self.manager_url, self.model = manager_url, model
        self.count = 0

    def start(self, flags):
        """Starts the jar with these JVM options in a new home; returns (process, home). The clock is the caller's."""
        self.count += 1
        home = os.path.join(self.work, f"{self.name}-{self.count}")
        os.makedirs(home)
        resources = os.path.join(home, "resources.json")
        with open(resources, "w") as out:
            json.dump({"id": f"bench-{self.count}", "name": self.name, "resources": {}}, out)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AGENT_", "GPT4_", "RUNTIME_"))}
        env.update(AGENT_NAME=self.name, AGENT_PORT=str(self.port), AGENT_HOME=home, AGENT_ID=f"bench-{self.count}",
                   AGENT_TOKEN="bench-token", AGENT_SHUTDOWN_REQUIRES_TOKEN="false",
                   AGENT_BIND_ADDRESS="127.0.0.1", AGENT_RESOURCES_FILE=resources,
                   MANAGER_URL=self.manager_url, LOG_LEVEL="INFO", LOG_DIR=home)
        if self.name == "gpt4" and self.model:
            env["GPT4_MODEL_PATH"] = self.model
        log = open(os.path.join(home, "agent.log"), "wb")
        process = subprocess.Popen([self.java, *flags, "-jar", self.jar], cwd=home, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        return process, home

    def wait_ready(self, process, started, timeout):
        """Seconds from `started` until the readiness path answers 200, or raises with the log's tail."""
        ready, failed = procs.wait_ready({self.name: (self.port, self.health)}, started, started + timeout,
                                         pids={self.name: process.pid})
        if failed:
            raise RuntimeError(f"{self.name} {failed[self.name]}")
        return ready[self.name]

    def stop(self, process):
        """SIGTERM, then SIGKILL after 20 s; waits until the port is free again."""
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        deadline = time.monotonic() + 10
        while listening(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)


def listening(port):
    """True when something accepts connections on 127.0.0.1:port. (Binding to test it, as benchkit does, fails
    for a minute after each run because of the server side's TIME_WAIT connections, which Tomcat ignores.)"""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def proc_status(pid):
    """VmRSS in MB and the thread count, from /proc/<pid>/status."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            values[key] = value.split()
    return int(values["VmRSS"][0]) / 1024, int(values["Threads"][0])


def cpu_seconds(pid):
    """User plus system CPU seconds the process (all its threads) used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def log_tail(home, lines=15):
    try:
        with open(os.path.join(home, "agent.log"), errors="replace") as log:
            return "".join(log.readlines()[-lines:])
    except OSError:
        return ""



def read_descriptor(name):
    """The built-in agent's agent.yml, its absolute jar path and its jvm-args (only the simple forms the repo uses)."""
    home = os.path.join(ROOT, "agents", name)
    with open(os.path.join(home, "agent.yml")) as descriptor:
        text = descriptor.read()
    jar = os.path.normpath(os.path.join(home, re.search(r"^jar:\s*(\S+)", text, re.M).group(1)))
    flags = re.search(r"^jvm-args:\s*\[(.*)\]", text, re.M)
    jvm_args = [f.strip() for f in flags.group(1).split(",") if f.strip()] if flags else []
    return text, jar, jvm_args


def flag_sets(agent, extra):
    sets = {"plain": [], "old": OLD_FLAGS, "final": agent.final_flags}
    for label, flags in extra:
        sets[label] = flags.split()
    return sets
