#!/usr/bin/env python3
"""Slow clients against a running manager (issue 17, point 4): opens CONNECTIONS connections that each send
POST /api/launch_agents with Content-Length: 1000 and then only 10 bytes, keeps them open, and meanwhile asks
GET /actuator/health and GET /api/list_agents once a second. Prints each answer's status and time, and exits 1 if
any took longer than 2 s or failed.

usage: slow-clients.py [--port 8000] [--connections 200] [--seconds 30] [--key KEY]
"""
import argparse
import http.client
import socket
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--connections", type=int, default=200)
parser.add_argument("--seconds", type=float, default=30)
parser.add_argument("--key")
args = parser.parse_args()

slow = []
for _ in range(args.connections):
    s = socket.create_connection(("127.0.0.1", args.port))
    s.sendall(b"POST /api/launch_agents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              b"Content-Length: 1000\r\n\r\n" + b'{"agents":')
    slow.append(s)
print(f"{len(slow)} slow connections open, each 10 of 1000 body bytes sent")

headers = {"X-API-Key": args.key} if args.key else {}
worst, failures, end = 0.0, 0, time.monotonic() + args.seconds
while time.monotonic() < end:
    for path in ("/actuator/health", "/api/list_agents"):
        began = time.monotonic()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
            connection.request("GET", path, headers=headers)
            status = connection.getresponse().status
            connection.close()
        except OSError as e:
            status = f"failed: {e}"
        took = time.monotonic() - began
        worst = max(worst, took)
        failures += 0 if status == 200 else 1
        print(f"{time.monotonic() - end + args.seconds:6.1f}s {path}: {status} in {took * 1000:.0f} ms", flush=True)
    time.sleep(1)
answers = {}
for s in slow:
    s.settimeout(0.05)
    try:
        data = s.recv(4096)
        answer = data.split(b"\r\n", 1)[0].decode("latin-1") if data else "closed without an answer"
    except socket.timeout:
        answer = "no answer yet (held open)"
    except OSError as e:
        answer = f"error: {e}"
    answers[answer] = answers.get(answer, 0) + 1
    s.close()
print(f"worst answer {worst * 1000:.0f} ms, {failures} failed; what the slow connections got: {answers}")
sys.exit(1 if worst > 2 or failures else 0)
