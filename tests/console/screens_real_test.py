#!/usr/bin/env python3
"""Three real `hallboard run` players under a real X server (Xvfb) report
to a real `hallboard-console serve` on 127.0.0.1 (issue 18, "Tests with
real parts").

usage: screens_real_test.py HALLBOARD-CONSOLE SOURCE-DIR HALLBOARD

init, `screen add` x3 (the player.xml each prints, heartbeat interval set to
the minimum, 10 s), serve on a free port, Xvfb on a display it picks itself
(-displayfd), three players in X11 windows; lobby-3 runs under
`faketime -f -3h` (its clock three hours behind). Then, each checked through
GET /api/v1/screens (logged in through the JSON API), GET /metrics and the
console's plays table (read-only):

- all three report: online, last_seen set, content_current;
- lobby-2's token is replaced on the screens page (the "new token" action,
  which revokes the old one; the CLI has no revoke): its heartbeats get 401,
  nothing more is stored for it, and it goes offline after three intervals;
- lobby-1 is killed with SIGKILL and started again: its proof-of-play
  numbers carry on, and every line up to its play.ack is stored exactly once;
- the console is killed with SIGKILL and started again while the players
  report: they go on reporting, nothing is lost (the same check);
- lobby-3 (clock -3 h) is online all along (the console judges by its own
  receive time) and its lines are stored; hallboard_screen_clock_skew_seconds
  is about -10800 for it if /metrics has that metric;
- GET /reports/plays.csv?month=… starts with a UTF-8 BOM and names the
  screens, if the console has that report.

Exit status 77 (skipped) when Xvfb or faketime is not installed.
Standard library only; every process is ended on the way out.
"""
import http.client
import json
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
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_tools import Checks, free_port, start_xvfb, stop  # noqa: E402

CONSOLE, SOURCE, HALLBOARD = sys.argv[1], sys.argv[2], sys.argv[3]
CONTENT = [os.path.join(SOURCE, "content", n) for n in ("hall.xml", "items.xml", "roster.xml")]
SCREENS = ("lobby-1", "lobby-2", "lobby-3")
SKEWED = "lobby-3"  # runs under faketime -3h
REVOKED = "lobby-2"
KILLED = "lobby-1"
INTERVAL = 10  # the smallest heartbeat interval the config allows
AT = "2026-11-27T10:00"  # a Friday morning: the hall is open, pages turn

checks = Checks()
note, check, failures = checks.note, checks.check, checks.failures
running = []  # the players that must not end by themselves


def poll(what, predicate, timeout, step=0.25):
    """predicate() until it returns something true; that value, or None
    (and a failure) after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        for p in running:
            if p.proc is not None and p.proc.poll() is not None:
                raise SystemExit("%s ended (status %s) while %s: %s"
                                 % (p.screen, p.proc.returncode, what, p.log_text()[-2000:]))
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            check(False, "%s (waited %d s)" % (what, timeout))
            return None
        time.sleep(step)


class Console:
    def __init__(self, data, port, log):
        self.data, self.port, self.log = data, port, log
        self.proc = None
        self.cookie = self.csrf = None

    def start(self):
        base = "http://127.0.0.1:%d" % self.port
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([CONSOLE, "serve", "--data", self.data, "--listen",
                                          "127.0.0.1:%d" % self.port, "--url", base],
                                         stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("serve exited: " + open(self.log, errors="replace").read())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("serve did not start listening")

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def login(self, password):
        status, headers, body = self.request("POST", "/api/v1/session",
                                             json.dumps({"user": "admin", "password": password}),
                                             {"Content-Type": "application/json"})
        if status != 200:
            raise SystemExit("login: %d %s" % (status, body))
        self.cookie = headers["set-cookie"].split(";")[0]
        self.csrf = json.loads(body)["csrf"]

    def get(self, path):
        return self.request("GET", path, headers={"Cookie": self.cookie})

    def screens(self):
        status, _, body = self.get("/api/v1/screens")
        if not check(status == 200, "GET /api/v1/screens: %d %s" % (status, body[:200])):
            return {}
        return {s["screen"]: s for s in json.loads(body)}

    def metrics(self):
        status, _, body = self.request("GET", "/metrics")
        check(status == 200, "GET /metrics: %d" % status)
        out = {}
        for line in body.decode("utf-8", "replace").splitlines():
            m = re.match(r'^(\w+)\{screen="([^"]*)"\} (\S+)$', line)
            if m:
                out[(m.group(1), m.group(2))] = float(m.group(3))
        return out


class Player:
    def __init__(self, tmp, screen, player_xml, display):
        self.screen = screen
        self.cache = os.path.join(tmp, "cache-" + screen)
        self.config = os.path.join(tmp, screen + ".xml")
        self.log = os.path.join(tmp, screen + ".log")
        self.display = display
        text = re.sub(r'<cache dir="[^"]*"', '<cache dir="%s"' % self.cache, player_xml)
        text, n = re.subn(r'(<heartbeat\b[^>]*\binterval=")\d+(")', r"\g<1>%d\g<2>" % INTERVAL, text)
        assert n == 1 and self.cache in text, text
        # Never dark: the skewed player runs at the real hour less three, and a
        # dark screen writes its one line only when the dark ends, so outside
        # opening hours it would have nothing to report during the test.
        text, n = re.subn(r'\s*blank-outside-hours="\d+"', "", text)
        assert n == 1, text
        with open(self.config, "w", encoding="utf-8") as f:
            f.write(text)
        self.proc = None

    def start(self):
        env = dict(os.environ, DISPLAY=":%d" % self.display, SDL_VIDEODRIVER="x11", no_proxy="*")
        args = [HALLBOARD, "run", "--config", self.config, "--windowed", "640x360"]
        if self.screen == SKEWED:
            # The whole clock three hours behind, and no --at: the report's
            # "time" is the player's own (wrong) clock. The monotonic clock
            # stays real (a -3 h uptime clock could go below zero).
            env.update(DONT_FAKE_MONOTONIC="1")
            args = ["faketime", "-f", "-3h"] + args
        else:
            args += ["--at", AT]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=log, env=env, start_new_session=True)

    def ack(self):
        try:
            with open(os.path.join(self.cache, "play.ack")) as f:
                return int(f.read().strip() or 0)
        except (OSError, ValueError):
            return 0

    def numbers(self):
        """The numbers of the whole lines in play.jsonl and its rotations."""
        out = []
        if not os.path.isdir(self.cache):
            return out
        for name in sorted(os.listdir(self.cache)):
            if name.startswith("play.jsonl"):
                with open(os.path.join(self.cache, name), encoding="utf-8", errors="replace") as f:
                    for line in f:
                        m = re.match(r'^\{"seq":(\d+),', line)
                        if m and line.endswith("\n"):
                            out.append(int(m.group(1)))
        return sorted(out)

    def log_text(self):
        with open(self.log, encoding="utf-8", errors="replace") as f:
            return f.read()


def stored(data, screen):
    """seq of every plays row of the screen, from the database opened read-only."""
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data, "console.db"), uri=True, timeout=10)
    try:
        return [r[0] for r in db.execute("SELECT seq FROM plays WHERE screen = ? ORDER BY seq", (screen,))]
    finally:
        db.close()


def contacts(data, screen):
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data, "console.db"), uri=True, timeout=10)
    try:
        return db.execute("SELECT COUNT(*), MAX(id) FROM screen_contacts WHERE screen = ?",
                          (screen,)).fetchone()
    finally:
        db.close()


def exactly_once(data, player, what):
    """Every whole line up to the player's play.ack is stored, once; nothing
    stored that the player did not write; numbers without gaps."""
    ack, on_disk, rows = player.ack(), player.numbers(), stored(data, player.screen)
    acked = [n for n in on_disk if n <= ack]
    ok = check(len(rows) == len(set(rows)), "%s: %s: no line stored twice: %s" % (what, player.screen, rows))
    ok &= check(ack >= 1 and [n for n in rows if n <= ack] == acked,
                "%s: %s: lines up to ack %d stored once each: on disk %s, stored %s"
                % (what, player.screen, ack, on_disk, rows))
    # Lines above the ack may be stored already (the answer was lost, e.g.
    # with the console killed); the player sends them again, counted once.
    ok &= check(set(rows) <= set(on_disk), "%s: %s: stored lines the player wrote: %s vs %s"
                % (what, player.screen, rows, on_disk))
    ok &= check(acked == list(range(1, len(acked) + 1)),
                "%s: %s: numbers 1, 2, 3 … without gaps up to %d: %s" % (what, player.screen, ack, acked))
    if ok:
        note("%s: %s: %d lines on disk, ack %d, %d stored once each"
             % (what, player.screen, len(on_disk), ack, len(rows)))
    return ack, on_disk, rows


def end_on_signal(signum, frame):
    raise SystemExit("stopped by signal %d" % signum)  # so that main's finally ends every process


def main():
    signal.signal(signal.SIGTERM, end_on_signal)
    signal.signal(signal.SIGINT, end_on_signal)
    missing = [p for p in ("Xvfb", "faketime") if shutil.which(p) is None]
    if missing:
        print("skipped: %s not installed (Debian: apt-get install xvfb faketime)" % " and ".join(missing))
        return 77
    tmp = tempfile.mkdtemp(prefix="hallboard-screens-real-")
    xvfb = console = None
    players = {}
    try:
        data = os.path.join(tmp, "data")
        r = subprocess.run([CONSOLE, "init", "--data", data, *CONTENT], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        password = re.search(r"^admin password: (\S+)$", r.stdout, re.M).group(1)
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        xvfb, display = start_xvfb(tmp)
        note("Xvfb on :%d" % display)
        for screen in SCREENS:
            r = subprocess.run([CONSOLE, "screen", "add", screen, "--data", data, "--url", base],
                               capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
            first, _, player_xml = r.stdout.partition("\n")
            assert first.startswith("token: "), r.stdout
            players[screen] = Player(tmp, screen, player_xml, display)
        console = Console(data, port, os.path.join(tmp, "console.log"))
        console.start()
        console.login(password)
        for p in players.values():
            p.start()
            running.append(p)

        # 1. All three report: online, last_seen, content_current (init
        # published the demo content as version 1; the players fetch it).
        def all_current():
            s = console.screens()
            return s if all(s.get(n, {}).get("online") and s[n].get("last_seen")
                            and s[n].get("content_current") for n in SCREENS) else None
        s = poll("all three screens online with the published content", all_current, 45)
        if not s:
            return 1  # everything after needs reporting screens
        note("all three report: " + json.dumps(s, ensure_ascii=False))
        m = console.metrics()
        for n in SCREENS:
            check(m.get(("hallboard_screen_up", n)) == 1, "/metrics: hallboard_screen_up{screen=%s} is 1" % n)
            check(("hallboard_screen_last_heartbeat_timestamp_seconds", n) in m,
                  "/metrics: last heartbeat timestamp for %s" % n)

        # 2. Revoke lobby-2's token (the screens page's "new token" action).
        revoked = players[REVOKED]
        poll("%s has a first acknowledgement" % REVOKED, lambda: revoked.ack() >= 1, 3 * INTERVAL)
        status, _, body = console.request(
            "POST", "/screens/%s/token" % REVOKED, urllib.parse.urlencode({"csrf": console.csrf}),
            {"Cookie": console.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        # The page with the new token, or a redirect to it (POST-redirect-GET).
        check((status == 200 and "令牌" in body.decode("utf-8", "replace")) or status == 303,
              "new token for %s: %d" % (REVOKED, status))
        revoked_at = time.monotonic()
        time.sleep(0.5)  # a report already under way when the token changed
        before = (stored(data, REVOKED), contacts(data, REVOKED), console.screens()[REVOKED]["last_seen"])
        note("%s: token replaced; %d plays rows, %d contacts" % (REVOKED, len(before[0]), before[1][0]))
        log_before = len(revoked.log_text())

        # 3. lobby-1 killed (SIGKILL) and started again.
        killed = players[KILLED]
        poll("%s has a first acknowledgement" % KILLED, lambda: killed.ack() >= 1, 3 * INTERVAL)
        running.remove(killed)
        stop(killed.proc, signal.SIGKILL)
        before_kill = killed.numbers()
        ack_before_kill = killed.ack()
        note("%s killed: lines %s, ack %d" % (KILLED, before_kill, ack_before_kill))
        killed.start()
        running.append(killed)
        highest = max(before_kill or [0])
        poll("%s restarted: its newer lines are acknowledged" % KILLED,
             lambda: killed.ack() > highest and killed.numbers()[-1] > highest, 40)
        after = killed.numbers()
        check(after[:len(before_kill)] == before_kill and after[len(before_kill):] == list(
            range(highest + 1, highest + 1 + len(after) - len(before_kill))),
              "%s: numbers carry on after the restart: %s then %s" % (KILLED, before_kill, after))
        exactly_once(data, killed, "after the player's restart")

        # Meanwhile lobby-2's heartbeats went out with the old token.
        poll("%s: the player logs a 401 for its heartbeat" % REVOKED,
             lambda: "401" in revoked.log_text()[log_before:], 2 * INTERVAL + 5)

        # 4. The console killed (SIGKILL) and started again while players report.
        acks = {n: players[n].ack() for n in SCREENS}
        seen = {n: v["last_seen"] for n, v in console.screens().items()}
        stop(console.proc, signal.SIGKILL)
        note("console killed; acks %s" % acks)
        time.sleep(2)
        console.start()
        console.login(password)
        note("console started again")
        for n in (KILLED, SKEWED):
            p = players[n]
            highest = max(p.numbers() or [0])
            poll("%s: reports after the console's restart, lines acknowledged up to %d" % (n, highest),
                 lambda: p.ack() >= highest and console.screens()[n]["last_seen"] != seen[n], 3 * INTERVAL)
        s = console.screens()
        for n in (KILLED, SKEWED):
            check(s.get(n, {}).get("online") and s[n].get("content_current"),
                  "%s online and current after the console's restart: %s" % (n, s.get(n)))

        # 5. The skewed clock: online, lines stored, skew in /metrics if there.
        skewed = players[SKEWED]
        log = skewed.log_text()
        m = console.metrics()
        check(m.get(("hallboard_screen_up", SKEWED)) == 1, "%s (clock -3 h) is up in /metrics" % SKEWED)
        check(s.get(SKEWED, {}).get("online"), "%s (clock -3 h) online" % SKEWED)
        skew = m.get(("hallboard_screen_clock_skew_seconds", SKEWED))
        if skew is None:
            note("note: /metrics has no hallboard_screen_clock_skew_seconds yet; not checked")
        else:
            if check(abs(skew + 10800) < 120, "clock skew of %s is about -10800: %s" % (SKEWED, skew)):
                note("clock skew of %s in /metrics: %s" % (SKEWED, skew))
            for n in (KILLED,):
                note("clock skew of %s (run with --at %s): %s"
                     % (n, AT, m.get(("hallboard_screen_clock_skew_seconds", n))))

        # The revoked screen: nothing more stored, offline after three intervals.
        after_revoke = (stored(data, REVOKED), contacts(data, REVOKED))
        check(after_revoke[0] == before[0], "%s: no plays stored after the token was revoked: %d then %d"
              % (REVOKED, len(before[0]), len(after_revoke[0])))
        check(after_revoke[1] == before[1], "%s: no contact stored after the token was revoked: %s then %s"
              % (REVOKED, before[1], after_revoke[1]))
        wait = 3 * INTERVAL + 2 - (time.monotonic() - revoked_at)

        # The players stop (SIGTERM) before the last count, so that play.ack
        # and play.jsonl stand still while they are compared with the table.
        for p in (killed, skewed):
            ack = p.ack()
            poll("%s: one more acknowledgement" % p.screen, lambda: p.ack() > ack, 2 * INTERVAL + 5)
        running.clear()
        for p in players.values():
            status = stop(p.proc)
            # faketime itself dies of the SIGTERM its child handles: the
            # player's own clean stop is its log's last line.
            check(status == 0 or (p.screen == SKEWED and poll(
                "%s logs its clean stop" % p.screen, lambda: p.log_text().rstrip().endswith("stopped"), 10)),
                  "%s ends cleanly on SIGTERM (status %s)" % (p.screen, status))
        for p in players.values():
            exactly_once(data, p, "at the end")
        check(len(stored(data, SKEWED)) >= 1, "%s (clock -3 h): lines stored" % SKEWED)
        check("401" not in killed.log_text() and "401" not in log,
              "no 401 for the screens whose token stands")

        if wait > 0:
            time.sleep(wait)
        s = console.screens()
        check(s.get(REVOKED) is not None and s[REVOKED].get("online") is False,
              "%s offline %d s after its token was revoked: %s"
              % (REVOKED, time.monotonic() - revoked_at, s.get(REVOKED)))
        m = console.metrics()
        check(m.get(("hallboard_screen_up", REVOKED)) == 0, "/metrics: %s is down" % REVOKED)
        check(stored(data, REVOKED) == before[0], "%s: still nothing more stored" % REVOKED)
        note("revoked %s: online %s, last_seen %s (was %s)"
             % (REVOKED, s.get(REVOKED, {}).get("online"), s.get(REVOKED, {}).get("last_seen"), before[2]))

        # 6. The monthly CSV, when the console has it.
        # The players with --at start in AT's month; lobby-3's lines in
        # the month of its clock (three hours behind, in the hall's +08:00).
        hall_now = time.time() + 8 * 3600
        months = sorted({AT[:7], time.strftime("%Y-%m", time.gmtime(hall_now)),
                         time.strftime("%Y-%m", time.gmtime(hall_now - 10800))})
        text = ""
        for month in months:
            status, headers, body = console.get("/reports/plays.csv?month=" + month)
            if status == 404:
                note("note: GET /reports/plays.csv answers 404; the CSV is not checked")
                break
            if check(status == 200, "plays.csv?month=%s: %d" % (month, status)):
                check(body.startswith(b"\xef\xbb\xbf"), "plays.csv?month=%s starts with the UTF-8 BOM" % month)
                text += body.decode("utf-8-sig", "replace")
        else:
            for n in SCREENS:
                check(n in text, "plays.csv (%s) names %s" % (", ".join(months), n))
            note("plays.csv: %d lines for %s" % (text.count("\n"), ", ".join(months)))

        note("%d checks failed" % len(failures) if failures else "ok")
        return 1 if failures else 0
    finally:
        for p in players.values():
            stop(p.proc)
        if console:
            stop(console.proc)
        stop(xvfb)
        if failures and os.environ.get("HALLBOARD_KEEP_TMP"):
            print("kept", tmp)
        else:
            if failures:
                for name in ("console.log",) + tuple(n + ".log" for n in SCREENS):
                    path = os.path.join(tmp, name)
                    if os.path.exists(path):
                        print("--- %s (last lines)" % name)
                        print("".join(open(path, errors="replace").readlines()[-15:]))
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
