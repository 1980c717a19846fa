#!/usr/bin/env python3
"""A heartbeat receiver on 127.0.0.1 that records every POST, for the tests.

Each POST becomes DIR/post-N.* (N from 1, written before the answer):
  .body   the body as received          .type  its Content-Type
  .path   the request's path
  .invalid  why the body is not the JSON expected (absent when it is)
  .png    the screenshot, base64-decoded  .rgba  its pixels, 4 bytes each,
  .png-error  why the PNG could not be decoded (absent when it could)
The answer is chosen by DIR/_mode: "ok" (the default, 200 "thanks"),
"ack" (200 {"ack": N}, N the highest "seq" among the report's "play"
lines, as the console answers), "ack-202" (the same body with 202, which
acknowledges nothing), "500", "redirect" (307 to /elsewhere), "hang"
(never answer) or "v1-only" (as a console before heartbeat-2: 400 to a
-2 report, 204 to a -1). Prints the port on its first line of output.
"""
import argparse
import base64
import json
import os
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def decode_png(data):
    """8-bit RGB or RGBA, not interlaced: what a screenshot is. Checks CRCs."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("no PNG signature")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + chunk) != crc:
            raise ValueError("bad CRC in %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError("unsupported PNG: depth %d colour %d interlace %d" % (depth, colour, interlace))
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError("IDAT holds %d bytes, not %d" % (len(raw), height * (stride + 1)))
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride if f != 0 else 0):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
            elif f != 0:
                raise ValueError("unknown filter %d" % f)
        prev = line
        if bpp == 4:
            out += line
        else:
            for x in range(width):
                out += line[x * 3:x * 3 + 3] + b"\xff"
    return width, height, bytes(out)


def write(path, data):
    with open(path + ".writing", "wb") as f:
        f.write(data)
    os.rename(path + ".writing", path)


def highest_seq(body):
    try:
        play = json.loads(body.decode("utf-8")).get("play", [])
        return max([line["seq"] for line in play] or [0])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return 0


def format_of(body):
    try:
        return json.loads(body.decode("utf-8")).get("format")
    except (UnicodeDecodeError, ValueError, AttributeError):
        return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the test reads our stdout
        pass

    def mode(self):
        try:
            with open(os.path.join(self.server.dir, "_mode")) as f:
                return f.read().strip() or "ok"
        except OSError:
            return "ok"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with self.server.lock:
            self.server.count += 1
            base = os.path.join(self.server.dir, "post-%d" % self.server.count)
        write(base + ".path", self.path.encode())
        self.record(base, body)
        mode = self.mode()
        try:
            if mode == "hang":
                time.sleep(60)
                return
            status = {"500": 500, "redirect": 307, "ack-202": 202}.get(mode, 200)
            reply = b"thanks\n" if status == 200 else b"not here\n"
            if mode == "v1-only":
                status = 204 if format_of(body) == "hallboard-heartbeat-1" else 400
                reply = b"" if status == 204 else b"unknown format\n"
            if mode in ("ack", "ack-202"):
                reply = json.dumps({"ack": highest_seq(body)}).encode()
            self.send_response(status)
            if status == 307:  # would keep the POST, if it were followed
                self.send_header("Location", "/elsewhere")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def record(self, base, body):
        problem = None
        try:
            report = json.loads(body.decode("utf-8"))
            if report.get("format") != "hallboard-heartbeat-2":
                problem = "no \"format\": \"hallboard-heartbeat-2\""
        except (UnicodeDecodeError, ValueError) as e:
            report, problem = None, "not JSON: %s" % e
        shot = report.get("screenshot") if isinstance(report, dict) else None
        if shot is not None:
            try:
                png = base64.b64decode(shot["base64"], validate=True)
                write(base + ".png", png)
                width, height, rgba = decode_png(png)
                if (width, height) != (shot["width"], shot["height"]):
                    raise ValueError("the PNG is %dx%d, the report says %sx%s"
                                     % (width, height, shot["width"], shot["height"]))
                write(base + ".rgba", rgba)
            except (KeyError, ValueError, zlib.error) as e:
                write(base + ".png-error", str(e).encode())
        if problem:
            write(base + ".invalid", problem.encode())
        write(base + ".type", self.headers.get("Content-Type", "").encode())
        write(base + ".body", body)  # last: the test waits for it


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    a = p.parse_args()
    server = Server(("127.0.0.1", a.port), Handler)
    server.dir = a.dir
    server.count = 0
    server.lock = threading.Lock()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
