"""A tiny agent in another language (Python) for OrchestratorIT: serves health and an A2A card, nothing else.
FIRST_CARD_DELAY_SECONDS makes its first card answer late, as a slow agent would."""
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ["AGENT_PORT"])
first_card_delay = float(os.environ.get("FIRST_CARD_DELAY_SECONDS", "0"))
CARD = {
    "protocolVersion": "0.3.0", "name": os.environ.get("AGENT_NAME", "weather"),
    "description": "Weather forecasts for a city", "url": "http://127.0.0.1:%d/" % PORT,
    "preferredTransport": "HTTP+JSON", "version": "1.0.0",
    "capabilities": {"streaming": False, "pushNotifications": False},
    "defaultInputModes": ["application/json"], "defaultOutputModes": ["application/json"],
    "skills": [{"id": "forecast", "name": "Weather forecast",
                "description": "Tells tomorrow's weather forecast for a city: temperature, rain and wind.",
                "tags": ["weather", "forecast", "tiempo"],
                "examples": ["What's the weather in Madrid tomorrow?", "Will it rain in Paris?"]}],
}


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
