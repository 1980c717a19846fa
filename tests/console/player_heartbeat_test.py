#!/usr/bin/env python3
"""A real `hallboard run` reporting to a real `hallboard-console serve`.

usage: player_heartbeat_test.py HALLBOARD-CONSOLE SOURCE-DIR HALLBOARD
init, screen add, serve on a free port; the player, with the player.xml
screen add printed, runs twice (SDL's dummy video driver). Its proof of
play reaches the console: every line up to the number the console
acknowledged (play.ack) is in the console's plays table exactly once, and
the second run's numbers carry on from the first's. Standard library only.
"""
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

CONSOLE, SOURCE, HALLBOARD = sys.argv[1], sys.argv[2], sys.argv[3]
CONTENT = [os.path.join(SOURCE, "content", n) for n in ("hall.xml", "items.xml", "roster.xml")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc):
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("serve exited: %s" % proc.stderr.read().decode())
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("serve did not start listening")


def numbers(path):
    out = []
    for name in sorted(os.listdir(path)):
        if name.startswith("play.jsonl"):
            with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
                out += [int(m.group(1)) for m in map(re.compile(r'^\{"seq":(\d+),').match, f) if m]
    return sorted(out)


def main():
    tmp = tempfile.mkdtemp(prefix="hallboard-player-heartbeat-")
    server = None
    try:
        data = os.path.join(tmp, "data")
        r = subprocess.run([CONSOLE, "init", "--data", data, *CONTENT], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        r = subprocess.run([CONSOLE, "screen", "add", "lobby-1", "--data", data, "--url", base],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cache = os.path.join(tmp, "cache")
        player = r.stdout.partition("\n")[2]
        player = re.sub(r'<cache dir="[^"]*"', '<cache dir="%s"' % cache, player)
        assert cache in player, player
        config = os.path.join(tmp, "player.xml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(player)
        server = subprocess.Popen([CONSOLE, "serve", "--data", data, "--listen", "127.0.0.1:%d" % port,
                                   "--url", base], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_port(port, server)
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", no_proxy="*")
        for run in (1, 2):
            # The first heartbeat goes 10 s after the start.
            r = subprocess.run([HALLBOARD, "run", "--config", config, "--windowed", "800x600",
                                "--at", "2026-11-27T10:00", "--exit-after", "14"],
                               capture_output=True, text=True, env=env, timeout=60)
            assert r.returncode == 0, "run %d: %s" % (run, r.stderr)
        with open(os.path.join(cache, "play.ack")) as f:
            ack = int(f.read())
        on_disk = numbers(cache)
        db = sqlite3.connect(os.path.join(data, "console.db"))
        stored = [row[0] for row in db.execute(
            "SELECT seq FROM plays WHERE screen = 'lobby-1' ORDER BY seq")]
        db.close()
        # Numbered 1, 2, 3 … across both runs: the second carried on from the first.
        assert on_disk == list(range(1, len(on_disk) + 1)), on_disk
        assert ack >= 1 and stored == [n for n in on_disk if n <= ack], (ack, on_disk, stored)
        print("ok: %d proof-of-play lines on disk, %d acknowledged and stored once each"
              % (len(on_disk), len(stored)))
        return 0
    finally:
        if server:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
