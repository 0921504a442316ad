"""The sample's own agent: listens on AGENT_PORT and greets on GET /greet?name=..., with the standard library only."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/health":
            body = b'{"status":"UP"}'
        elif url.path == "/greet":
            name = parse_qs(url.query).get("name", ["world"])[0]
            body = ('{"greeting":"hello, %s"}' % name).encode()
            print(f"greeted {name}", flush=True)
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


print(f"greeter listening on port {os.environ['AGENT_PORT']}", flush=True)
ThreadingHTTPServer((os.environ.get("AGENT_BIND_ADDRESS", "127.0.0.1"), int(os.environ["AGENT_PORT"])),
                    Handler).serve_forever()
