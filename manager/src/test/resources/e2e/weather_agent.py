"""A third-party agent in another language (Python, standard library only, no SDK of ours) for OrchestratorIT.

It serves health, an A2A card readable by 0.3 and 1.0 clients, and A2A 1.0 JSON-RPC `SendMessage` at /a2a: its one
skill, `forecast`, answers a completed task with a text part and a data part. The forecast is made up from the
city's name (a test fixture has no weather service); it is the same for the same city, so a test can check it.
FIRST_CARD_DELAY_SECONDS makes its first card answer late, as a slow agent would."""
import datetime
import json
import os
import re
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ["AGENT_PORT"])
ENDPOINT = "http://127.0.0.1:%d/a2a" % PORT
first_card_delay = float(os.environ.get("FIRST_CARD_DELAY_SECONDS", "0"))
CARD = {
    "protocolVersion": "0.3.0", "name": os.environ.get("AGENT_NAME", "weather"),
    "description": "Weather forecasts for a city", "url": ENDPOINT,
    "preferredTransport": "JSONRPC", "version": "1.0.0",
    "supportedInterfaces": [{"url": ENDPOINT, "protocolBinding": "JSONRPC", "protocolVersion": "1.0"}],
    "capabilities": {"streaming": False, "pushNotifications": False},
    "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain", "application/json"],
    "skills": [{"id": "forecast", "name": "Weather forecast",
                "description": "Tells tomorrow's weather forecast for a city: temperature, rain and wind.",
                "tags": ["weather", "forecast", "tiempo"],
                "examples": ["What's the weather in Madrid tomorrow?", "Will it rain in Paris?"]}],
}
CITY = re.compile(r"\b(?:in|en|for|para|de)\s+([A-ZÁÉÍÓÚ][\w'-]+(?:\s+[A-ZÁÉÍÓÚ][\w'-]+)*)")


def forecast(text, request_id):
    found = CITY.search(text)
    if not found:
        return None
    city = found.group(1)
    seed = sum(ord(c) for c in city)
    data = {"city": city, "temperature_c": 5 + seed % 25, "rain": seed % 3 == 0, "wind_kmh": seed % 40,
            "request_id": request_id}
    said = "Tomorrow in %s: %d °C, %s, wind %d km/h." % (
        city, data["temperature_c"], "rain" if data["rain"] else "no rain", data["wind_kmh"])
    return said, data


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.answer({"status": "UP"})
        elif self.path == "/.well-known/agent-card.json":
            global first_card_delay
            delay, first_card_delay = first_card_delay, 0
            time.sleep(delay)
            self.answer(CARD)
        else:
            self.send_error(404)

    def do_POST(self):
        if self.path != "/a2a":
            self.send_error(404)
            return
        try:
            call = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        except ValueError:
            self.answer({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse error"}})
            return
        if call.get("method") != "SendMessage":
            self.answer({"jsonrpc": "2.0", "id": call.get("id"),
                         "error": {"code": -32601, "message": "Method not found: this agent serves SendMessage"}})
            return
        message = call.get("params", {}).get("message", {})
        text = " ".join(p["text"] for p in message.get("parts", []) if "text" in p)
        result = forecast(text, self.headers.get("X-Request-Id", ""))
        now = datetime.datetime.now(datetime.timezone.utc).isoformat()
        task = {"id": str(uuid.uuid4()), "contextId": message.get("contextId") or str(uuid.uuid4()),
                "history": [message], "metadata": {"skill": "forecast"}}
        if result is None:
            task["status"] = {"state": "TASK_STATE_FAILED", "timestamp": now, "message": {
                "messageId": str(uuid.uuid4()), "role": "ROLE_AGENT",
                "parts": [{"text": "Name a city, such as 'the weather in Madrid'."}]}}
        else:
            said, data = result
            task["status"] = {"state": "TASK_STATE_COMPLETED", "timestamp": now}
            task["artifacts"] = [{"artifactId": str(uuid.uuid4()), "name": "forecast",
                                  "parts": [{"text": said}, {"data": data}]}]
        self.answer({"jsonrpc": "2.0", "id": call.get("id"), "result": {"task": task}})

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
