#!/usr/bin/env python3
"""Benchmark (not a test): hallboard's time to its first frame, many starts.

Starts `hallboard run` on the demo content N times on an Xvfb of its own and
times each start from the exec to its READY=1 (sd_notify, sent once the
first frame is presented; this script is the NOTIFY_SOCKET), as
bench/kiosk_vs_chromium.sh does for one start, but without Chromium and
without the screenshots that script takes meanwhile. One unmeasured start
first fills the feed cache and the page counts (a warm start, as after a
restart); with --cold the page counts are deleted before each start, so
every slide is laid out first (a new install, new content, another day).

Usage: bench/first_frame.py [--cold] [--runs N] [--display :72] [HALLBOARD]
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hallboard", nargs="?", default=os.path.join(REPO, "build", "hallboard"))
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--cold", action="store_true", help="no page counts from the last start")
    ap.add_argument("--display", default=":72")
    ap.add_argument("--at", default="2026-11-27T10:00:40")
    args = ap.parse_args()
    if not shutil.which("Xvfb"):
        sys.exit("first_frame.py: Xvfb is missing: apt-get install -y xvfb")
    if os.path.exists(f"/tmp/.X11-unix/X{args.display.lstrip(':')}"):
        sys.exit(f"first_frame.py: display {args.display} is in use (--display)")

    tmp = tempfile.mkdtemp(prefix="hb-first-frame.")
    config = open(os.path.join(REPO, "content", "player.xml"), encoding="utf-8").read()
    config = re.sub(r'<feed url="([^"/]*)"/>',
                    lambda m: f'<feed url="{REPO}/content/{m.group(1)}"/>', config)
    config = re.sub(r'<cache dir="[^"]*"/>', f'<cache dir="{tmp}/cache"/>', config)
    with open(f"{tmp}/player.xml", "w", encoding="utf-8") as f:
        f.write(config)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1920x1080x24", "-br",
                             "-nolisten", "tcp", "-noreset"], stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=args.display, NOTIFY_SOCKET=f"{tmp}/notify")
    env.pop("SDL_VIDEODRIVER", None)
    times = []
    try:
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{args.display.lstrip(':')}"):
                break
            time.sleep(0.05)
        for run in range(args.runs + 1):
            if run > 0 and args.cold and os.path.exists(f"{tmp}/cache/page-counts"):
                os.unlink(f"{tmp}/cache/page-counts")
            if os.path.exists(env["NOTIFY_SOCKET"]):
                os.unlink(env["NOTIFY_SOCKET"])
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(env["NOTIFY_SOCKET"])
            sock.settimeout(10)
            start = time.monotonic()
            player = subprocess.Popen([args.hallboard, "run", "--config", f"{tmp}/player.xml",
                                       "--at", args.at, "--exit-after", "3"],
                                      env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            ready = None
            try:
                while ready is None:
                    if b"READY=1" in sock.recv(4096):
                        ready = 1000 * (time.monotonic() - start)
            except socket.timeout:
                pass
            # The unmeasured first start runs on until it has kept the page counts.
            if run == 0:
                player.wait()
            else:
                player.kill()
                player.wait()
                times.append(ready)
            sock.close()
            time.sleep(0.3)
    finally:
        xvfb.terminate()  # SIGTERM: it removes its socket and lock
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    missing = times.count(None)
    times = sorted(t for t in times if t is not None)
    if not times:
        sys.exit("first_frame.py: no start reached READY=1")
    print(f"{'cold' if args.cold else 'warm'} starts: {len(times)}"
          f"{f' ({missing} without READY=1)' if missing else ''}; first frame, ms: "
          f"min {times[0]:.0f}, p50 {statistics.median(times):.0f}, "
          f"mean {statistics.mean(times):.0f}, max {times[-1]:.0f}")


if __name__ == "__main__":
    main()
