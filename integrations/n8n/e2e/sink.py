#!/usr/bin/env python3
"""Records every JSON POST it receives (the workflow's notifications) on loopback; GET /_received lists them."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RECEIVED = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        try:
            RECEIVED.append({"path": self.path, "body": json.loads(body)})
        except ValueError:
            RECEIVED.append({"path": self.path, "raw": body})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok":true}')

    def do_GET(self):
        data = json.dumps(RECEIVED).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18081), Handler).serve_forever()
