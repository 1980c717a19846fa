#!/usr/bin/python3
"""A day of a hall compressed into minutes: two real `hallboard run` players
(SDL's dummy video driver) run a whole simulated day (`--at DAY --speed
480`, 24 h in 3 minutes) and report to a real `console serve`, then start
again next morning for 25 s (which sends the evening's line); then the
屏幕 page and 播放统计 are photographed at 1366x768 (Chromium through
Selenium) and the month's CSV is saved, for a person to look at.
Not a ctest: run by hand.

usage: compressed_day.py BUILD_DIR SOURCE_DIR OUT_DIR [DAY]
  DAY defaults to 2026-12-04 (a Friday, a working day).
"""
import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "console"))
from console_tools import console as console_of, cookie_header, free_port, init_demo, logged_in_chromium, wait_serving  # noqa: E402

build, source, out = sys.argv[1], sys.argv[2], sys.argv[3]
day = sys.argv[4] if len(sys.argv) > 4 else "2026-12-04"
hallboard = os.path.join(build, "hallboard")
SPEED = 480  # 86,400 s / 480 = 180 s
SCREENS = ("1楼-大厅", "2楼-窗口区")
os.makedirs(out, exist_ok=True)


def console(*args):
    return console_of(hallboard, *args)


def player_xml(text, cache):
    """The player.xml `screen add` printed, with a 10 s heartbeat and its own cache."""
    xml = text[text.index("<?xml"):]
    xml = re.sub(r'interval="\d+"', 'interval="10"', xml)
    return re.sub(r"<cache[^>]*/>", "", xml).replace("</player>", '  <cache dir="%s"/>\n</player>' % cache)


def acknowledged(cache):
    try:
        return int(open(os.path.join(cache, "play.ack")).read().strip() or 0)
    except (OSError, ValueError):
        return 0


tmp = tempfile.mkdtemp(prefix="hallboard-day-")
data = os.path.join(tmp, "data")
admin = init_demo(hallboard, source, data)
port = free_port()
base = "http://127.0.0.1:%d" % port
server = subprocess.Popen([hallboard, "console", "serve", "--data", data, "--listen", "127.0.0.1:%d" % port,
                           "--url", base])
players, driver = [], None
try:
    wait_serving(base)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    caches = []
    for screen in SCREENS:
        cache = os.path.join(tmp, "cache-" + screen)
        caches.append(cache)
        config = os.path.join(tmp, screen + ".xml")
        open(config, "w").write(player_xml(console("screen", "add", screen, "--data", data, "--url", base), cache))
        log = open(os.path.join(tmp, screen + ".log"), "w")
        players.append(subprocess.Popen(
            [hallboard, "run", "--config", config, "--windowed", "1280x720", "--at", day + "T00:00",
             "--speed", str(SPEED), "--exit-after", str(86400 // SPEED)], stdout=log, stderr=log, env=env))
    for p in players:
        p.wait(timeout=86400 // SPEED + 120)
    # Each line is written when its page leaves the screen and goes with the
    # next report, so the evening's dark line is still in play.jsonl when
    # the day ends: the next morning's start (at normal speed, 25 s) sends it.
    nxt = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
    players = []
    for screen in SCREENS:
        log = open(os.path.join(tmp, screen + ".log"), "a")
        players.append(subprocess.Popen(
            [hallboard, "run", "--config", os.path.join(tmp, screen + ".xml"), "--windowed", "1280x720",
             "--at", nxt + "T00:00", "--exit-after", "25"], stdout=log, stderr=log, env=env))
    for p in players:
        p.wait(timeout=120)
    # The lines of the last minutes went with the last reports, or wait in
    # play.jsonl for the next run; say how many the console has.
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data, "console.db"), uri=True)
    for screen, cache in zip(SCREENS, caches):
        rows = db.execute("SELECT count(*), coalesce(max(seq), 0) FROM plays WHERE screen = ?", (screen,)).fetchone()
        print("%s: %d lines stored, highest %d, play.ack %d" % (screen, rows[0], rows[1], acknowledged(cache)))
    driver = logged_in_chromium(base, admin)
    month = day[:7]
    for name, path in (("day-screens", "/screens"), ("day-screen", "/screens/" + SCREENS[0]),
                       ("day-report", "/reports/plays?month=" + month)):
        driver.get(base + path)
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1366, max(768, min(height + 40, 4000)))
        driver.save_screenshot(os.path.join(out, name + ".png"))
        driver.set_window_size(1366, 768)
    cookie = cookie_header(driver)
    csv = urllib.request.urlopen(urllib.request.Request(base + "/reports/plays.csv?month=" + month,
                                                        headers={"Cookie": cookie}))
    open(os.path.join(out, "day-plays-%s.csv" % month), "wb").write(csv.read())
    print("pictures and CSV in", out)
finally:
    if driver:
        driver.quit()
    for p in players:
        if p.poll() is None:
            p.kill()
    server.terminate()
    server.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)
