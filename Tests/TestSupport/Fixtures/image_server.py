#!/usr/bin/env python3
"""Test image server on 127.0.0.1 (port chosen by the kernel, printed first on stdout).

GET /files/NAME      the file DIR/NAME (404 when missing)
GET /stall/NAME      headers and half of the body, then silence for 120 s (a stalled download)
GET /truncated/NAME  headers announcing the whole length, half of the body, then the connection closes
Each /files, /stall or /truncated request for NAME is counted in DIR/.count/NAME (a number), so a
test reads counts without an HTTP client of its own.
"""
import http.server
import os
import sys
import threading
import time

directory = sys.argv[1]
served = 0
per_name = {}
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        global served
        mode, _, name = self.path.lstrip("/").partition("/")
        path = os.path.join(directory, os.path.basename(name))
        if mode not in ("files", "stall", "truncated") or not os.path.isfile(path):
            return self.reply(404, b"not found")
        with lock:
            served += 1
            key = os.path.basename(name)
            per_name[key] = per_name.get(key, 0) + 1
            os.makedirs(os.path.join(directory, ".count"), exist_ok=True)
            with open(os.path.join(directory, ".count", key), "w") as f:
                f.write(str(per_name[key]))
        with open(path, "rb") as f:
            body = f.read()
        if mode == "files":
            return self.reply(200, body)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        if mode == "stall":
            time.sleep(120)
        self.close_connection = True

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def exit_with_parent():
    # stdin is a pipe from the test: it closes when the test process ends, however it ends.
    sys.stdin.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
