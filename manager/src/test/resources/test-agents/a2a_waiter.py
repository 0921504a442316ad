"""An A2A 1.0 agent in Python (standard library only, no SDK of ours) for McpRuntimeToolsIT: its one skill, `wait`,
keeps its task working until the task is cancelled (A2A CancelTask) or 60 s pass, so that a test can cancel a tool
call while the agent works on it. It serves health, its card, and JSON-RPC SendMessage, ListTasks and CancelTask at
/a2a, and prints each task it starts and each one cancelled, with the text it was sent, which the test reads in its
log."""
import datetime
import json
import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NAME = os.environ["AGENT_NAME"]
PORT = int(os.environ["AGENT_PORT"])
ENDPOINT = "http://127.0.0.1:%d/a2a" % PORT
CARD = {
    "name": NAME, "description": "Waits until it is cancelled", "version": "1.0.0",
    "supportedInterfaces": [{"url": ENDPOINT, "protocolBinding": "JSONRPC", "protocolVersion": "1.0"}],
    "capabilities": {"streaming": False, "pushNotifications": False},
    "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
    "skills": [{"id": "wait", "name": "Wait", "description": "Waits until the task is cancelled, at most 60 s.",
                "tags": ["test"]}],
}
tasks = {}
cancels = {}
texts = {}
lock = threading.Lock()


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def with_state(task, state):
    task["status"] = {"state": state, "timestamp": now()}
    return task


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.answer({"status": "UP"})
        elif self.path == "/.well-known/agent-card.json":
            self.answer(CARD)
        else:
            self.send_error(404)

    def do_POST(self):
        if self.path != "/a2a":
            self.send_error(404)
            return
        call = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        params = call.get("params", {})
        method = call.get("method")
        if method == "SendMessage":
            self.reply(call, {"task": self.wait(params.get("message", {}))})
        elif method == "ListTasks":
            with lock:
                found = [t for t in tasks.values() if t["contextId"] == params.get("contextId", t["contextId"])]
            self.reply(call, {"tasks": found, "nextPageToken": "", "pageSize": len(found), "totalSize": len(found)})
        elif method == "CancelTask":
            with lock:
                task = tasks.get(params.get("id"))
                if task is not None and task["status"]["state"] == "TASK_STATE_WORKING":
                    with_state(task, "TASK_STATE_CANCELED")
                    cancels[task["id"]].set()
                    print("%s: task %s (%s) canceled" % (NAME, task["id"], texts[task["id"]]), flush=True)
            if task is None:
                self.answer({"jsonrpc": "2.0", "id": call.get("id"),
                             "error": {"code": -32001, "message": "Task not found"}})
            else:
                self.reply(call, task)
        else:
            self.answer({"jsonrpc": "2.0", "id": call.get("id"),
                         "error": {"code": -32601, "message": "Method not found: " + str(method)}})

    def wait(self, message):
        task = with_state({"id": str(uuid.uuid4()), "contextId": message.get("contextId") or str(uuid.uuid4()),
                           "history": [message]}, "TASK_STATE_WORKING")
        cancelled = threading.Event()
        text = " ".join(part.get("text", "") for part in message.get("parts", []))
        with lock:
            tasks[task["id"]] = task
            cancels[task["id"]] = cancelled
            texts[task["id"]] = text
        print("%s: working on task %s (%s)" % (NAME, task["id"], text), flush=True)
        if not cancelled.wait(60):
            with lock:
                with_state(task, "TASK_STATE_COMPLETED")
                task["artifacts"] = [{"artifactId": str(uuid.uuid4()), "parts": [{"text": "waited 60 s"}]}]
        return task

    def reply(self, call, result):
        self.answer({"jsonrpc": "2.0", "id": call.get("id"), "result": result})

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the caller gave up on the answer (the manager stops waiting for a cancelled call)

    def log_message(self, *args):
        pass


print("%s: serving A2A on port %d" % (NAME, PORT), flush=True)
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
