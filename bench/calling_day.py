#!/usr/bin/env python3
"""Benchmark (not a test): what the live windows (issue 19) cost a screen.

Runs `hallboard run` on the demo content at 1920x1080 on an Xvfb of its
own, twice for the same real time, both with clocks started on a Friday
morning (--at: the hall open):
  plain    the demo playlist, no <queue>, no <sound>;
  calling  the same with <queue band="bottom"> polled every second from
           tools/queue_sim.py at a busy hall's rate (default 6 calls a
           minute across the roster's seven windows, names given), and
           <sound> speaking every call through SDL's disk driver (espeak-ng).
For each: CPU (utime+stime of the player, /proc/PID/stat) over the window
from 20 s after the start to the end, as % of one core; PSS and RSS sampled
every 5 s (mean, max), and VmHWM at the end. A calling day is then the
calling run's CPU seconds per hour times the hall's 8 open hours.

Usage: bench/calling_day.py [--minutes 5] [--rate 6] [HALLBOARD]
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests", "console"))
from console_tools import start_queue_sim, start_xvfb, stop  # noqa: E402

AT = datetime.datetime(2026, 11, 27, 9, 30, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def memory_kb(pid):
    pss = rss = hwm = 0
    for line in open("/proc/%d/smaps_rollup" % pid):
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
        elif line.startswith("Rss:"):
            rss = int(line.split()[1])
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
    return pss, rss, hwm


def player_xml(tmp, name, queue_url):
    path = os.path.join(tmp, name + ".xml")
    content = os.path.join(REPO, "content")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<player screen="lobby-1" timezone="+08:00">\n')
        for feed in ("hall.xml", "items.xml", "roster.xml"):
            f.write('  <feed url="%s"/>\n' % os.path.join(content, feed))
        f.write('  <cache dir="%s"/>\n' % os.path.join(tmp, "cache-" + name))
        if queue_url:
            f.write('  <queue url="%s" band="bottom"/>\n' % queue_url)
            f.write('  <sound volume="80" urgent="false"/>\n')
        f.write("</player>\n")
    return path


def measure(hallboard, config, display, at, seconds, tmp, name):
    env = dict(os.environ, DISPLAY=":%d" % display, SDL_AUDIODRIVER="disk",
               SDL_DISKAUDIOFILE=os.path.join(tmp, name + ".raw"))
    log = open(os.path.join(tmp, name + ".log"), "wb")
    proc = subprocess.Popen([hallboard, "run", "--config", config, "--at", at()],
                            env=env, stdout=log, stderr=log, start_new_session=True)
    start = time.monotonic()
    time.sleep(20)
    cpu0, t0 = cpu_seconds(proc.pid), time.monotonic()
    pss, rss = [], []
    while time.monotonic() - start < seconds:
        p, r, _ = memory_kb(proc.pid)
        pss.append(p)
        rss.append(r)
        time.sleep(5)
    cpu1, t1 = cpu_seconds(proc.pid), time.monotonic()
    hwm = memory_kb(proc.pid)[2]
    stop(proc)
    return {
        "cpu_percent": 100 * (cpu1 - cpu0) / (t1 - t0),
        "cpu_seconds_per_hour": 3600 * (cpu1 - cpu0) / (t1 - t0),
        "pss_mean_mb": statistics.mean(pss) / 1024, "pss_max_mb": max(pss) / 1024,
        "rss_mean_mb": statistics.mean(rss) / 1024, "rss_max_mb": max(rss) / 1024,
        "hwm_mb": hwm / 1024,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hallboard", nargs="?", default=os.path.join(REPO, "build", "hallboard"))
    ap.add_argument("--minutes", type=float, default=5)
    ap.add_argument("--rate", type=float, default=6, help="calls a minute")
    args = ap.parse_args()
    for tool in ("Xvfb",):
        if not shutil.which(tool):
            sys.exit("calling_day.py: %s is missing" % tool)
    tmp = tempfile.mkdtemp(prefix="hallboard-calling-")
    procs = []
    try:
        xvfb, display = start_xvfb(tmp, "1920x1080")
        procs.append(xvfb)
        sim, sim_start, url = start_queue_sim(REPO, AT, os.path.join(tmp, "sim.log"), "--rate", str(args.rate),
                                              "--names", "--seed", "19",
                                              "--roster", os.path.join(REPO, "content", "roster.xml"))
        procs.append(sim)

        def at():  # the simulator's clock now, for the player's --at
            return (AT + datetime.timedelta(seconds=round(time.monotonic() - sim_start))).isoformat()

        seconds = args.minutes * 60
        results = {}
        for name, queue in (("plain", None), ("calling", url)):
            config = player_xml(tmp, name, queue)
            results[name] = measure(args.hallboard, config, display, at, seconds, tmp, name)
            print(name, {k: round(v, 2) for k, v in results[name].items()}, flush=True)
        calls = sum(1 for line in open(os.path.join(tmp, "sim.log"), errors="replace") if " call " in line)
        spoken = os.path.getsize(os.path.join(tmp, "calling.raw")) if os.path.exists(
            os.path.join(tmp, "calling.raw")) else 0
        print("simulator calls over both runs: %d; disk audio written in the calling run: %.0f s"
              % (calls, spoken / 2 / 22050))
        day = {k: results["calling"]["cpu_seconds_per_hour"] * 8 / 60 for k in ("calling",)}
        print("a calling day (8 open hours): %.1f CPU minutes, against %.1f for the plain rotation"
              % (day["calling"], results["plain"]["cpu_seconds_per_hour"] * 8 / 60))
    finally:
        for p in reversed(procs):
            stop(p)
    print("logs kept in " + tmp)


if __name__ == "__main__":
    main()
