#!/usr/bin/env python3
"""kill -9 while publishing, again and again (console.md: published feeds
are written atomically and repaired at start).

usage: kill_publish_test.py HALLBOARD-CONSOLE SOURCE-DIR HALLBOARD [ROUNDS]

Each round starts `serve`, fires absences, publishes and republishes from
two threads in tight loops, and kills the server with SIGKILL at a random
moment. Then: the database passes SQLite's integrity check, every
DATA/feeds/*.xml is a whole feed (it parses and `hallboard lint` finds no
error: never a half-written file), and after a restart every
/feeds/NAME.xml served (the latest version) equals the file in the folder.
Bounded to about a minute whatever the machine's speed.
"""

import http.client
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

CONSOLE, SOURCE, HALLBOARD = sys.argv[1], sys.argv[2], sys.argv[3]
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 30
BUDGET = 60.0  # seconds for all rounds; at least MIN_ROUNDS are run
MIN_ROUNDS = 8
CONTENT = [os.path.join(SOURCE, "content", n) for n in ("hall.xml", "items.xml", "roster.xml")]

failures = []
checked = [0]


def check(condition, what):
    checked[0] += 1
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(data):
    port = free_port()
    proc = subprocess.Popen([CONSOLE, "serve", "--data", data, "--listen", "127.0.0.1:%d" % port],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("serve exited %d: %s" % (proc.returncode, proc.stderr.read().decode()))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.02)
    proc.kill()
    raise RuntimeError("serve did not start listening")


def request(port, method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = dict(headers or {})
        if body is not None:
            body = json.dumps(body)
            h["Content-Type"] = "application/json"
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def login(port, user, password):
    status, headers, body = request(port, "POST", "/api/v1/session",
                                    {"user": user, "password": password})
    if status != 200:
        raise RuntimeError("login %s: %d %s" % (user, status, body))
    return {"Cookie": headers["set-cookie"].split(";")[0], "X-CSRF-Token": json.loads(body)["csrf"]}


def hammer(port, who, stop, seed, counts):
    """Changes and publishes until the server is gone or told to stop."""
    rng = random.Random(seed)
    while not stop.is_set():
        day = rng.randrange(1, 28)
        hour = rng.choice((9, 13))
        what = rng.random()
        try:
            if what < 0.4:
                request(port, "POST", "/api/v1/absences",
                        {"staff": rng.choice(("s05", "s06", "s13", "s14")),
                         "from": "2027-03-%02dT%02d:00" % (day, hour),
                         "to": "2027-03-%02dT%02d:00" % (day, hour + 2), "reason": "测试"},
                        who)
            elif what < 0.8:
                status, _, _ = request(port, "POST", "/api/v1/publish", None, who)
                if status == 201:
                    counts["published"] += 1
            else:
                status, _, body = request(port, "GET", "/api/v1/versions", None, who)
                versions = json.loads(body) if status == 200 else []
                if versions:
                    n = rng.choice(versions)["version"]
                    status, _, _ = request(port, "POST", "/api/v1/versions/%d/republish" % n, None, who)
                    if status == 201:
                        counts["published"] += 1
        except (OSError, http.client.HTTPException, ValueError):
            return  # killed under us


def integrity(db):
    if shutil.which("sqlite3"):
        r = subprocess.run(["sqlite3", db, "PRAGMA integrity_check"], capture_output=True, text=True,
                           timeout=30)
        return r.stdout.strip()
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def check_folder(feeds, round_no):
    names = sorted(n for n in os.listdir(feeds) if n.endswith(".xml"))
    check(len(names) >= 6, "round %d: the feeds are there: %s" % (round_no, names))
    for name in names:
        with open(os.path.join(feeds, name), "rb") as f:
            data = f.read()
        try:
            root = ET.fromstring(data)
            check(root.tag == "hallboard" and root.get("generated"),
                  "round %d: %s is a feed with its generated" % (round_no, name))
        except ET.ParseError as e:
            check(False, "round %d: %s is half written (%s): %r" % (round_no, name, e, data[-80:]))
    r = subprocess.run([HALLBOARD, "lint", *[os.path.join(feeds, n) for n in names]],
                       capture_output=True, text=True, timeout=120)
    check(r.returncode == 0 and not re.search(r": error: ", r.stdout),
          "round %d: lint on the folder: exit %d\n%s%s" % (round_no, r.returncode, r.stdout, r.stderr))
    return names


def main():
    tmp = tempfile.mkdtemp(prefix="hallboard-console-kill-")
    proc = None
    try:
        data = os.path.join(tmp, "data")
        r = subprocess.run([CONSOLE, "init", "--data", data, *CONTENT], capture_output=True,
                           text=True, timeout=60)
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        admin_password = re.search(r"^admin password: (\S+)$", r.stdout, re.M).group(1)
        db = os.path.join(data, "console.db")
        feeds = os.path.join(data, "feeds")

        proc, port = start(data)
        who = login(port, "admin", admin_password)  # the session outlives restarts
        proc.kill()
        proc.wait()

        began = time.monotonic()
        rounds = 0
        published = 0
        while rounds < ROUNDS and (rounds < MIN_ROUNDS or time.monotonic() - began < BUDGET):
            rounds += 1
            proc, port = start(data)
            stop = threading.Event()
            counts = {"published": 0}
            threads = [threading.Thread(target=hammer, args=(port, who, stop, rounds * 10 + i, counts))
                       for i in range(2)]
            for t in threads:
                t.start()
            time.sleep(random.uniform(0.05, 0.8))
            proc.kill()  # SIGKILL: no clean-up of any kind
            proc.wait()
            proc = None
            stop.set()
            for t in threads:
                t.join(timeout=15)
            published += counts["published"]

            check(integrity(db) == "ok", "round %d: PRAGMA integrity_check" % rounds)
            names = check_folder(feeds, rounds)

            # A restart makes the folder the latest version, and serves it.
            proc, port = start(data)
            status, _, body = request(port, "GET", "/api/v1/versions", None, who)
            check(status == 200, "round %d: the session survives a kill: %d" % (rounds, status))
            for name in names:
                status, headers, served = request(port, "GET", "/feeds/" + name)
                with open(os.path.join(feeds, name), "rb") as f:
                    on_disk = f.read()
                check(status == 200 and served == on_disk,
                      "round %d: after the restart /feeds/%s equals the file" % (rounds, name))
            proc.terminate()
            proc.wait(timeout=10)
            proc = None
            if failures:
                break
        print("%d rounds, %d publishes answered before the kills, %.1f s"
              % (rounds, published, time.monotonic() - began))
        check(published > 0, "some publishes got through")
    finally:
        if proc:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all %d checks passed" % checked[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
