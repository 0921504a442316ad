"""A small agent in Python 3 for the manager's tests: it serves the agent contract with the standard
library only. Its behaviour is chosen by environment variables set in each test agent's agent.yml."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

name = os.environ["AGENT_NAME"]
port = int(os.environ["AGENT_PORT"])
started = time.time()

print(f"{name}: booting on port {port} (pid {os.getpid()}); RUNTIME_API_KEY is "
      f"{'present' if 'RUNTIME_API_KEY' in os.environ else 'absent'}; "
      f"AGENT_SHUTDOWN_REQUIRES_TOKEN={os.environ.get('AGENT_SHUTDOWN_REQUIRES_TOKEN')}", flush=True)
if os.environ.get("PRINT_RESOURCES"):
    with open(os.environ["AGENT_RESOURCES_FILE"]) as f:
        print(f"{name}: my resources are {f.read()}", flush=True)
if os.environ.get("EXIT_CODE"):
    print(f"{name}: cannot start, exiting with code {os.environ['EXIT_CODE']}", file=sys.stderr, flush=True)
    sys.exit(int(os.environ["EXIT_CODE"]))
if os.environ.get("IGNORE_SIGTERM"):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
if os.environ.get("SPAWN_CHILD"):
    child = subprocess.Popen(["sleep", "600"])
    print(f"{name}: child pid {child.pid}", flush=True)
time.sleep(float(os.environ.get("DELAY_SECONDS", "0")))
if os.environ.get("FLOOD"):
    def flood():
        # Endless output: long lines without newlines, bytes that are not UTF-8, and plain lines.
        chunk = b"x" * 65536 + b"\xc3\x28\xff" + b"y" * 1000 + b"\n"
        while True:
            os.write(1, chunk)
    threading.Thread(target=flood, daemon=True).start()
if os.environ.get("CLOSE_OUTPUT"):
    print(f"{name}: closing my output", flush=True)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
if os.environ.get("EXIT_AFTER_SECONDS"):
    def exit_later():
        time.sleep(float(os.environ["EXIT_AFTER_SECONDS"]))
        print(f"{name}: exiting on my own with code {os.environ.get('EXIT_STATUS', '1')}", flush=True)
        os._exit(int(os.environ.get("EXIT_STATUS", "1")))
    threading.Thread(target=exit_later, daemon=True).start()

forks = {"made": 0, "refused": None}
if os.environ.get("FORK_BOMB"):
    # A fork bomb that is bounded on its own, so that it can never take down a shared machine even where its pids
    # limit does not hold: it forks sleeping children until the kernel refuses or FORK_BOMB (a cap) is reached,
    # then ends a few of them so that its HTTP server has threads to answer with.
    children = []
    for _ in range(int(os.environ["FORK_BOMB"])):
        try:
            child = os.fork()
        except OSError as e:
            forks["refused"] = str(e)
            break
        if child == 0:
            time.sleep(600)
            os._exit(0)
        children.append(child)
    forks["made"] = len(children)
    for child in children[-8:]:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    print(f"{name}: forked {forks['made']} children; refused: {forks['refused']}", flush=True)
if os.environ.get("CPU_SPIN"):
    def spin():
        while True:
            pass
    threading.Thread(target=spin, daemon=True).start()
if os.environ.get("HOG_MEMORY_MIB"):
    def hog():
        # Allocates, and writes, 8 MiB at a time up to HOG_MEMORY_MIB: bounded on its own too.
        time.sleep(float(os.environ.get("HOG_AFTER_SECONDS", "0")))
        held = []
        for _ in range(int(os.environ["HOG_MEMORY_MIB"]) // 8):
            held.append(b"\x01" * (8 << 20))
            time.sleep(0.02)
        print(f"{name}: holding {len(held) * 8} MiB", flush=True)
        time.sleep(600)
    threading.Thread(target=hog, daemon=True).start()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            ready = not os.environ.get("NEVER_READY")
            self.answer(200 if ready else 503, {"status": "UP" if ready else "DOWN"})
        elif self.path == "/":
            self.answer(200, {"name": name, "description": "test agent in Python", "version": "1"})
        elif self.path == "/status":
            self.answer(200, {"name": name, "state": "RUNNING", "pid": os.getpid(), "port": port,
                              "started_at": started, "forks": forks})
        elif self.path.startswith("/read?path=") and os.environ.get("PEEK"):
            # Tries to read a file, as an agent that wants another agent's secrets would.
            from urllib.parse import unquote
            path = unquote(self.path[len("/read?path="):])
            try:
                with open(path, "rb") as f:
                    self.answer(200, {"readable": True, "bytes": len(f.read()), "uid": os.getuid()})
            except OSError as e:
                self.answer(200, {"readable": False, "error": e.strerror, "uid": os.getuid()})
        elif self.path == "/shutdown" and not os.environ.get("NO_SHUTDOWN"):
            if (os.environ.get("AGENT_SHUTDOWN_REQUIRES_TOKEN") == "true"
                    and self.headers.get("X-Agent-Token") != os.environ.get("AGENT_TOKEN")):
                self.answer(401, {"detail": "shutdown needs this agent's token"})
                return
            self.answer(202, {"name": name, "state": "STOPPING"})
            threading.Thread(target=lambda: (time.sleep(0.1), os._exit(0))).start()
        else:
            self.answer(404, {"detail": "no such path"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        print(f"{name}: " + fmt % args, flush=True)


print(f"{name}: listening on {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
