#!/usr/bin/env python3
"""A queue-calling system (叫号系统) for demos and tests: serves the queue
document of docs/feed-format.md section 17 (schema/queue-v1.xsd) from a
day of tickets, random or scripted. Python 3 standard library only.

  tools/queue_sim.py --port 8090                       # random calls, windows 1-6
  tools/queue_sim.py --port 8090 --roster content/roster.xml --names
  tools/queue_sim.py --out /tmp/queue.xml --script day.txt   # a file source
  tools/queue_sim.py --port 8090 --at 2026-11-27T10:00:00+08:00   # beside hallboard run --at

The player config then names it: <queue url="http://127.0.0.1:8090/queue.xml"/>
(or url="/tmp/queue.xml" for --out).

HTTP: GET /queue.xml answers 200 with an ETag (a hash of the body) and
Last-Modified, and 304 when If-None-Match names the current ETag (or, without
it, If-Modified-Since is not older than the document); HEAD works alike;
every other path is 404. The document changes only when something happens
(`generated` is the time of the last change), so an unchanged hall costs a
304. --out FILE rewrites FILE atomically (a temporary file, then rename)
whenever the document changes. The first line printed is where it serves
(with the port chosen when --port is 0), then one line per event.

Random mode (without --script): each window calls its next ticket at random,
--rate calls a minute in all; its own service letter (window 1: A, 2: B, …)
numbers its tickets A001, A002, …; people arrive as fast as they are called,
so the waiting counts wander; now and then one window pauses for a while.
--names adds a caller's name and form of address (女士/先生) to each call,
so the screen's masking (张＊女士) can be seen. --seed makes it repeatable.

Script mode (--script FILE): one event a line, SECONDS counted from the
start, in any order (run in time order, ties in file order); # starts a
comment, to the end of its line:
  SECONDS call WINDOW TICKET [NAME TITLE]   call TICKET to WINDOW (it opens)
  SECONDS pause WINDOW                      the window pauses (暂停)
  SECONDS open WINDOW                       the window opens again
  SECONDS close WINDOW                      the window closes (关闭)
  SECONDS waiting WINDOW N                  N people wait for WINDOW
  SECONDS silent DURATION                   no answers for DURATION seconds:
                                            requests are accepted and hang,
                                            then the connection closes
A window the script names that --windows/--roster lack is added. After the
last event the simulator keeps serving the last state until stopped.
"""
import argparse
import email.utils
import hashlib
import os
import random
import re
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import quoteattr

CHINA = timezone(timedelta(hours=8))
KEPT_CALLS = 50  # the last calls listed, as the player keeps at most 50
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌辉鹏飞宇浩然欣怡子涵雪晴"
TITLES = ("女士", "先生")


def iso(t):
    """Unix seconds as the document writes them: 2026-12-02T10:15:03+08:00."""
    return datetime.fromtimestamp(t, CHINA).isoformat(timespec="seconds")


def roster_windows(path):
    """The window ids of a roster feed's <roster>, in order. Feeds may be
    GB18030 or GBK, which expat cannot read: decoded here by the XML
    declaration's encoding, then parsed as text."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        m = re.match(rb'<\?xml[^>]*encoding=["\']([A-Za-z0-9_.-]+)["\']', data.lstrip(b"\xef\xbb\xbf"))
        text = data.decode(m.group(1).decode() if m else "utf-8-sig")
    text = re.sub(r"^\ufeff?<\?xml[^>]*\?>", "", text)
    ids = []
    for roster in ET.fromstring(text).iter("roster"):
        for w in roster.findall("window"):
            if w.get("id") and w.get("id") not in ids:
                ids.append(w.get("id"))
    return ids


class Hall:
    """The queue system's state and its document, re-rendered on every
    change; shared by the event thread and the HTTP threads."""

    def __init__(self, window_ids, out_path=None, clock=time.time):
        self.clock = clock  # Unix seconds of the hall (--at shifts it)
        self.lock = threading.Lock()
        self.windows = {w: {"serving": "", "waiting": 0, "state": "open"} for w in window_ids}
        self.calls = deque(maxlen=KEPT_CALLS)
        self.run = "%x" % (int(time.time()) % 0xFFFFFF)  # call ids differ between runs
        self.numbered = 0
        self.silent_until = 0.0
        self.out_path = out_path
        self.body = b""
        self.etag = ""
        self.changed = 0.0
        self.render()

    def window(self, wid):
        return self.windows.setdefault(wid, {"serving": "", "waiting": 0, "state": "open"})

    def call(self, wid, ticket, name="", title=""):
        with self.lock:
            w = self.window(wid)
            w.update(serving=ticket, state="open")
            self.numbered += 1
            self.calls.append({"id": "c-%s-%d" % (self.run, self.numbered), "ticket": ticket,
                               "window": wid, "at": iso(self.clock()), "name": name,
                               "title": title})
            self.render()

    def set(self, wid, **values):
        with self.lock:
            new = wid not in self.windows
            w = self.window(wid)
            if new or any(w[k] != v for k, v in values.items()):  # else the ETag stays
                w.update(values)
                self.render()

    def silence(self, seconds):
        with self.lock:
            self.silent_until = time.monotonic() + seconds

    def render(self):
        """The document for the current state (lock held), and --out."""
        self.changed = self.clock()
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 "<queue generated=%s>" % quoteattr(iso(self.changed))]
        for wid, w in self.windows.items():
            attrs = [("id", wid)]
            if w["serving"] and w["state"] != "closed":
                attrs.append(("serving", w["serving"]))
            if w["state"] != "closed":
                attrs.append(("waiting", str(w["waiting"])))
            if w["state"] != "open":
                attrs.append(("state", w["state"]))
            lines.append("  <window %s/>" % " ".join("%s=%s" % (k, quoteattr(v)) for k, v in attrs))
        for c in self.calls:
            keys = ["id", "ticket", "window", "at"] + (["name", "title"] if c["name"] else [])
            lines.append("  <call %s/>" % " ".join("%s=%s" % (k, quoteattr(c[k])) for k in keys))
        lines.append("</queue>\n")
        self.body = "\n".join(lines).encode("utf-8")
        self.etag = '"%s"' % hashlib.sha256(self.body).hexdigest()[:32]
        if self.out_path:
            write_atomically(self.out_path, self.body)

    def snapshot(self):
        with self.lock:
            return self.body, self.etag, self.changed, self.silent_until


def write_atomically(path, data):
    """A reader sees the old file or the new one, never half of one."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".queue-sim-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # one line per event, not per request
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        body, etag, changed, silent_until = self.server.hall.snapshot()
        if time.monotonic() < silent_until:
            # Silent: the request was accepted and gets no answer.
            while time.monotonic() < silent_until:
                time.sleep(0.05)
            self.close_connection = True
            return
        if self.path.split("?")[0] != "/queue.xml":
            return self.send(404, b"not here\n", "text/plain; charset=utf-8", head)
        if self.unchanged(etag, changed):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, "application/xml; charset=utf-8", head,
                  [("ETag", etag), ("Last-Modified", email.utils.formatdate(changed, usegmt=True)),
                   ("Cache-Control", "no-cache")])

    def unchanged(self, etag, changed):
        match = self.headers.get("If-None-Match")
        if match is not None:
            return match.strip() == "*" or etag in [m.strip() for m in match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return email.utils.parsedate_to_datetime(since).timestamp() >= int(changed)
            except (TypeError, ValueError):
                return False
        return False

    def send(self, status, body, content_type, head, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def say(text):
    print("%s %s" % (datetime.now(CHINA).strftime("%H:%M:%S"), text), flush=True)


def read_script(path):
    """[(seconds, verb, args)] in time order; SystemExit naming the line on a mistake."""
    arity = {"call": (2, 4), "pause": (1, 1), "open": (1, 1), "close": (1, 1),
             "waiting": (2, 2), "silent": (1, 1)}
    events = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            try:
                seconds = float(words[0])
                verb, args = words[1], words[2:]
                if verb not in arity:
                    raise ValueError("no event %s" % verb)
                low, high = arity[verb]
                if not low <= len(args) <= high or len(args) == 3:
                    raise ValueError("%s takes %s" % (verb, "WINDOW TICKET [NAME TITLE]" if verb == "call" else "%d value(s)" % low))
                if verb == "waiting":
                    int(args[1])
                if verb == "silent":
                    float(args[0])
            except (IndexError, ValueError) as e:
                print("%s:%d: cannot read %r (%s); see --help" % (path, number, line.strip(), e),
                      file=sys.stderr)
                sys.exit(2)
            events.append((seconds, verb, args))
    return sorted(events, key=lambda e: e[0])  # sorted() is stable: ties keep file order


def apply(hall, verb, args):
    if verb == "call":
        hall.call(args[0], args[1], *(args[2:4] or ["", ""]))
        say("call %s -> window %s%s" % (args[1], args[0], " (%s %s)" % tuple(args[2:4]) if len(args) > 2 else ""))
    elif verb in ("pause", "open", "close"):
        hall.set(args[0], state={"pause": "paused", "open": "open", "close": "closed"}[verb])
        say("window %s %s" % (args[0], {"pause": "paused", "open": "open", "close": "closed"}[verb]))
    elif verb == "waiting":
        hall.set(args[0], waiting=max(0, min(9999, int(args[1]))))
        say("window %s: %s waiting" % (args[0], args[1]))
    elif verb == "silent":
        hall.silence(float(args[0]))
        say("silent for %s s" % args[0])


def play_script(hall, events, start, stop):
    for seconds, verb, args in events:
        if stop.wait(max(0.0, start + seconds - time.monotonic())):
            return
        apply(hall, verb, args)
    say("script done; the last state stays")


def play_random(hall, rate, rng, names, stop):
    """Each window calls at random, rate calls a minute in all; arrivals
    keep pace, so the waiting counts wander; a window pauses now and then."""
    ids = list(hall.windows)
    letters = {w: chr(ord("A") + i % 26) for i, w in enumerate(ids)}
    called = {w: 0 for w in ids}
    for w in ids:  # the morning's first tickets
        hall.set(w, waiting=rng.randint(0, 6))
    per_window = max(rate, 0.01) / 60.0 / len(ids)  # calls a second, each window
    tick, paused_until = 0.2, {}
    while not stop.wait(tick):
        now = time.monotonic()
        for w in ids:
            waiting = hall.windows[w]["waiting"]
            if rng.random() < per_window * tick:  # someone takes a ticket
                waiting = min(9999, waiting + 1)
                hall.set(w, waiting=waiting)
            if w in paused_until:
                if now >= paused_until[w]:
                    del paused_until[w]
                    apply(hall, "open", [w])
            elif not paused_until and rng.random() < tick / 600.0:  # a pause every ~10 minutes
                paused_until[w] = now + rng.uniform(30, 120)
                apply(hall, "pause", [w])
            elif waiting > 0 and rng.random() < per_window * tick:
                called[w] += 1
                ticket = "%s%03d" % (letters[w], called[w] % 1000)
                hall.set(w, waiting=waiting - 1)
                apply(hall, "call", [w, ticket] + (caller(rng) if names else []))


def caller(rng):
    """A fictional caller: a common surname, one or two given characters, 女士/先生."""
    given = "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return [rng.choice(SURNAMES) + given, rng.choice(TITLES)]


def window_ids(args):
    if args.windows:
        return [w.strip() for w in args.windows.split(",") if w.strip()]
    if args.roster:
        ids = roster_windows(args.roster)
        if ids:
            return ids
        say("no <roster><window id=…> in %s: windows 1-6" % args.roster)
    return [str(i) for i in range(1, 7)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, help="serve http://BIND:PORT/queue.xml (0: any free port)")
    p.add_argument("--bind", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    p.add_argument("--roster", help="a roster feed (content/roster.xml): its <window id> are the windows")
    p.add_argument("--windows", help="the window ids, comma-separated (before --roster; default 1-6)")
    p.add_argument("--rate", type=float, default=6, help="random mode: calls a minute, all windows together (default 6)")
    p.add_argument("--seed", type=int, help="random mode: the random seed, for a repeatable day")
    p.add_argument("--script", help="play this script instead of random calls (format above)")
    p.add_argument("--names", action="store_true", help="random mode: callers' names and 女士/先生")
    p.add_argument("--at", help="the hall's clock starts at this instant (2026-11-27T10:00:00+08:00) and "
                   "runs from there, as `hallboard run --at` does; default: the real clock")
    p.add_argument("--out", help="also (or only) write the document to this file, atomically, on every change")
    args = p.parse_args()
    if args.port is None and not args.out:
        p.error("give --port, --out or both")
    events = read_script(args.script) if args.script else None
    clock = time.time
    if args.at:
        try:
            offset = datetime.fromisoformat(args.at).timestamp() - time.time()
        except ValueError:
            p.error("--at %r is not an instant such as 2026-11-27T10:00:00+08:00" % args.at)
        clock = lambda: time.time() + offset  # noqa: E731
    hall = Hall(window_ids(args), args.out, clock)
    stop = threading.Event()
    server = None
    if args.port is not None:
        server = Server((args.bind, args.port), Handler)
        server.hall = hall
        host, port = server.server_address[:2]
        say("serving http://%s:%d/queue.xml" % (host, port))
    if args.out:
        say("writing %s" % args.out)
    if events is not None:
        worker = threading.Thread(target=play_script, args=(hall, events, time.monotonic(), stop), daemon=True)
    else:
        worker = threading.Thread(target=play_random, args=(hall, args.rate, random.Random(args.seed), args.names, stop),
                                  daemon=True)
    worker.start()
    try:
        if server:
            server.serve_forever()
        else:
            while True:  # the file stays as it is; stopped by a signal
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
    return 0


if __name__ == "__main__":
    sys.exit(main())
