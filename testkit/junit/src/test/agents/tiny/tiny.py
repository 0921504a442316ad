"""The test kit's tests' agent: listens on AGENT_PORT, answers GET /health, and logs a line."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/health":
            self.send_error(404)
            return
        body = b'{"status":"UP"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


print(f"tiny listening on port {os.environ['AGENT_PORT']}", flush=True)
ThreadingHTTPServer((os.environ.get("AGENT_BIND_ADDRESS", "127.0.0.1"), int(os.environ["AGENT_PORT"])),
                    Handler).serve_forever()
