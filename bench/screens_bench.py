#!/usr/bin/env python3
"""Benchmark (not a test): 500 simulated screens reporting to one console.

Usage: /usr/bin/python3 bench/screens_bench.py BUILD_DIR SOURCE_DIR
           [--screens 500] [--interval 30] [--seconds 180] [--workers 8] [--keep]

Standard library only. Makes a temporary DATA folder (`hallboard console
init` with the demo content, content/hall.xml items.xml roster.xml), registers
--screens screens with `hallboard console screen add` (in a loop, before
serve starts; the tokens are read from what it prints), starts `hallboard
console serve` on a free port on 127.0.0.1 and stops it with SIGTERM at the
end.

Each simulated screen sends `POST /api/v1/heartbeat` every --interval
seconds, the screens' first reports spread evenly over the first interval
(500 screens every 30 s: one report every 60 ms, 16.7 a second). A report
is a hallboard-heartbeat-2 body shaped like the one a real `hallboard run`
sends without screenshot (the six feeds of the player.xml `screen add` prints, page,
memory, ...: about 2.3 KB; a real player logs "sent (2 KB)" to "(3 KB)") carrying two proof-of-play lines with numbers
growing by two per report. The console must answer 200 {"ack": N} with N
the last number sent; anything else counts as an error. --workers threads
send them, each on a keep-alive connection of its own (http.client; the
console closes idle connections after 2 s and after 100 requests, and a
request that meets a connection the console has just closed is sent again
at once on a new one, counted as a reconnect, not an error).

Measured over the run (reports due in [0, --seconds)):
- heartbeat latency, client-side, from sending the request to the last
  byte of the answer: p50, p95, p99, max; and how late the sender was
  against the schedule (if that grows, the client, not the console, is the
  limit);
- errors (non-200, wrong ack, connection failures);
- the console's CPU: utime+stime from /proc/PID/stat at the start and the
  end of the run, as % of one core over the run's wall time;
- the console's RSS at the end (VmRSS) and its peak (VmHWM);
- rows in the plays table and the database file's size at the end.
Prints a markdown table.
"""
import argparse
import hashlib
import heapq
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)


def status_kb(pid, key):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def iso(t):
    """Local time as the player writes it, +08:00 (the demo hall's zone)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(t + 8 * 3600))


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


class Screen:
    def __init__(self, sid, token, feeds, base):
        self.id, self.token = sid, token
        self.seq = 0
        self.started = time.time()
        self.feeds = [{"url": "%s/feeds/%s" % (base, name), "generated": "2026-12-05T09:00:00+08:00",
                       "sha256": sha, "last_result": "not modified", "last_fetch": None}
                      for name, sha in feeds]

    def body(self, interval):
        now = time.time()
        lines = []
        for i in (1, 0):
            self.seq += 1
            start = now - 8 * (i + 1)
            lines.append({"seq": self.seq, "screen": self.id, "start": iso(start), "end": iso(start + 8),
                          "seconds": 8, "slide": "items", "page": 1 + self.seq % 5, "pages": 5,
                          "item": "不动产登记", "content": "items.xml"})
        for f in self.feeds:
            f["last_fetch"] = iso(now - 12)
        report = {
            "format": "hallboard-heartbeat-2", "screen": self.id, "version": "0.1.0", "time": iso(now),
            "uptime_seconds": int(now - self.started) + 86400, "interval_seconds": interval,
            "renderer": "cpu compositor (x11)",
            "page": {"state": "showing", "slide_type": "items", "page": 2, "page_count": 5,
                     "item": "不动产登记"},
            "memory": {"rss_bytes": 94371840, "pss_bytes": 81264640},
            "feeds": self.feeds, "play": lines, "play_more": False,
        }
        return json.dumps(report, ensure_ascii=False).encode("utf-8"), self.seq


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("source")
    ap.add_argument("--screens", type=int, default=500)
    ap.add_argument("--interval", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    console_bin = os.path.join(args.build, "hallboard-console")
    content = [os.path.join(args.source, "content", n) for n in ("hall.xml", "items.xml", "roster.xml")]
    tmp = tempfile.mkdtemp(prefix="hallboard-screens-bench-")
    data = os.path.join(tmp, "data")
    server = None
    try:
        r = subprocess.run([console_bin, "init", "--data", data, *content], capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit("init: " + r.stderr)
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        t0 = time.monotonic()
        tokens = {}
        for i in range(args.screens):
            sid = "hall-%03d" % (i + 1)
            r = subprocess.run([console_bin, "screen", "add", sid, "--data", data, "--url", base],
                               capture_output=True, text=True)
            m = re.match(r"token: (\S+)", r.stdout)
            if r.returncode != 0 or not m:
                raise SystemExit("screen add %s: %s" % (sid, r.stderr))
            tokens[sid] = m.group(1)
        register_s = time.monotonic() - t0
        print("registered %d screens with `screen add` in %.1f s" % (args.screens, register_s), flush=True)
        # The six feeds a screen's player.xml names (init publishes them
        # all); the SHA-256 only sizes the body, the console does not need
        # it to match.
        feeds = [(name, hashlib.sha256(name.encode()).hexdigest())
                 for name in ("hall.xml", "roster.xml", "notices.xml", "items.xml", "results.xml", "stats.xml")]
        screens = [Screen(sid, tok, feeds, base) for sid, tok in tokens.items()]
        sample, _ = Screen("hall-000", "x", feeds, base).body(args.interval)

        log = open(os.path.join(tmp, "serve.log"), "wb")
        server = subprocess.Popen([console_bin, "serve", "--data", data, "--listen", "127.0.0.1:%d" % port,
                                   "--url", base], stdout=log, stderr=log)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("serve did not start")
                time.sleep(0.05)
        time.sleep(1)

        jobs = queue.Queue()
        lock = threading.Lock()
        latencies, lateness, errors, reconnects = [], [], [], [0]

        def worker():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while True:
                job = jobs.get()
                if job is None:
                    conn.close()
                    return
                due, screen = job
                late = time.monotonic() - due
                body, last = screen.body(args.interval)
                headers = {"Authorization": "Bearer " + screen.token, "Content-Type": "application/json"}
                answer = None
                for attempt in (1, 2):
                    reused = conn.sock is not None
                    start = time.monotonic()
                    try:
                        conn.request("POST", "/api/v1/heartbeat", body=body, headers=headers)
                        resp = conn.getresponse()
                        answer = (resp.status, resp.read())
                        took = time.monotonic() - start
                        if resp.will_close:
                            conn.close()
                        break
                    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                        conn.close()
                        if reused and attempt == 1:
                            with lock:
                                reconnects[0] += 1
                            continue
                        answer = (None, repr(e).encode())
                        took = time.monotonic() - start
                    except OSError as e:
                        conn.close()
                        answer = (None, repr(e).encode())
                        took = time.monotonic() - start
                        break
                with lock:
                    latencies.append(took)
                    lateness.append(late)
                    ok = answer[0] == 200
                    if ok:
                        try:
                            ok = json.loads(answer[1]) == {"ack": last}
                        except ValueError:
                            ok = False
                    if not ok:
                        errors.append((screen.id, answer[0], answer[1][:120]))

        threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.workers)]
        for t in threads:
            t.start()

        # Every screen's reports: first within the first interval, evenly spread.
        begin = time.monotonic() + 0.5
        heap = [(begin + i * args.interval / len(screens), i) for i in range(len(screens))]
        heapq.heapify(heap)
        ticks0, wall0 = cpu_ticks(server.pid), time.monotonic()
        end = begin + args.seconds
        sent = 0
        while heap and heap[0][0] < end:
            due, i = heapq.heappop(heap)
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            jobs.put((due, screens[i]))
            sent += 1
            heapq.heappush(heap, (due + args.interval, i))
        for _ in threads:
            jobs.put(None)
        for t in threads:
            t.join()
        ticks1, wall1 = cpu_ticks(server.pid), time.monotonic()
        hz = os.sysconf("SC_CLK_TCK")
        cpu_pct = 100.0 * (ticks1 - ticks0) / hz / (wall1 - wall0)
        rss_mb = status_kb(server.pid, "VmRSS") / 1024.0
        hwm_mb = status_kb(server.pid, "VmHWM") / 1024.0
        db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data, "console.db"), uri=True)
        plays = db.execute("SELECT COUNT(*) FROM plays").fetchone()[0]
        distinct = db.execute("SELECT COUNT(DISTINCT screen) FROM plays").fetchone()[0]
        contacts = db.execute("SELECT COUNT(*) FROM screen_contacts").fetchone()[0]
        db.close()
        db_mb = sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data)
                    if n.startswith("console.db")) / 1e6

        lat = sorted(x * 1000 for x in latencies)
        lt = sorted(x * 1000 for x in lateness)
        expected_plays = 2 * (sent - len(errors))
        print()
        print("| measure | value |")
        print("|---|---:|")
        print("| screens, interval | %d every %d s (%.1f reports/s) |" % (len(screens), args.interval,
                                                                       len(screens) / args.interval))
        print("| run | %.0f s, %d reports sent, %d workers on keep-alive connections |"
              % (wall1 - wall0, sent, args.workers))
        print("| report body | %d bytes (2 play lines) |" % len(sample))
        print("| latency p50 / p95 / p99 / max, ms | %.1f / %.1f / %.1f / %.1f |"
              % (percentile(lat, 50), percentile(lat, 95), percentile(lat, 99), lat[-1] if lat else 0))
        print("| sender late against schedule p50 / p99 / max, ms | %.1f / %.1f / %.1f |"
              % (percentile(lt, 50), percentile(lt, 99), lt[-1] if lt else 0))
        print("| errors | %d (reconnects after the console closed a kept-alive connection: %d) |"
              % (len(errors), reconnects[0]))
        print("| console CPU, %% of one core | %.1f |" % cpu_pct)
        print("| console RSS at the end / peak, MB | %.1f / %.1f |" % (rss_mb, hwm_mb))
        print("| plays rows (expected %d), screens | %d, %d |" % (expected_plays, plays, distinct))
        print("| screen_contacts rows, database with WAL, MB | %d, %.1f |" % (contacts, db_mb))
        for e in errors[:10]:
            print("error:", e)
        return 0 if not errors and plays == expected_plays else 1
    finally:
        if server and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if args.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
