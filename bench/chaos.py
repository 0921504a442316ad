#!/usr/bin/env python3
"""Chaos soak of the manager (issue 22): for a few minutes, at random, launches, stops and relaunches agents, kills
them with SIGKILL and SIGSTOP, kills the manager with SIGKILL and starts it again, and runs an agent over its
memory limit; after every step, and at the end, it checks the invariants:

  1. no agent runs twice;
  2. every running agent is listed, and no listed agent is missing (its pid alive, its port answering);
  3. no process or port is leaked (every process of this catalog belongs to a listed agent, or is the one warm
     standby of a jar agent that does not run: standby is on by default);
  4. the state file is consistent with the list (same pids);
  5. no acknowledged vfs write or kendra document is lost;
  6. resources files exist exactly for the agents that run (or wait for their restart).

It runs the packaged manager (manager/target/runtime-manager.jar) on port 8000 and the built-in agents' jars
(agents/*/target), so it needs `./mvnw -DskipTests package` first, and the shared lock:

    flock /work/heavy.lock python3 bench/chaos.py --minutes 3

Everything lives in a temporary folder (catalog copy, state, logs), removed at the end; every process it started
is killed on the way out. Exit code 0 when every invariant held, 1 otherwise, with each violation printed."""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_AGENTS = os.path.join(REPO, "manager", "src", "test", "resources", "test-agents")
MANAGER = "http://127.0.0.1:8000"
PY_AGENTS = {
    "steady": "command: [python3, ../pyagent.py]\nhealth: /health\nrestart: on-failure\n"
              "limits: {memory: 64Mi, cpu: 0.5, pids: 32}\n",
    "steady2": "command: [python3, ../pyagent.py]\nhealth: /health\nrestart: always\n",
    "hog": "command: [python3, ../pyagent.py]\nhealth: /health\nrestart: never\nlimits: {memory: 48Mi}\n"
           "env: {HOG_MEMORY_MIB: '128', HOG_AFTER_SECONDS: '0.5'}\n",
}
JAR_AGENTS = ["vfs", "kendra"]
LIVE = {"RUNNING", "STARTING", "STOPPING", "BACKOFF"}
CGROUP_ROOTS = ["/sys/fs/cgroup/cpu/runtime-service", "/sys/fs/cgroup/pids/runtime-service"]


def http(method, url, body=None, headers=None, timeout=60):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if body is not None and not isinstance(body, bytes):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None, b""


class Soak:
    def __init__(self, work, seed, jars_from):
        self.work = work
        self.jars_from = jars_from
        self.catalog = os.path.join(work, "agents")
        self.random = random.Random(seed)
        self.manager = None
        self.violations = []
        self.vfs_writes = {}  # path -> content acknowledged
        self.kendra_docs = {}  # id -> text acknowledged
        self.counter = 0
        self.steps = {}
        self.oom_seen = 0
        self.standbys_seen = 0
        self.manager_pids = []

    # --- set-up -------------------------------------------------------------------------------------------------
    def prepare(self):
        os.makedirs(self.catalog)
        shutil.copy(os.path.join(TEST_AGENTS, "pyagent.py"), self.catalog)
        for name, yml in PY_AGENTS.items():
            os.makedirs(os.path.join(self.catalog, name))
            with open(os.path.join(self.catalog, name, "agent.yml"), "w") as f:
                f.write(yml)
        for name in JAR_AGENTS:
            jar = os.path.join(self.jars_from, "agents", name, "target", f"{name}-agent.jar")
            if not os.path.isfile(jar):
                sys.exit(f"{jar} is missing: build with ./mvnw -DskipTests package")
            os.makedirs(os.path.join(self.catalog, name))
            with open(os.path.join(REPO, "agents", name, "agent.yml")) as f:
                yml = f.read().replace(f"jar: target/{name}-agent.jar", f"jar: {jar}")
            with open(os.path.join(self.catalog, name, "agent.yml"), "w") as f:
                f.write(yml)

    def start_manager(self):
        env = dict(os.environ, AGENTS_DIR=self.catalog, STATE_DIR=os.path.join(self.work, "state"),
                   LOG_DIR=os.path.join(self.work, "logs"), PORT="8000", MIN_AGENT_PORT="23000",
                   MAX_AGENT_PORT="23100", AGENT_STARTUP_TIMEOUT="90")
        args = ["--runtime.supervision.liveness-period=1s", "--runtime.supervision.liveness-timeout=1s",
                "--runtime.supervision.liveness-failures=3", "--runtime.supervision.initial-backoff=500ms",
                "--runtime.supervision.max-backoff=2s", "--runtime.supervision.max-failures=100"]
        self.manager = subprocess.Popen([os.path.join(REPO, "bin", "runtime-manager"), *args], cwd=self.work,
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        # bin/runtime-manager execs java: this pid is the manager's, which names the cgroups it makes.
        self.manager_pids.append(self.manager.pid)
        deadline = time.time() + 90
        while time.time() < deadline:
            if http("GET", MANAGER + "/api/list_agents", timeout=2)[0] == 200:
                return
            time.sleep(0.3)
        raise RuntimeError("the manager did not answer within 90 s")

    # --- observations -------------------------------------------------------------------------------------------
    def listed(self):
        status, body = http("GET", MANAGER + "/api/list_agents", timeout=10)
        if status != 200:
            raise RuntimeError(f"list_agents answered {status}")
        return {agent["name"]: agent for agent in json.loads(body)["agents"]}

    def processes(self, standbys=None):
        """pid -> agent name, for every process whose AGENT_HOME is in this soak's catalog; the pids of those whose
        command line names the SDK's standby entry point are added to `standbys` (a standby, or an agent started
        from one)."""
        found = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    env = dict(item.split(b"=", 1) for item in f.read().split(b"\0") if b"=" in item)
                with open(f"/proc/{entry}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            home = env.get(b"AGENT_HOME", b"").decode()
            if home.startswith(self.catalog) and state not in ("Z", "X"):
                found[int(entry)] = env[b"AGENT_NAME"].decode()
                if standbys is not None:
                    try:
                        with open(f"/proc/{entry}/cmdline", "rb") as f:
                            if b"StandbyMain" in f.read():
                                standbys.add(int(entry))
                    except OSError:
                        pass
        return found

    def settle(self, seconds=60):
        """Waits until no agent is STARTING or STOPPING, twice in a row, so that checks see a resting system."""
        deadline = time.time() + seconds
        calm = 0
        while time.time() < deadline:
            try:
                states = {a["status"] for a in self.listed().values()}
            except RuntimeError:
                states = {"?"}
            calm = calm + 1 if not states & {"STARTING", "STOPPING", "?"} else 0
            if calm >= 2:
                return
            time.sleep(0.5)

    def violate(self, step, text):
        self.violations.append(f"after {step}: {text}")
        print(f"  VIOLATION {text}", flush=True)

    def check(self, step, full=False):
        self.settle()
        listed = self.listed()
        standbys = set()
        procs = self.processes(standbys)
        for pid, name in procs.items():
            agent = listed.get(name)
            if agent is not None and agent.get("pid") == pid and agent["status"] in LIVE:
                continue
            if pid in standbys:
                self.standbys_seen += 1
                if agent is not None and agent["status"] in LIVE:
                    self.violate(step, f"a standby of {name} (pid {pid}) is left beside its running launch")
                elif any(other != pid and procs.get(other) == name and other in standbys for other in procs):
                    self.violate(step, f"{name} has more than one standby")
            else:
                # Not the listed launch: a second copy of the agent, or one nobody lists (leaked).
                self.violate(step, f"process {pid} of {name} is not a listed running agent (a second copy, or leaked)")
        for name, agent in listed.items():
            if agent["status"] == "RUNNING":
                if agent.get("pid") not in procs:
                    self.violate(step, f"{name} is listed RUNNING with pid {agent.get('pid')}, which is not running")
                elif http("GET", agent["url"].rstrip("/") + ("/health" if name in PY_AGENTS else
                                                           "/actuator/health/readiness"), timeout=5)[0] != 200:
                    self.violate(step, f"{name} is listed RUNNING but its port {agent.get('port')} does not answer")
        self.check_state_file(step, listed)
        for name in list(PY_AGENTS) + JAR_AGENTS:
            exists = os.path.exists(os.path.join(self.catalog, name, "resources.json"))
            should = name in listed and listed[name]["status"] in LIVE
            if exists != should:
                self.violate(step, f"{name}'s resources file {'exists' if exists else 'is missing'} while it is "
                                   f"{listed.get(name, {}).get('status', 'not listed')}")
        if "hog" in listed and "out of memory" in (listed["hog"].get("message") or ""):
            self.oom_seen += 1
        self.check_data(step, listed, full)

    def check_state_file(self, step, listed):
        path = os.path.join(self.work, "state", "agents.json")
        try:
            with open(path) as f:
                state = json.load(f)
        except (OSError, ValueError) as e:
            self.violate(step, f"the state file is unreadable: {e}")
            return
        text = json.dumps(state)
        for name, agent in listed.items():
            if agent["status"] == "RUNNING" and str(agent["pid"]) not in text:
                self.violate(step, f"the state file does not hold {name}'s pid {agent['pid']}")

    def check_data(self, step, listed, full):
        if listed.get("vfs", {}).get("status") == "RUNNING":
            paths = list(self.vfs_writes) if full else list(self.vfs_writes)[-5:]
            for path in paths:
                status, body = http("GET", f"http://127.0.0.1:8001/fs/content?path={path}", timeout=10)
                if status is None:
                    self.violate(step, f"vfs is RUNNING but did not answer for {path}")
                elif status != 200 or body.decode() != self.vfs_writes[path]:
                    self.violate(step, f"acknowledged vfs write {path} is lost ({status})")
        if listed.get("kendra", {}).get("status") == "RUNNING":
            ids = list(self.kendra_docs) if full else list(self.kendra_docs)[-5:]
            for doc in ids:
                status, body = http("GET", f"http://127.0.0.1:8002/documents/{doc}", timeout=10)
                if status is None:
                    self.violate(step, f"kendra is RUNNING but did not answer for {doc}")
                elif status != 200 or self.kendra_docs[doc] not in body.decode():
                    self.violate(step, f"acknowledged kendra document {doc} is lost ({status})")

    # --- steps --------------------------------------------------------------------------------------------------
    def launch(self, names):
        http("POST", MANAGER + "/api/launch_agents", {"agents": names, "resources": {"soak": {"k": "v"}}},
             timeout=120)

    def step_launch(self):
        names = self.random.sample(["steady", "steady2", "vfs", "kendra"], self.random.randint(1, 3))
        self.launch(names)
        return f"launch {names}"

    def step_stop(self):
        running = [n for n, a in self.listed().items() if a["status"] in LIVE]
        if not running:
            return self.step_launch()
        name = self.random.choice(running)
        http("POST", MANAGER + f"/api/stop_agent?agent_name={name}", b"", timeout=60)
        return f"stop {name}"

    def step_relaunch(self):
        name = self.random.choice(["steady", "steady2", "vfs", "kendra"])
        http("POST", MANAGER + f"/api/stop_agent?agent_name={name}", b"", timeout=60)
        self.launch([name])
        return f"relaunch {name}"

    def step_signal(self, sig):
        running = [a for a in self.listed().values() if a["status"] == "RUNNING" and a["name"] != "hog"]
        if not running:
            return self.step_launch()
        agent = self.random.choice(running)
        try:
            os.kill(agent["pid"], sig)
        except ProcessLookupError:
            pass
        if sig == signal.SIGSTOP:
            # A frozen agent still looks RUNNING until three liveness probes of 1 s fail: wait for that kill.
            deadline = time.time() + 30
            while time.time() < deadline and os.path.exists(f"/proc/{agent['pid']}"):
                with open(f"/proc/{agent['pid']}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                        break
                time.sleep(0.2)
        else:
            time.sleep(1)
        return f"{signal.Signals(sig).name} {agent['name']} (pid {agent['pid']})"

    def step_kill_manager(self):
        os.kill(self.manager.pid, signal.SIGKILL)
        self.manager.wait()
        self.start_manager()
        return "SIGKILL the manager, start it again"

    def step_hog(self):
        self.launch(["hog"])
        time.sleep(3)
        return "launch hog (over its 48Mi memory limit)"

    def step_data(self):
        listed = self.listed()
        done = []
        if listed.get("vfs", {}).get("status") == "RUNNING":
            self.counter += 1
            path, content = f"soak/{self.counter}.txt", f"write {self.counter} {self.random.random()}"
            status, _ = http("PUT", f"http://127.0.0.1:8001/fs/content?path={path}&parents=true",
                             content.encode(), timeout=10)
            if status in (200, 201):
                self.vfs_writes[path] = content
            done.append(f"vfs write {path}: {status}")
        if listed.get("kendra", {}).get("status") == "RUNNING":
            self.counter += 1
            doc, text = f"soak-{self.counter}", f"soak document number {self.counter}"
            status, body = http("POST", "http://127.0.0.1:8002/documents", [{"id": doc, "text": text}], timeout=60)
            if status == 200 and json.loads(body).get("indexed") == 1:
                self.kendra_docs[doc] = text
            done.append(f"kendra document {doc}: {status}")
        return "; ".join(done) or "data (nothing running to write to)"

    def run(self, minutes):
        self.prepare()
        self.start_manager()
        self.launch(["vfs", "kendra", "steady"])
        steps = [("launch", self.step_launch, 3), ("stop", self.step_stop, 2), ("relaunch", self.step_relaunch, 2),
                 ("agent SIGKILL", lambda: self.step_signal(signal.SIGKILL), 2),
                 ("agent SIGSTOP", lambda: self.step_signal(signal.SIGSTOP), 1),
                 ("manager SIGKILL", self.step_kill_manager, 1), ("hog", self.step_hog, 1),
                 ("writes", self.step_data, 4)]
        end = time.time() + minutes * 60
        number = 0
        while time.time() < end:
            label, action, _ = self.random.choices(steps, [w for _, _, w in steps])[0]
            number += 1
            began = time.time()
            what = action()
            # As drawn: a stop or signal with nothing running launches instead, and says so in its line.
            self.steps[label] = self.steps.get(label, 0) + 1
            print(f"step {number}: {what} ({time.time() - began:.1f} s)", flush=True)
            self.check(f"step {number} ({what})")
        self.launch(["vfs", "kendra"])
        self.check("the end", full=True)
        self.stop_gracefully()
        return number

    def stop_gracefully(self):
        """Ends as an operator would: SIGTERM to the manager, which stops every agent; then nothing of this run may
        be left: no process, no cgroup of any manager this run started."""
        self.manager.send_signal(signal.SIGTERM)
        self.manager.wait(timeout=120)
        left = self.processes()
        if left:
            self.violate("the manager's SIGTERM", f"processes left running: {left}")
        for root in CGROUP_ROOTS:
            for leaf in os.listdir(root) if os.path.isdir(root) else []:
                if any(f"-{pid}-" in leaf for pid in self.manager_pids):
                    self.violate("the manager's SIGTERM", f"cgroup {root}/{leaf} left behind")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--jars-from", default=REPO, help="the checkout whose agents/*/target jars are run")
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="chaos-")
    soak = Soak(work, options.seed, options.jars_from)
    print(f"chaos soak: seed {options.seed}, {options.minutes} min, in {work}", flush=True)
    began = time.time()
    try:
        steps = soak.run(options.minutes)
    finally:
        if soak.manager is not None and soak.manager.poll() is None:
            os.kill(soak.manager.pid, signal.SIGKILL)
            soak.manager.wait()
        for pid in soak.processes():
            try:
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(1)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{steps} steps in {time.time() - began:.0f} s: {soak.steps}; acknowledged vfs writes "
          f"{len(soak.vfs_writes)}, kendra documents {len(soak.kendra_docs)}; hog seen out of memory "
          f"in {soak.oom_seen} checks; warm standbys seen in {soak.standbys_seen} checks")
    print(f"{len(soak.violations)} violations" + "".join(f"\n  {v}" for v in soak.violations))
    sys.exit(1 if soak.violations else 0)


if __name__ == "__main__":
    main()
