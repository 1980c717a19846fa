#!/usr/bin/env python3
"""Runs `hallboard run` as systemd would watch it and reports the gaps
between its watchdog pings, its time to READY=1 and its peak memory.

    bench/watchdog_gaps.py HALLBOARD CONFIG [--seconds 60] [--watchdog 30]
                           [--swap DIR_A DIR_B FEED_DIR --every 60] [--at TIME]
                           [--speed FACTOR] [--rss-log FILE]

A datagram socket stands in for systemd's NOTIFY_SOCKET; WATCHDOG_USEC is
set as WatchdogSec=N would set it (the player pings every N/2 s). With
--swap, the files of DIR_A and DIR_B are copied in turn into FEED_DIR every
--every seconds (hostile feeds swapped in and out under a running screen).
The screen is SDL's dummy driver unless DISPLAY is set. Prints one line per
finding and a summary; exits 1 when a gap reaches 3/4 of WatchdogSec (the
bound of issue 15), READY never comes, or comes later than --ready-within.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def copy_all(src, dst):
    for name in os.listdir(src):
        p = os.path.join(src, name)
        if os.path.isfile(p):
            tmp = os.path.join(dst, "." + name + ".tmp")
            shutil.copyfile(p, tmp)
            os.replace(tmp, os.path.join(dst, name))


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            return " ".join(l.split()[1] for l in f if l.startswith(("VmRSS:", "VmHWM:"))) + " kB (HWM, RSS)"
    except OSError:
        return "?"


def peak_rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("hallboard")
    p.add_argument("config")
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--watchdog", type=float, default=30)
    p.add_argument("--swap", nargs=3, metavar=("DIR_A", "DIR_B", "FEED_DIR"))
    p.add_argument("--every", type=float, default=60)
    p.add_argument("--at", help="the screen's clock starts here (hallboard run --at)")
    p.add_argument("--speed", help="the screen's clock runs this many times faster (run --speed)")
    p.add_argument("--rss-log", help="write the player's VmRSS and descriptors here every --every seconds")
    p.add_argument("--ready-within", type=float, default=None,
                   help="also fail when READY=1 comes later than this many seconds")
    a = p.parse_args()

    work = tempfile.mkdtemp(prefix="hb-watchdog-")
    path = os.path.join(work, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.1)
    env = dict(os.environ)
    env["NOTIFY_SOCKET"] = path
    env["WATCHDOG_USEC"] = str(int(a.watchdog * 1e6))
    env.pop("WATCHDOG_PID", None)
    if "DISPLAY" not in env:
        env["SDL_VIDEODRIVER"] = "dummy"
    start = time.monotonic()
    child = subprocess.Popen(
        [a.hallboard, "run", "--config", a.config, "--windowed", "1920x1080",
         "--exit-after", str(a.seconds)] + (["--at", a.at] if a.at else []) +
        (["--speed", a.speed] if a.speed else []),
        env=env, stderr=open(os.path.join(work, "log"), "w"))
    ready = None
    pings = []
    peak = 0
    next_swap = start + a.every
    turn = 1
    while child.poll() is None:
        now = time.monotonic()
        if now >= next_swap:
            if a.swap:
                copy_all(a.swap[turn % 2], a.swap[2])
            if a.rss_log:
                with open(a.rss_log, "a") as log:
                    log.write("%.0f s: %s, %d descriptors\n" % (
                        now - start, rss_kb(child.pid), len(os.listdir("/proc/%d/fd" % child.pid))))
            turn += 1
            next_swap = now + a.every
        peak = max(peak, peak_rss_kb(child.pid))
        try:
            msg = sock.recv(4096).decode()
        except socket.timeout:
            continue
        t = time.monotonic() - start
        for line in msg.split("\n"):
            if line == "READY=1" and ready is None:
                ready = t
            elif line == "WATCHDOG=1":
                pings.append(t)
    child.wait()
    times = ([ready] if ready is not None else []) + pings
    gaps = [b - a_ for a_, b in zip(times, times[1:])]
    largest = max(gaps) if gaps else float("nan")
    print("READY=1 after %.3f s" % ready if ready is not None else "no READY=1")
    print("watchdog pings: %d, largest gap %.2f s (WatchdogSec=%g: pings due every %g s, "
          "bound %.1f s)" % (len(pings), largest, a.watchdog, a.watchdog / 2,
                             a.watchdog * 0.75))
    print("peak RSS %.1f MB" % (peak / 1024.0))
    print("exit code %d; log in %s" % (child.returncode, os.path.join(work, "log")))
    ok = ready is not None and (not gaps or largest < a.watchdog * 0.75)
    if a.ready_within is not None and (ready is None or ready > a.ready_within):
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
