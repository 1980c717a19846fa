#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 that serves a directory and fails on demand.

The test writes the fault's name into ROOT/_fault (absent or "ok": serve
normally, with ETag and 304). Faults: 500, 404, hang, slow (1 byte/s),
truncated (Content-Length larger than sent), huge (100 MB, Content-Length),
huge_chunked (100 MB, chunked), redirect_file (302 to file:///etc/passwd),
nosig (every .sig is 404), trickle (10 bytes, then silence). "MODE NAME"
fails only the paths that end with NAME. When ROOT/_requests exists, each
request adds a line to it: "PATH IF-NONE-MATCH" ("-" without one). Prints the
port on its first line of output.
"""
import argparse
import hashlib
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HUGE = 100 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the test reads our stdout
        pass

    def fault(self):
        """The fault for this request: "MODE" for every path, or "MODE NAME"
        for the paths that end with NAME only (the others are served)."""
        try:
            with open(os.path.join(self.server.root, "_fault")) as f:
                words = f.read().split()
        except OSError:
            return "ok"
        if not words:
            return "ok"
        if len(words) > 1 and not self.path.split("?")[0].endswith(words[1]):
            return "ok"
        return words[0]

    def plain(self, status, text, headers=()):
        body = text.encode()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def note(self):
        """What the client sent, for a test that checks its conditional GET."""
        log = os.path.join(self.server.root, "_requests")
        if os.path.exists(log):
            with open(log, "a") as f:
                f.write("%s %s\n" % (self.path, self.headers.get("If-None-Match", "-")))

    def do_GET(self):
        self.note()
        mode = self.fault()
        path = self.path.split("?")[0]
        local = os.path.join(self.server.root, path.lstrip("/"))
        try:
            if mode == "500":
                return self.plain(500, "broken\n")
            if mode == "404" or (mode == "nosig" and path.endswith(".sig")):
                return self.plain(404, "not here\n")
            if mode == "hang":
                # Said in ROOT/_hung, so a test knows which request hangs.
                with open(os.path.join(self.server.root, "_hung"), "a") as f:
                    f.write(path + "\n")
                time.sleep(60)
                return
            if mode == "redirect_file":
                return self.plain(302, "moved\n", [("Location", "file:///etc/passwd")])
            if mode in ("huge", "huge_chunked"):
                self.send_response(200)
                if mode == "huge":
                    self.send_header("Content-Length", str(HUGE))
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<" * 65536
                for _ in range(HUGE // len(chunk)):
                    if mode == "huge":
                        self.wfile.write(chunk)
                    else:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                if mode == "huge_chunked":
                    self.wfile.write(b"0\r\n\r\n")
                return
            try:
                with open(local, "rb") as f:
                    body = f.read()
            except OSError:
                return self.plain(404, "not here\n")
            etag = '"%s"' % hashlib.sha1(body).hexdigest()
            if mode == "ok" and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            if mode == "truncated":
                self.send_header("Content-Length", str(len(body) + 1000))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if mode == "trickle":
                self.wfile.write(body[:10])
                self.wfile.flush()
                time.sleep(60)
                return
            if mode == "slow":
                for b in body:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    time.sleep(1)
                return
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--port", type=int, default=0)
    a = p.parse_args()
    server = Server(("127.0.0.1", a.port), Handler)
    server.root = a.root
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
