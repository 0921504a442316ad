#!/usr/bin/env python3
"""A short load test of each built-in agent's main endpoint, started with the flags of its agent.yml.

Each agent is started alone as bench/agentflags.py starts it (the manager's environment, a fresh home, port
9301-9304), prepared (kendra gets documents to search), then `--clients` threads, each on its own kept-alive
connection, call its main endpoint for `--seconds`:

  vfs           PUT /fs/content (1 KiB) then GET /fs/content of the same file, alternately, on 20 files per client
  kendra        POST /search, keyword, semantic and hybrid in turn, over 66 indexed documents
  gpt4          POST /generate, 16 tokens from the in-process model (GPT4_MODEL_PATH, stories260K by default)
  orchestrator  POST /instructions, Spanish and English instructions in turn, each one new (routing only)

`--flags old` or `--flags plain` runs the same load with the former flags or none, for comparison.
It reports requests, errors (any answer but 2xx, or no answer), requests per second, latency p50, p99 and max,
and the agent's VmRSS after the load. Python 3 standard library only; run by hand from the repository's root.
"""

import argparse
import http.client
import json
import os
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchkit import procs, report  # noqa: E402
from benchkit.agents import BUILT_IN, DEFAULT_MODEL, NO_MANAGER, Agent, flag_sets, proc_status  # noqa: E402

JSON = {"Content-Type": "application/json"}
TOPICS = [("solar", "Rooftop solar panels turn sunlight into electricity for the house.", "en"),
          ("alquiler", "El contrato de alquiler de vivienda se prorroga cada año hasta cinco años.", "es"),
          ("eclipse", "A solar eclipse happens when the Moon passes between the Sun and the Earth.", "en"),
          ("empleo", "El contrato de trabajo fija el salario, la jornada y las vacaciones del empleado.", "es"),
          ("rust", "Rust guarantees memory safety without a garbage collector through ownership.", "en"),
          ("receta", "La tortilla de patatas lleva huevos, patatas, aceite de oliva y, a veces, cebolla.", "es")]
QUERIES = ["solar energy for homes", "contrato de alquiler", "memory safety", "receta con huevos", "eclipse de sol"]
INSTRUCTIONS = ["Busca información sobre inteligencia artificial", "Write a short story about a dragon",
                "Lista los archivos de la carpeta docs", "Translate 'good morning' into Spanish",
                "Resume este texto: la energía solar es renovable y barata"]


def call(conn, method, path, body=None, headers=None):
    """Sends one request on a kept-alive connection; returns (status, body bytes)."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    conn.request(method, path, body=data, headers=headers or {})
    answer = conn.getresponse()
    return answer.status, answer.read()


def prepare_kendra(port):
    """66 documents (11 copies of six topics, Spanish and English), indexed before the load."""
    documents = [{"id": f"{name}-{i}", "title": name, "text": text, "language": language,
                  "metadata": {"copy": i}} for i in range(11) for name, text, language in TOPICS]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    status, body = call(conn, "POST", "/documents", documents, JSON)
    conn.close()
    if status != 200:
        raise RuntimeError(f"kendra did not index the documents: {status} {body[:300]!r}")


def next_request(agent, client, i):
    """The i-th request of a client: (method, path, body, headers)."""
    if agent == "vfs":
        path = f"/fs/content?path=load/c{client}/f{(i // 2) % 20}.txt&parents=true"
        return ("PUT", path, (f"client {client} request {i} ".encode() * 64)[:1024], {}) if i % 2 == 0 \
            else ("GET", path, None, {})
    if agent == "kendra":
        mode = ("keyword", "semantic", "hybrid")[i % 3]
        return "POST", "/search", {"query": QUERIES[(client + i) % len(QUERIES)], "mode": mode, "top_k": 5}, JSON
    if agent == "gpt4":
        return "POST", "/generate", {"prompt": "Once upon a time", "max_tokens": 16, "seed": client * 1000 + i}, JSON
    if agent == "orchestrator":
        # A number makes every text new, so each one is embedded (the orchestrator caches embeddings by text).
        text = f"{INSTRUCTIONS[(client + i) % len(INSTRUCTIONS)]} ({client}-{i})"
        return "POST", "/instructions", {"text": text}, JSON
    raise ValueError(f"no load scenario for {agent}")


def client_loop(agent, port, client, deadline, results, lock):
    latencies, errors, kinds = [], 0, {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = 0
    while time.monotonic() < deadline:
        method, path, body, headers = next_request(agent, client, i)
        started = time.monotonic()
        try:
            status, _ = call(conn, method, path, body, headers)
            latencies.append(time.monotonic() - started)
            if not 200 <= status < 300:
                errors += 1
                kinds[str(status)] = kinds.get(str(status), 0) + 1
        except (OSError, http.client.HTTPException) as e:
            errors += 1
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i += 1
    conn.close()
    with lock:
        results["latencies"].extend(latencies)
        results["errors"] += errors
        for kind, count in kinds.items():
            results["kinds"][kind] = results["kinds"].get(kind, 0) + count


def load(agent, port, clients, seconds):
    results = {"latencies": [], "errors": 0, "kinds": {}}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(agent, port, c, deadline, results, lock))
               for c in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results["elapsed"] = time.monotonic() - started
    return results


def run_agent(args, work, name):
    agent = Agent(name, args.java, work, args.manager_url, args.model)
    started = time.monotonic()
    process, home = agent.start(flag_sets(agent, [])[args.flags])
    try:
        ready = agent.wait_ready(process, started, args.timeout)
        if name == "kendra":
            prepare_kendra(agent.port)
        idle_rss, _ = proc_status(process.pid)
        results = load(name, agent.port, args.clients, args.seconds)
        after_rss, threads = proc_status(process.pid)
        alive = process.poll() is None
    finally:
        agent.stop(process)
    latencies = sorted(results["latencies"])
    count = len(latencies) + sum(v for k, v in results["kinds"].items() if not k.isdigit())
    return {"agent": name, "ready": ready, "requests": count, "errors": results["errors"], "kinds": results["kinds"],
            "rate": count / results["elapsed"], "p50": report.percentile(latencies, 0.50) * 1000 if latencies else None,
            "p99": report.percentile(latencies, 0.99) * 1000 if latencies else None,
            "max": latencies[-1] * 1000 if latencies else None, "idle_rss": idle_rss, "after_rss": after_rss,
            "threads": threads, "alive": alive}


def row(r):
    kinds = ", ".join(f"{k}: {v}" for k, v in sorted(r["kinds"].items())) or "none"
    return (f"| {r['agent']} | {r['requests']} | {r['errors']} ({kinds}) | {r['rate']:.1f} | {r['p50']:.1f} | "
            f"{r['p99']:.1f} | {r['max']:.1f} | {r['idle_rss']:.0f} → {r['after_rss']:.0f} |")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", default=",".join(BUILT_IN), help="agents to load (default the four built-in)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--seconds", type=float, default=10, help="duration of the load per agent (default 10)")
    parser.add_argument("--flags", choices=["final", "old", "plain"], default="final",
                        help="JVM options, as in bench/agentflags.py: the agent.yml's (default), the old ones or none")
    parser.add_argument("--timeout", type=float, default=180, help="seconds a start may take (default 180)")
    parser.add_argument("--java", default=shutil.which("java"), help="the java to run (default: PATH)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="GGUF file for gpt4 (GPT4_MODEL_PATH)")
    parser.add_argument("--manager-url", default=NO_MANAGER, help=f"MANAGER_URL given to agents (default {NO_MANAGER})")
    args = parser.parse_args(argv)
    machine = report.describe_machine(args.java)
    work = tempfile.mkdtemp(prefix="agentload-")
    rows = []
    try:
        for name in args.agents.split(","):
            result = run_agent(args, work, name)
            print(row(result), file=sys.stderr, flush=True)
            rows.append(result)
    finally:
        left = procs.kill_leftovers(work)
        if left:
            print(f"killed leftover processes {left}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    print(f"Measured by `python3 bench/load.py {' '.join(argv)}`: {args.clients} clients for {args.seconds:g} s per "
          f"agent, each agent started with the `{args.flags}` JVM options of bench/agentflags.py.\n")
    print("| agent | requests | errors | requests/s | p50 (ms) | p99 (ms) | max (ms) | RSS idle → after load (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for result in rows:
        print(row(result))
    dead = [r["agent"] for r in rows if not r["alive"]]
    print("\nEvery agent was still running after its load." if not dead else f"\nDied under load: {', '.join(dead)}.")
    print("\n" + report.machine_lines({**machine, "load_end": report.load_average()}))


if __name__ == "__main__":
    main(sys.argv[1:])
