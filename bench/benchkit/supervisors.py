"""supervisord and PM2 as launchers, each run privately in this run's work folder and torn down at the end.

Both tools report a child as running long before a Spring Boot agent can answer (supervisord after
`startsecs`, PM2 once it forked), so the time taken is until the agent's readiness probe answers 200.
Their daemons are started before any measurement: a launch is timed from the start command, as with a
manager that is already up.
"""

import json
import os
import shutil
import signal
import subprocess
import time

from . import procs
from .launchers import READINESS, Launch, agent_env

INSTALL = {
    "supervisord": "apt-get update && apt-get install -y supervisor",
    "pm2": "npm install -g pm2",
}


def missing_tools(methods):
    """The supervisors asked for that are not installed, with the command that installs each."""
    return {tool: INSTALL[tool] for tool in ("supervisord", "pm2")
            if tool in methods and shutil.which(tool) is None}


SUPERVISORD_CONF = """[unix_http_server]
file=%(here)s/supervisor.sock

[supervisord]
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid
childlogdir=%(here)s
nodaemon=true

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://%(here)s/supervisor.sock

[include]
files = %(here)s/programs/*.conf
"""

PROGRAM_CONF = """[program:{name}]
command={command}
directory={home}
environment={environment}
autostart=false
autorestart=false
startsecs={startsecs}
stopasgroup=true
killasgroup=true
stdout_logfile={home}/agent.out
redirect_stderr=true
"""


class SupervisordLauncher:
    """Debian's supervisord, one program per agent, added with `supervisorctl update` before each timed start."""

    label = "supervisord"

    def __init__(self, java, work, timeout, same_flags, startsecs=1):
        self.java, self.work, self.timeout, self.same_flags = java, work, timeout, same_flags
        self.startsecs = startsecs
        self.conf = os.path.join(work, "supervisord.conf")
        self.process = None

    def ctl(self, *args, check=True):
        return subprocess.run(["supervisorctl", "-c", self.conf, *args], capture_output=True, text=True, check=check)

    def start(self):
        os.makedirs(os.path.join(self.work, "programs"), exist_ok=True)
        with open(self.conf, "w") as conf:
            conf.write(SUPERVISORD_CONF)
        with open(os.path.join(self.work, "supervisord.out"), "wb") as out:
            self.process = subprocess.Popen(["supervisord", "-n", "-c", self.conf], cwd=self.work, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while self.ctl("pid", check=False).stdout.strip() != str(self.process.pid):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"supervisord did not start: see {self.work}/supervisord.out")
            time.sleep(0.1)

    def daemon_died(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def _program(self, spec, port):
        home = os.path.join(self.work, "homes", spec.name)
        os.makedirs(home, exist_ok=True)
        command = [self.java, *(spec.jvm_args if self.same_flags else []), "-jar", spec.jar]
        env = {k: v for k, v in agent_env(spec.name, port, home).items() if k.startswith("AGENT_")}
        environment = ",".join(f'{k}="{v}"' for k, v in env.items())
        return PROGRAM_CONF.format(name=spec.name, command=" ".join(command), home=home, environment=environment,
                                   startsecs=self.startsecs)

    def launch(self, specs) -> Launch:
        ports = {s.name: procs.free_port() for s in specs}
        for spec in specs:
            with open(os.path.join(self.work, "programs", f"{spec.name}.conf"), "w") as conf:
                conf.write(self._program(spec, ports[spec.name]))
        self.ctl("update")
        started = time.monotonic()
        command = subprocess.Popen(["supervisorctl", "-c", self.conf, "start", *[s.name for s in specs]],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ready, failed = procs.wait_ready({n: (p, READINESS) for n, p in ports.items()}, started, started + self.timeout,
                                         watch=self._exited)
        result = Launch(max(ready.values(), default=0.0), failed=failed)
        command.wait(60)
        result.pids = {n: pid for n, pid in self._pids().items() if n in ready}
        return result

    def _exited(self):
        """name -> reason for the programs supervisord saw exit (EXITED, BACKOFF, FATAL) during a launch."""
        exited = {}
        for line in self.ctl("status", check=False).stdout.splitlines():
            parts = line.split()
            if len(parts) > 1 and parts[1] in ("EXITED", "BACKOFF", "FATAL"):
                exited[parts[0]] = f"exited before it was ready (supervisord: {parts[1]})"
        return exited

    def _pids(self):
        """name -> pid of the programs supervisord reports RUNNING."""
        pids = {}
        for line in self.ctl("status", check=False).stdout.splitlines():
            parts = line.split()
            if len(parts) > 3 and parts[1] == "RUNNING" and parts[2] == "pid":
                pids[parts[0]] = int(parts[3].rstrip(","))
        return pids

    def stop(self, launch: Launch, specs) -> float:
        """`supervisorctl stop` (SIGTERM to the group) and time until every process is gone; then the programs are removed."""
        started = time.monotonic()
        self.ctl("stop", *[s.name for s in specs], check=False)
        procs.wait_gone(launch.pids.values(), 60)
        seconds = time.monotonic() - started
        for spec in specs:
            os.remove(os.path.join(self.work, "programs", f"{spec.name}.conf"))
        self.ctl("update", check=False)
        return seconds

    def close(self):
        if self.process and self.process.poll() is None:
            self.ctl("stop", "all", check=False)
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                procs.signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


class Pm2Launcher:
    """PM2 in fork mode with a private PM2_HOME, one ecosystem file per launch."""

    label = "pm2"

    def __init__(self, java, work, timeout, same_flags):
        self.java, self.work, self.timeout, self.same_flags = java, work, timeout, same_flags
        self.env = {**os.environ, "PM2_HOME": os.path.join(work, "home")}
        self.started = False
        self.count = 0

    def pm2(self, *args, check=True):
        return subprocess.run(["pm2", *args], env=self.env, capture_output=True, text=True, check=check)

    def start(self):
        os.makedirs(self.env["PM2_HOME"], exist_ok=True)
        self.started = True
        self.pm2("ping")  # starts the daemon now, so that no launch pays for it

    def daemon_died(self) -> bool:
        """Whether PM2's daemon (its pid in PM2_HOME/pm2.pid) is gone; asking `pm2` itself would start a new one."""
        pid_file = os.path.join(self.env["PM2_HOME"], "pm2.pid")
        try:
            return not procs.alive(int(open(pid_file).read().strip()))
        except (OSError, ValueError):
            return True

    def _app(self, spec, port):
        home = os.path.join(self.work, "homes", spec.name)
        os.makedirs(home, exist_ok=True)
        env = {k: v for k, v in agent_env(spec.name, port, home).items() if k.startswith("AGENT_")}
        return {"name": spec.name, "script": self.java, "interpreter": "none", "cwd": home, "env": env,
                "args": [*(spec.jvm_args if self.same_flags else []), "-jar", spec.jar],
                "autorestart": False, "out_file": os.path.join(home, "agent.out"),
                "error_file": os.path.join(home, "agent.err")}

    def launch(self, specs) -> Launch:
        ports = {s.name: procs.free_port() for s in specs}
        self.count += 1
        ecosystem = os.path.join(self.work, f"apps-{self.count}.json")
        with open(ecosystem, "w") as out:
            json.dump({"apps": [self._app(s, ports[s.name]) for s in specs]}, out)
        started = time.monotonic()
        command = subprocess.Popen(["pm2", "start", ecosystem], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ready, failed = procs.wait_ready({n: (p, READINESS) for n, p in ports.items()}, started, started + self.timeout,
                                         watch=self._exited)
        result = Launch(max(ready.values(), default=0.0), failed=failed)
        command.wait(60)
        result.pids = {n: pid for n, pid in self._pids().items() if n in ready}
        result.extra["ecosystem"] = ecosystem
        return result

    def _apps(self):
        """The apps PM2 knows, from `pm2 jlist` (which may print notices before its JSON)."""
        text = self.pm2("jlist", check=False).stdout
        start = text.find("[")
        return json.loads(text[start:]) if start >= 0 else []

    def _pids(self):
        """name -> pid of the apps PM2 runs."""
        return {app["name"]: app["pid"] for app in self._apps() if app.get("pid")}

    def _exited(self):
        """name -> reason for the apps PM2 saw exit (stopped or errored) during a launch."""
        return {app["name"]: f"exited before it was ready (pm2: {app['pm2_env']['status']})" for app in self._apps()
                if app.get("pm2_env", {}).get("status") in ("stopped", "errored")}

    def stop(self, launch: Launch, specs) -> float:
        """`pm2 delete` (SIGINT, then SIGKILL after PM2's kill_timeout) and time until every process is gone."""
        started = time.monotonic()
        self.pm2("delete", launch.extra["ecosystem"], check=False)
        procs.wait_gone(launch.pids.values(), 60)
        return time.monotonic() - started

    def close(self):
        if self.started:
            self.pm2("kill", check=False)
