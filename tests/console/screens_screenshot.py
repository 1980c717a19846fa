#!/usr/bin/python3
"""The 屏幕 page at 1366x768 with three screens (current, behind with its
clock three hours ahead, silent), one screen's page with its screenshot,
the token page and its reload, and 播放统计 with an hour of proof of play,
for a person to look at: a real `console serve`, heartbeat-2 over HTTP,
Chromium through Selenium. Not a ctest (it asserts little); run by hand:

usage: screens_screenshot.py BUILD_DIR SOURCE_DIR OUT_DIR
"""
import base64, datetime, hashlib, json, os, subprocess, sys, tempfile, time, urllib.request

from selenium.webdriver.common.by import By

from console_tools import console as console_of, cookie_header, free_port, init_demo, logged_in_chromium, wait_serving, secret

build, source, out = sys.argv[1], sys.argv[2], sys.argv[3]
hallboard = os.path.join(build, "hallboard")
os.makedirs(out, exist_ok=True)


def console(*args):
    return console_of(hallboard, *args)


BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def play_hour(screen):
    """An hour of proof of play up to now: item pages, the roster, a dark spell."""
    now = datetime.datetime.now(BEIJING).replace(microsecond=0)
    at, lines, seq = now - datetime.timedelta(hours=1), [], 0
    pattern = [("item", "530100-001", 15), ("item", "530100-002", 15), ("roster", "", 30)]
    while at < now - datetime.timedelta(minutes=20):
        slide, item, seconds = pattern[seq % 3]
        seq += 1
        end = at + datetime.timedelta(seconds=seconds)
        lines.append({"seq": seq, "screen": screen, "start": at.isoformat(), "end": end.isoformat(),
                      "seconds": seconds, "slide": slide, "page": 1, "pages": 1, "item": item})
        at = end
    lines.append({"seq": seq + 1, "screen": screen, "start": at.isoformat(), "end": now.isoformat(),
                  "seconds": int((now - at).total_seconds()), "slide": "dark"})
    return lines


def beat(base, token, screen, feeds, skew_hours=0):
    shot = open(os.path.join(source, "docs", "console-screens", "08-preview.png"), "rb").read()
    clock = datetime.datetime.now(BEIJING) + datetime.timedelta(hours=skew_hours)
    report = {"format": "hallboard-heartbeat-2", "screen": screen, "uptime_seconds": 93784,
              "time": clock.replace(microsecond=0).isoformat(), "interval_seconds": 60,
              "renderer": "opengl (llvmpipe)", "memory": {"rss_bytes": 61 * 1024 * 1024},
              "page": {"state": "showing", "slide_type": "roster", "page": 2, "page_count": 3, "item": ""},
              "feeds": feeds, "play": play_hour(screen),
              "screenshot": {"type": "image/png", "width": 960, "height": 540,
                             "base64": base64.b64encode(shot).decode()}}
    req = urllib.request.Request(base + "/api/v1/heartbeat", json.dumps(report).encode(),
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    answer = urllib.request.urlopen(req)
    assert answer.status == 200, answer.status
    print(screen, answer.read().decode())


tmp = tempfile.mkdtemp(prefix="hallboard-screens-")
data = os.path.join(tmp, "data")
admin = init_demo(hallboard, source, data)
port = free_port()
base = "http://127.0.0.1:%d" % port
tokens = {s: secret(console("screen", "add", s, "--data", data, "--url", base), "token")
          for s in ("1楼-大厅", "2楼-窗口区", "3楼-备用")}
server = subprocess.Popen([hallboard, "console", "serve", "--data", data, "--listen", "127.0.0.1:%d" % port])
driver = None
try:
    wait_serving(base)
    feeds = []
    for name in ("hall.xml", "roster.xml", "notices.xml", "items.xml", "results.xml", "stats.xml"):
        try:
            body = urllib.request.urlopen(base + "/feeds/" + name).read()
        except OSError:
            continue
        feeds.append({"url": base + "/feeds/" + name, "sha256": hashlib.sha256(body).hexdigest()})
    beat(base, tokens["1楼-大厅"], "1楼-大厅", feeds)
    behind = [dict(f) for f in feeds]
    behind[0]["sha256"] = "0" * 64
    beat(base, tokens["2楼-窗口区"], "2楼-窗口区", behind, skew_hours=3)
    driver = logged_in_chromium(base, admin)
    driver.get(base + "/screens")
    driver.save_screenshot(os.path.join(out, "screens.png"))
    driver.get(base + "/screens/1楼-大厅")
    driver.save_screenshot(os.path.join(out, "screen.png"))
    driver.get(base + "/screens")
    driver.execute_script("window.confirm = () => true")
    driver.find_elements(By.CSS_SELECTOR, "form.inline button")[0].click()
    time.sleep(1)
    driver.save_screenshot(os.path.join(out, "token.png"))
    driver.refresh()
    time.sleep(1)
    driver.save_screenshot(os.path.join(out, "token-reload.png"))
    driver.get(base + "/reports/plays")
    driver.save_screenshot(os.path.join(out, "plays-report.png"))
    csv = urllib.request.urlopen(urllib.request.Request(
        base + "/reports/plays.csv", headers={"Cookie": cookie_header(driver)}))
    body = csv.read()
    open(os.path.join(out, "plays.csv"), "wb").write(body)
    print(csv.headers.get("Content-Disposition"))
    print("screenshots in", out)
finally:
    if driver:
        driver.quit()
    server.terminate()
    server.wait(10)
