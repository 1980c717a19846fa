#!/usr/bin/env python3
"""Benchmark (not a test): the console (`hallboard console serve`) under use.

Usage: /usr/bin/python3 bench/console_bench.py BUILD_DIR SOURCE_DIR [--seconds 20] [--skip-screen]

Standard library only. Makes its own temporary DATA folders (deleted at the
end, with --keep left in place), picks free ports on 127.0.0.1, creates its
users with `hallboard console user add`, runs `hallboard console serve` as a
child and stops it with SIGTERM. BUILD_DIR holds `hallboard` (and, beside it,
`hallboard-console` and `hallboard-screen`); SOURCE_DIR is the repository
(content/ and tests/import/make_fixtures.py are read from it).

What it measures, each printed as rows of one markdown table at the end:

1. Pages and API latency with N (20) concurrent editors: N threads, each
   logged in as its own editor over its own keep-alive connection, for
   --seconds each doing a weighted mix of GET / (今日在岗), GET /absences,
   GET /items?q=登记, GET /records/staff, GET /api/v1/staff,
   GET /api/v1/versions, POST /api/v1/absences (valid: two working days, with
   a substitute nobody makes absent, in a date range of the thread's own) and
   DELETE of it, POST /api/v1/notices. p50/p99/max/count per route and
   overall, client-side (send to last byte of the answer). Run twice: on the
   demo content, and on a console that has imported the 2,000-item XLSX;
   each time last on its console (its hundreds of notices would change the
   preview and the publish). Then one editor alone, GET /api/v1/staff and
   GET / on a keep-alive connection and on a new connection each time.
2. Preview: GET /preview?source=drafts&at=2026-12-07T10:00&size=WxH&screen=
   preview, 5 runs each at 1920x1080 and 1366x768, median (the first pages,
   as the page shows them), then 2 runs of the whole rotation (&all=1); the
   page count and time per page.
3. Import of 2,000 items (tests/import/make_fixtures.py, run into a temp dir
   when BUILD_DIR/tests/import-fixtures lacks them): dry run, then the real
   import, for the XLSX and for the GBK CSV (application/octet-stream). The
   console for this is made from the demo content with windows 8-20 added to
   the roster (the fixture names windows 1-20), so every row imports.
4. Publish: POST /api/v1/publish after one new absence, 10 runs, median and
   max; on the demo hall and after the 2,000-item import.
5. Publish to screen, end to end: `screen add` makes player.xml (default
   poll, 60 s: no poll attribute), its cache dir replaced by a temp one;
   `SDL_VIDEODRIVER=dummy hallboard run --config player.xml --windowed
   960x540` runs; an urgent notice is added and published; the time from the
   publish answer to the screen's log line accepting the new notices.xml,
   and to play.jsonl's first urgent page. Twice.
"""
import argparse
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

AT = "2026-12-07T10:00"
ROWS = []  # (section, what, n, p50, p99, max, note)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.4999)) - 1))
    return v[k]


class Client:
    """One keep-alive connection with a session cookie and CSRF token."""

    def __init__(self, port):
        self.port = port
        self.conn = None
        self.cookie = ""
        self.csrf = ""
        self.reconnects = 0

    def request(self, method, path, body=None, headers=None, timeout=60):
        h = {"Cookie": self.cookie} if self.cookie else {}
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
                if attempt or self.reconnects >= 0:
                    self.reconnects += 1
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.CannotSendRequest):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
                continue
            dt = time.perf_counter() - t0
            if r.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return r.status, data, dt, r
        raise RuntimeError("unreachable")

    def login(self, user, password):
        st, data, _, r = self.request("POST", "/api/v1/session", {"user": user, "password": password})
        if st != 200:
            raise RuntimeError(f"login {user}: {st} {data[:200]!r}")
        self.csrf = json.loads(data)["csrf"]
        m = re.search(r"(hb_session=[^;]+)", r.getheader("Set-Cookie", ""))
        self.cookie = m.group(1)


class Console:
    def __init__(self, build, tmp, name, feeds):
        self.build = build
        self.hb = os.path.join(build, "hallboard")
        self.data = os.path.join(tmp, name)
        out = self.cli("init", "--data", self.data, *feeds)
        self.admin_password = re.search(r"admin password: (\S+)", out).group(1)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def cli(self, *args):
        p = subprocess.run([self.hb, "console", *args], capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"hallboard console {' '.join(args)}: {p.returncode}\n{p.stdout}\n{p.stderr}")
        return p.stdout

    def add_user(self, name, role):
        out = self.cli("user", "add", name, "--role", role, "--data", self.data)
        return re.search(r"password: (\S+)", out).group(1)

    def serve(self):
        self.log = open(self.data + ".serve.log", "wb")
        self.proc = subprocess.Popen(
            [self.hb, "console", "serve", "--data", self.data, "--listen", f"127.0.0.1:{self.port}",
             "--url", self.url], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/login")
                c.getresponse().read()
                c.close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("console did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def client(self, user, password):
        c = Client(self.port)
        c.login(user, password)
        return c


# ---------------------------------------------------------------- 1. latency

def editor_mix(console, client, idx, seconds, staff_ids, substitute, samples, errors, barrier):
    rng = random.Random(idx)
    mix = [("GET /", 3), ("GET /absences", 2), ("GET /items?q=", 2), ("GET /records/staff", 1),
           ("GET /api/v1/staff", 2), ("GET /api/v1/versions", 1), ("POST /api/v1/absences", 1),
           ("POST /api/v1/notices", 1)]
    names = [m for m, w in mix for _ in range(w)]
    pending = []  # absence ids to delete
    n = 0
    barrier.wait()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        what = rng.choice(names)
        if pending and rng.random() < 0.5:
            what = "DELETE /api/v1/absences/{id}"
        expect = (200,)
        body = None
        if what == "GET /items?q=":
            method, path = "GET", "/items?q=" + urllib.parse.quote("登记")
        elif what == "POST /api/v1/absences":
            n += 1
            # Thread idx owns days far in the future: no two absences overlap.
            day = 2 + (n % 20)
            month = 1 + idx % 12
            year = 2028 + idx // 12 + (n // 20)
            start = f"{year:04d}-{month:02d}-{day:02d}T09:00"
            stop = f"{year:04d}-{month:02d}-{day + 6:02d}T17:00"
            method, path = "POST", "/api/v1/absences"
            body = {"staff": staff_ids[(idx + n) % len(staff_ids)], "from": start, "to": stop,
                    "reason": "年休假（压测）", "substitute": substitute}
            expect = (201,)
        elif what == "POST /api/v1/notices":
            method, path = "POST", "/api/v1/notices"
            body = {"level": "info", "text": f"压测通知 {idx}-{n}：今日下午系统维护，请到7号窗口咨询。"}
            expect = (201,)
        elif what.startswith("DELETE"):
            method, path = "DELETE", "/api/v1/absences/" + str(pending.pop())
            expect = (204,)
        else:
            method, path = what.split(" ", 1)
        try:
            st, data, dt, _ = client.request(method, path, body)
        except Exception as e:  # noqa: BLE001 - reported, not raised
            errors.append(f"{what}: {e!r}")
            continue
        samples.append((what, dt))
        if st not in expect:
            errors.append(f"{what}: {st} {data[:300].decode(errors='replace')}")
        elif what == "POST /api/v1/absences":
            pending.append(json.loads(data)["id"])
    for aid in pending:  # leave the drafts as found
        client.request("DELETE", f"/api/v1/absences/{aid}")


def latency_run(console, label, editors, seconds):
    users = []
    for i in range(editors):
        name = f"bench{label[:4]}{i:02d}"
        users.append((name, console.add_user(name, "editor")))
    clients = [console.client(u, p) for u, p in users]
    _, data, _, _ = clients[0].request("GET", "/api/v1/staff")
    staff = json.loads(data)
    ids = [s["id"] for s in staff]
    substitute = ids[-1]
    absent = [i for i in ids if i != substitute]
    samples, errors = [], []
    barrier = threading.Barrier(editors)
    threads = [threading.Thread(target=editor_mix,
                                args=(console, c, i, seconds, absent, substitute, samples, errors, barrier))
               for i, c in enumerate(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    by = {}
    for what, dt in samples:
        by.setdefault(what, []).append(dt * 1000)
    order = ["GET /", "GET /absences", "GET /items?q=", "GET /records/staff", "GET /api/v1/staff",
             "GET /api/v1/versions", "POST /api/v1/absences", "DELETE /api/v1/absences/{id}",
             "POST /api/v1/notices"]
    for what in order:
        v = by.get(what, [])
        ROWS.append((f"1. {editors} editors, {label}", what, len(v), pct(v, 50), pct(v, 99), max(v or [0]), ""))
    allv = [dt * 1000 for _, dt in samples]
    ROWS.append((f"1. {editors} editors, {label}", "**all**", len(allv), pct(allv, 50), pct(allv, 99),
                 max(allv or [0]),
                 f"{len(allv) / wall:.0f} req/s; {len(errors)} errors; "
                 f"{sum(c.reconnects for c in clients) - editors} reconnects"))
    for e in sorted(set(errors))[:10]:
        print(f"  [{label}] error: {e}", file=sys.stderr)
    for c in clients:
        if c.conn:
            c.conn.close()
    return errors


def one_client(console, label, user, password, runs=40):
    """One editor alone: GET /api/v1/staff and GET / over one keep-alive
    connection, and each on a new connection: what the server's own work
    costs, without the other 19 editors."""
    c = console.client(user, password)
    for path in ("/api/v1/staff", "/"):
        for fresh in (False, True):
            v = []
            for _ in range(runs):
                if fresh and c.conn:
                    c.conn.close()
                    c.conn = None
                st, _, dt, _ = c.request("GET", path)
                v.append(dt * 1000)
            ROWS.append((f"1b. one editor alone, {label}", f"GET {path} ({'new connection each' if fresh else 'keep-alive'})",
                         len(v), pct(v, 50), pct(v, 99), max(v), ""))
    if c.conn:
        c.conn.close()


# ---------------------------------------------------------------- 2. preview

def preview_runs(client, size, runs, label="demo", whole=False):
    times, pages = [], None
    for _ in range(runs):
        path = f"/preview?source=drafts&at={AT}&size={size}&screen=preview" + ("&all=1" if whole else "")
        st, data, dt, _ = client.request("GET", path, timeout=120)
        html = data.decode("utf-8", "replace")
        if st != 200:
            m = re.search(r'class="errors">([^<]*)', html)
            ROWS.append((f"2. preview, {label}", f"GET /preview {size}", 1, dt * 1000, float("nan"), dt * 1000,
                         f"**{st}**: {m.group(1) if m else html[:120]}"))
            return
        m = re.search(r"共 (\d+) 页|前 (\d+) 页", html)
        pages = int(m.group(1) or m.group(2)) if m else None
        times.append(dt * 1000)
    med = statistics.median(times)
    per = f"{med / pages:.0f} ms/page" if pages else "page count not found"
    what = f"GET /preview {size}" + (" (whole rotation)" if whole else " (first pages)")
    ROWS.append((f"2. preview, {label}", what, len(times), med, float("nan"), max(times),
                 f"{pages} pages; {per}"))


# ---------------------------------------------------------------- 3. import

def fixtures(build, source, tmp):
    d = os.path.join(build, "tests", "import-fixtures")
    xlsx, csv = os.path.join(d, "items_2000.xlsx"), os.path.join(d, "items_2000_gbk.csv")
    if not (os.path.exists(xlsx) and os.path.exists(csv)):
        d = os.path.join(tmp, "fixtures")
        subprocess.run([sys.executable, os.path.join(source, "tests", "import", "make_fixtures.py"), d], check=True)
        xlsx, csv = os.path.join(d, "items_2000.xlsx"), os.path.join(d, "items_2000_gbk.csv")
    return xlsx, csv


def wide_roster(source, tmp, hb):
    """content/roster.xml with windows 8-20 (the fixture names 1-20), linted."""
    raw = open(os.path.join(source, "content", "roster.xml"), "rb").read().decode("gb18030")
    staff = re.findall(r'<staff id="(s\d+)"', raw)
    extra = []
    for w in range(8, 21):
        a, b = staff[(2 * w) % len(staff)], staff[(2 * w + 1) % len(staff)]
        extra.append(f'    <window id="{w}" name="{w}号窗口" service="综合受理（压测）" '
                     f'closed-note="请到7号综合窗口咨询">\n'
                     f'      <post role="A" staff="{a}"/>\n      <post role="B" staff="{b}"/>\n    </window>\n')
    marker = "    <!-- 请假与补岗"
    assert marker in raw
    raw = raw.replace(marker, "".join(extra) + "\n" + marker, 1)
    path = os.path.join(tmp, "roster-20-windows.xml")
    open(path, "wb").write(raw.encode("gb18030"))
    feeds = [os.path.join(source, "content", f) for f in ("hall.xml", "items.xml")] + [path]
    p = subprocess.run([hb, "lint", *feeds], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"lint of the wide roster: {p.returncode}\n{p.stdout}{p.stderr}")
    return feeds


def import_runs(client, path, label):
    body = open(path, "rb").read()
    hdr = {"Content-Type": "application/octet-stream"}
    result = None
    for dry in (True, False):
        st, data, dt, _ = client.request("POST", "/api/v1/items/import" + ("?dry_run=1" if dry else ""),
                                         body, hdr, timeout=120)
        try:
            a = json.loads(data)
            note = (f"{st}: new {a.get('new')}, changed {a.get('changed')}, unchanged {a.get('unchanged')}, "
                    f"refused {len(a.get('refused', []))}")
            if a.get("refused"):
                note += f" (first: row {a['refused'][0]['row']} {a['refused'][0]['reasons'][:1]})"
        except ValueError:
            note = f"{st}: {data[:200]!r}"
        ROWS.append(("3. import 2,000 items", f"{label} {'dry run' if dry else 'import'} "
                     f"({len(body) // 1024} KiB)", 1, dt * 1000, float("nan"), dt * 1000, note))
        result = st
    return result


# ---------------------------------------------------------------- 4. publish

def publish_runs(client, label, runs, staff, substitute):
    times, versions = [], []
    for i in range(runs):
        st, data, _, _ = client.request("POST", "/api/v1/absences", {
            "staff": staff, "from": f"2030-03-{4 + i:02d}T09:00", "to": f"2030-03-{4 + i:02d}T12:00",
            "reason": "就医", "substitute": substitute})
        if st != 201:
            raise RuntimeError(f"absence before publish: {st} {data[:300]!r}")
        st, data, dt, _ = client.request("POST", "/api/v1/publish", b"", timeout=120)
        if st != 201:
            ROWS.append((f"4. publish, {label}", "POST /api/v1/publish", 1, dt * 1000, float("nan"), dt * 1000,
                         f"**{st}** {data[:200].decode(errors='replace')}"))
            return
        versions.append(json.loads(data)["version"])
        times.append(dt * 1000)
    ROWS.append((f"4. publish, {label}", "POST /api/v1/publish (after 1 absence)", len(times),
                 statistics.median(times), float("nan"), max(times), f"versions {versions[0]}-{versions[-1]}"))


# ---------------------------------------------------------------- 5. screen

class Screen:
    def __init__(self, hb, console, tmp):
        out = console.cli("screen", "add", "lobby-1", "--data", console.data, "--url", console.url)
        xml = out[out.index("<?xml"):]
        self.cache = os.path.join(tmp, "screen-cache")
        xml = re.sub(r'<cache dir="[^"]*"', f'<cache dir="{self.cache}"', xml)
        self.poll = re.search(r'poll="(\d+)"', xml)
        self.poll = int(self.poll.group(1)) if self.poll else 60
        self.config = os.path.join(tmp, "player.xml")
        open(self.config, "w").write(xml)
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        self.lines = []  # (perf_counter, line)
        self.proc = subprocess.Popen([hb, "run", "--config", self.config, "--windowed", "960x540"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stderr:
            self.lines.append((time.perf_counter(), raw.decode("utf-8", "replace").rstrip()))

    def wait_for(self, pattern, since, timeout):
        deadline = time.perf_counter() + timeout
        rx = re.compile(pattern)
        while time.perf_counter() < deadline:
            for t, line in list(self.lines):
                if t >= since and rx.search(line):
                    return t, line
            time.sleep(0.05)
        return None, None

    def play_urgent_since(self, count_before):
        """The first urgent page in play.jsonl after count_before lines (a
        line is written when its page leaves the screen)."""
        path = os.path.join(self.cache, "play.jsonl")
        try:
            lines = open(path, encoding="utf-8").read().splitlines()
        except OSError:
            return None
        for line in lines[count_before:]:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("slide") == "urgent":
                return entry
        return None

    def play_count(self):
        try:
            return len(open(os.path.join(self.cache, "play.jsonl"), encoding="utf-8").read().splitlines())
        except OSError:
            return 0

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def end_to_end(hb, console, approver, tmp, rounds):
    screen = Screen(hb, console, tmp)
    try:
        # The first content (version 1 from init) must be on screen first.
        t, line = screen.wait_for(r"notices\.xml: accepted", 0, 60)
        time.sleep(2)
        for r in range(rounds):
            st, data, _, _ = approver.request("POST", "/api/v1/notices", {
                "level": "urgent", "text": f"紧急通知（压测 {r + 1}）：今日14时起暂停办理不动产登记业务。"})
            assert st == 201, (st, data)
            plays = screen.play_count()
            st, data, dt, _ = approver.request("POST", "/api/v1/publish", b"")
            t0, t0_wall = time.perf_counter(), time.time()
            assert st == 201, (st, data)
            t, line = screen.wait_for(r"new content: .*notices\.xml|notices\.xml: accepted", t0,
                                      screen.poll * 2 + 30)
            play = None
            deadline = time.perf_counter() + 90
            while time.perf_counter() < deadline and play is None:
                play = screen.play_urgent_since(plays)
                if play is None:
                    time.sleep(0.2)
            note = f"poll {screen.poll} s; log: {line[line.find(']') + 2:][:60]!r}…" if line else \
                "**no log line within 2 polls + 30 s**"
            if play:
                on = datetime.datetime.fromisoformat(play["start"]).timestamp()
                note += f"; play.jsonl: urgent page on screen from +{on - t0_wall:.0f} s (1 s resolution)"
            else:
                note += "; no urgent page in play.jsonl"
            ROWS.append(("5. publish to screen", f"urgent notice, round {r + 1}", 1,
                         (t - t0) * 1000 if t else float("nan"), float("nan"),
                         (t - t0) * 1000 if t else float("nan"), note))
            time.sleep(1 + random.random() * 5)  # a different phase of the poll next round
    finally:
        screen.stop()
        with open(os.path.join(tmp, "screen.log"), "w") as f:
            f.write("\n".join(f"{t:.3f} {l}" for t, l in screen.lines))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("source")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--editors", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2, help="end-to-end rounds")
    ap.add_argument("--skip-screen", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = ap.parse_args()
    build, source = os.path.abspath(args.build), os.path.abspath(args.source)
    hb = os.path.join(build, "hallboard")
    tmp = tempfile.mkdtemp(prefix="hb-console-bench-")
    demo = [os.path.join(source, "content", f) for f in ("hall.xml", "items.xml", "roster.xml")]
    consoles = []
    started = time.time()
    try:
        # The demo hall.
        a = Console(build, tmp, "demo", demo)
        consoles.append(a)
        a.serve()
        approver_pw = a.add_user("approver", "approver")
        appr = a.client("approver", approver_pw)
        _, data, _, _ = appr.request("GET", "/api/v1/staff")
        ids = [s["id"] for s in json.loads(data)]
        print("2. preview …", file=sys.stderr)
        for size in ("1920x1080", "1366x768"):
            preview_runs(appr, size, 5)
            preview_runs(appr, size, 2, whole=True)
        print("4. publish, demo …", file=sys.stderr)
        publish_runs(appr, "demo hall", 10, ids[0], ids[-1])
        if not args.skip_screen:
            print("5. publish to screen …", file=sys.stderr)
            end_to_end(hb, a, appr, tmp, args.rounds)
        # Last: its notices (hundreds) would change the preview and publish.
        print("1. latency, demo …", file=sys.stderr)
        latency_run(a, "demo content", args.editors, args.seconds)
        one_client(a, "demo content", "approver", approver_pw)
        a.stop()

        # The 2,000 items.
        xlsx, csv = fixtures(build, source, tmp)
        feeds = wide_roster(source, tmp, hb)
        b = Console(build, tmp, "items2000", feeds)
        consoles.append(b)
        b.serve()
        bpw = b.add_user("approver", "approver")
        bappr = b.client("approver", bpw)
        _, data, _, _ = bappr.request("GET", "/api/v1/staff")
        bids = [s["id"] for s in json.loads(data)]
        print("3. import …", file=sys.stderr)
        import_runs(bappr, xlsx, "XLSX")
        import_runs(bappr, csv, "GBK CSV")
        print("4. publish after import …", file=sys.stderr)
        publish_runs(bappr, "after the 2,000-item import", 10, bids[0], bids[-1])
        print("2. preview, 2,000 items …", file=sys.stderr)
        preview_runs(bappr, "1920x1080", 1, "2,000 items")
        print("1. latency, 2,000 items …", file=sys.stderr)
        latency_run(b, "2,000 items", args.editors, args.seconds)
        one_client(b, "2,000 items", "approver", bpw)
        b.stop()
    finally:
        for c in consoles:
            c.stop()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    load = open("/proc/loadavg").read().split()[:3]
    print(f"\nhallboard console benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}, "
          f"{os.cpu_count()} CPUs, load average at the end {' '.join(load)}, "
          f"{time.time() - started:.0f} s in all\n")
    print("| section | request | n | p50 / median ms | p99 ms | max ms | notes |")
    print("|---|---|---:|---:|---:|---:|---|")

    def f(x):
        return "–" if x != x else f"{x:.1f}" if x < 100 else f"{x:.0f}"
    for sec, what, n, p50, p99, mx, note in ROWS:
        print(f"| {sec} | {what} | {n} | {f(p50)} | {f(p99)} | {f(mx)} | {note} |")


if __name__ == "__main__":
    main()
