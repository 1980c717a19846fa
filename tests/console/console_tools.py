"""What the hand-run console scripts (tests/console/screens_screenshot.py,
bench/compressed_day.py) share: running `hallboard console`, reading the
secrets it prints, a free port, and a logged-in headless Chromium.
Standard library, and Selenium for the browser."""
import os
import signal
import urllib.request
import socket
import subprocess
import sys
import time


def console(hallboard, *args):
    """`hallboard console ARGS`; its standard output. Fails loudly."""
    r = subprocess.run([hallboard, "console", *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def secret(text, label):
    """The value of the line `LABEL: value` (a password, a token)."""
    return next(l[len(label) + 2:] for l in text.splitlines() if l.startswith(label + ": "))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def logged_in_chromium(base, password, user="admin"):
    """Debian's headless Chromium at 1366x768 in Chinese, logged in."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768", "--lang=zh-CN",
              "--disable-dev-shm-usage"):
        o.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    driver.get(base + "/login")
    driver.find_element(By.NAME, "user").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    time.sleep(1)
    return driver


def cookie_header(driver):
    return "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())


def init_demo(hallboard, source, data):
    """`console init` on DATA with the demo's hall, items and roster; the
    admin's password."""
    content = [os.path.join(source, "content", f) for f in ("hall.xml", "items.xml", "roster.xml")]
    return secret(console(hallboard, "init", "--data", data, *content), "admin password")


def wait_answering(url, tries=100):
    """Until a GET of `url` is answered (a server opens its port late)."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)


def wait_serving(base, tries=100):
    """Until `serve` answers /login (it opens its port after the database)."""
    wait_answering(base + "/login", tries)


def start_queue_sim(source, at, log_path, *args):
    """tools/queue_sim.py on a free port with its clock started at `at` (a
    datetime), answering; (process, its start on the monotonic clock, the
    document's URL)."""
    port = free_port()
    log = open(log_path, "wb")
    proc = subprocess.Popen([sys.executable, os.path.join(source, "tools", "queue_sim.py"),
                             "--port", str(port), "--at", at.isoformat()] + list(args),
                            stdout=log, stderr=log, start_new_session=True)
    started = time.monotonic()
    url = "http://127.0.0.1:%d/queue.xml" % port
    wait_answering(url)
    return proc, started, url


class Checks:
    """A test's findings: each line stamped with the seconds since start."""

    def __init__(self, say_ok=False):
        self.failures = []
        self.started = time.monotonic()
        self.say_ok = say_ok

    def note(self, text):
        print("[%5.1f s] %s" % (time.monotonic() - self.started, text), flush=True)

    def check(self, condition, what):
        if not condition:
            self.failures.append(what)
            self.note("FAIL: " + what)
        elif self.say_ok:
            self.note("ok: " + what)
        return condition


def stop(proc, sig=signal.SIGTERM, timeout=10):
    """Signal a process started in its own group (the group, so faketime's
    child goes too); SIGKILL if it does not end within timeout."""
    if proc is None or proc.poll() is not None:
        return proc.returncode if proc else None
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return proc.wait(timeout=10)


def start_xvfb(tmp, size="1280x720"):
    """Xvfb on a display it chooses (-displayfd): no clash with other runs."""
    r, w = os.pipe()
    log = open(os.path.join(tmp, "xvfb.log"), "wb")
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", size + "x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=log, stderr=log, start_new_session=True)
    os.close(w)
    number = b""
    deadline = time.monotonic() + 15
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        chunk = os.read(r, 16)
        if not chunk:
            break
        number += chunk
    os.close(r)
    if not number.strip().isdigit():
        stop(proc)
        raise SystemExit("Xvfb did not start: " + open(os.path.join(tmp, "xvfb.log"), errors="replace").read())
    return proc, int(number)
