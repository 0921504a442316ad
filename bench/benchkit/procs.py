"""Processes, ports, readiness and memory: the measuring instruments every launcher shares.

Everything here reads the kernel directly (/proc) or speaks plain HTTP, so the figures do not depend on
what a supervisor believes about its children.
"""

import http.client
import os
import signal
import socket
import time

# The manager polls readiness every 20 ms; the other launchers are polled the same way so that the
# comparison measures start-up, not polling.
POLL_SECONDS = 0.020


def free_port() -> int:
    """A port nobody listens on now (the kernel's choice), for an agent that is not started by the manager."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    """True when nothing can be bound to, or listens on, 127.0.0.1:port right now."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def http_status(port: int, path: str, timeout: float = 1.0):
    """The HTTP status of GET path on 127.0.0.1:port, or None when nothing answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def wait_ready(targets, started, deadline, pids=None, watch=None):
    """Polls every target's readiness URL every 20 ms until each answers 200.

    targets maps a key to (port, path); pids optionally maps a key to the pid to watch, and watch is an
    optional callable asked once a second for the keys whose process the launching tool saw exit (key ->
    reason), so an agent that dies is reported at once instead of after the deadline. Returns (ready,
    failed): ready maps a key to seconds since `started` (a time.monotonic() value); failed, a key to a reason.
    """
    pending = dict(targets)
    ready, failed = {}, {}
    next_watch = time.monotonic() + 1
    while pending:
        if watch and time.monotonic() > next_watch:
            for key, reason in watch().items():
                if key in pending:
                    failed[key] = reason
                    del pending[key]
            next_watch = time.monotonic() + 1
        for key, (port, path) in list(pending.items()):
            if http_status(port, path, timeout=1.0) == 200:
                ready[key] = time.monotonic() - started
                del pending[key]
            elif pids and key in pids and pids[key] and not alive(pids[key]):
                failed[key] = "exited before it was ready"
                del pending[key]
        if pending and time.monotonic() > deadline:
            for key in pending:
                failed[key] = "not ready before the deadline"
            break
        if pending:
            time.sleep(POLL_SECONDS)
    return ready, failed


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def wait_gone(pids, timeout: float) -> bool:
    """Waits until none of pids is alive; False if one still is after timeout seconds."""
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def _parents():
    """pid -> parent pid for every process, read from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return parents


def tree(pids):
    """The given pids and all their descendants (a JVM started through a wrapper is still counted)."""
    parents = _parents()
    found = set(pid for pid in pids if pid in parents)
    grew = True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in found} - found
        found |= children
        grew = bool(children)
    return sorted(found)


def memory_mb(pids):
    """Total RSS and PSS in MB of the pids' process trees, from /proc/<pid>/smaps_rollup.

    PSS splits shared pages among the processes that map them, so it shows what a shared class data
    sharing archive saves across many agents, which RSS cannot.
    """
    rss = pss = 0
    for pid in tree(pids):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def archive_mapped(pid: int):
    """Whether a class archive of the fast-start cache (app.jsa, or app.aot on Java 25+) is mapped in the process;
    None if unknown.

    The JVM falls back to the slow path silently when it refuses an archive, so this is the only way to know
    that a "later launch" through the manager really used one.
    """
    try:
        with open(f"/proc/{pid}/maps") as maps:
            return any(line.rstrip().endswith((".jsa", ".aot")) and "fast-start" in line for line in maps)
    except OSError:
        return None


def signal_group(pid: int, sig) -> None:
    """Sends sig to the process group led by pid (processes this script started with start_new_session)."""
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def processes_mentioning(text: str):
    """Pids whose command line or working directory contains text: what is left of a run, to be killed by id."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(f"/proc/{entry}/cwd")
        except OSError:
            continue
        if text in command or cwd.startswith(text):
            found.append(int(entry))
    return found


def kill_leftovers(text: str) -> list:
    """SIGKILLs, one pid at a time, every process still mentioning this run's work folder; returns their pids."""
    pids = [pid for pid in processes_mentioning(text) if alive(pid)]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return pids
