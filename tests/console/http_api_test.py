#!/usr/bin/env python3
"""hallboard-console as a program, over HTTP (console.md's contract).

usage: http_api_test.py HALLBOARD-CONSOLE SOURCE-DIR HALLBOARD

init, user add and screen add on the command line; serve on a free port on
127.0.0.1 and the JSON API spoken to with http.client: sessions, cookies,
CSRF, roles, the login throttle, absences, publishing, the published feeds
(checked with `hallboard lint`), ETag/304, republishing, the body cap, the
staff form's photo upload (multipart, refusals, the stored name), and a
clean stop on SIGTERM. Python's standard library only.
"""

import html
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

CONSOLE, SOURCE, HALLBOARD = sys.argv[1], sys.argv[2], sys.argv[3]
CONTENT = [os.path.join(SOURCE, "content", n) for n in ("hall.xml", "items.xml", "roster.xml")]

failures = []
checked = [0]


def check(condition, what):
    checked[0] += 1
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return condition


def run(*args, timeout=60):
    return subprocess.run([CONSOLE, *args], capture_output=True, text=True, timeout=timeout)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def snapshot(folder):
    """Every file under folder with its bytes: to see that nothing changed."""
    out = {}
    for root, _, files in os.walk(folder):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = (fh.read(), os.stat(p).st_mtime_ns)
    return out


class Server:
    def __init__(self, data, url=None):
        self.port = free_port()
        args = [CONSOLE, "serve", "--data", data, "--listen", "127.0.0.1:%d" % self.port]
        if url:
            args += ["--url", url]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("serve exited: %s" % self.proc.stderr.read().decode())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("serve did not start listening")

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            headers = dict(headers or {}, **{"Content-Type": "application/json"})
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        out = (r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        conn.close()
        return out

    def stop(self):
        """SIGTERM; the exit status and how long it took."""
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None, time.monotonic() - start
        return status, time.monotonic() - start


class Session:
    def __init__(self, server, cookie, csrf):
        self.server, self.cookie, self.csrf = server, cookie, csrf

    def request(self, method, path, body=None, csrf=True, headers=None):
        h = {"Cookie": self.cookie}
        if csrf:
            h["X-CSRF-Token"] = self.csrf
        h.update(headers or {})
        return self.server.request(method, path, body, h)


def login(server, user, password, headers=None):
    return server.request("POST", "/api/v1/session", {"user": user, "password": password}, headers)


def session(server, user, password):
    status, headers, body = login(server, user, password)
    if not check(status == 200, "login %s: %d %s" % (user, status, body)):
        raise SystemExit(1)
    cookie = headers["set-cookie"].split(";")[0]
    return Session(server, cookie, json.loads(body)["csrf"])


def errors_of(body):
    return [e["field"] for e in json.loads(body)["errors"]]


def generated_of(xml_bytes):
    return ET.fromstring(xml_bytes).get("generated")


def lint(folder, names):
    r = subprocess.run([HALLBOARD, "lint", *[os.path.join(folder, n) for n in names]],
                       capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout + r.stderr


def multipart(fields, files):
    """fields {name: text}, files [(field, filename, bytes)] as a browser's form."""
    boundary = "----hallboard-test-boundary"
    out = b""
    for name, value in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                % (boundary, name, value)).encode()
    for field, filename, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: image/png\r\n\r\n" % (boundary, field, filename)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return out, "multipart/form-data; boundary=" + boundary


def form_values(page):
    """The text inputs' and selects' current values of a server-made form."""
    values = {}
    for name, value in re.findall(r'<input [^>]*name="(\w+)" [^>]*value="([^"]*)"', page):
        values[name] = html.unescape(value)
    for name, body in re.findall(r'<select [^>]*name="(\w+)">(.*?)</select>', page, re.S):
        m = re.search(r'<option value="([^"]*)" selected', body)
        values[name] = html.unescape(m.group(1)) if m else ""
    return values


def photo_upload_checks(editor, data):
    """The staff form's photo upload through the real multipart parsing and body cap."""
    def save(filename, data_bytes):
        status, _, page = editor.request("GET", "/records/staff/s03")
        fields = form_values(page.decode())
        fields["csrf"] = editor.csrf
        body, content_type = multipart(fields, [("photo_file", filename, data_bytes)])
        return editor.request("POST", "/records/staff/s03", body, headers={"Content-Type": content_type})

    with open(os.path.join(SOURCE, "content", "photos", "s02.png"), "rb") as f:
        png = f.read()
    status, headers, _ = save("../../x.png", png)
    check(status == 303, "photo upload: %d" % status)
    _, _, page = editor.request("GET", "/records/staff/s03")
    m = re.search(r'<img src="/feeds/(photos/up-[0-9a-f]{16}\.png)"', page.decode())
    check(m is not None, "the staff form shows the uploaded photo")
    if m:
        status, headers, served = editor.server.request("GET", "/feeds/" + m.group(1))
        check(status == 200 and served == png and headers.get("content-type") == "image/png",
              "the uploaded photo is served: %d %s" % (status, headers.get("content-type")))
    stray = [os.path.join(root, f) for root, _, files in os.walk(os.path.dirname(data))
             for f in files if f == "x.png"]
    check(not stray, "the upload's file name reached no file: %s" % stray)

    status, _, page = save("note.png", "这不是照片。\n".encode())
    check(status == 422 and "不是 PNG 或 JPEG" in page.decode(), "a text file named .png: %d" % status)
    status, _, page = save("big.png", png + bytes(3 * 1024 * 1024))
    check(status == 422 and "过大" in page.decode(), "a 3 MB photo: %d" % status)
    try:
        status, _, _ = save("huge.png", png + bytes(11 * 1024 * 1024))
        check(status == 413, "a photo over the body cap: %d" % status)
    except (ConnectionError, http.client.HTTPException) as e:
        # Refusing before reading may close the connection under us.
        print("note: the oversized photo was cut off: %r" % e)
    _, _, page = editor.request("GET", "/records/staff/s03")
    check(m is not None and m.group(0) in page.decode(), "refused uploads left the photo as it was")


def heartbeat_checks(server, token):
    """Heartbeat-1 and -2 from a screen: proof of play acknowledged, counted once."""
    auth = {"Authorization": "Bearer " + token}

    def beat(play, fmt="hallboard-heartbeat-2"):
        report = {"format": fmt, "screen": "lobby-1", "interval_seconds": 30, "feeds": [],
                  "page": {"state": "waiting"}, "play": play, "play_more": False}
        return server.request("POST", "/api/v1/heartbeat", report, auth)

    def line(seq):
        return {"seq": seq, "screen": "lobby-1", "start": "2026-11-27T10:00:00+08:00",
                "end": "2026-11-27T10:00:15+08:00", "seconds": 15, "slide": "items",
                "page": 1, "pages": 1}

    status, _, body = beat([line(1), line(2), line(3)])
    check(status == 200 and json.loads(body) == {"ack": 3}, "heartbeat-2 acknowledged: %d %r" % (status, body))
    status, _, body = beat([line(2), line(3), line(4)])  # resent after a lost answer
    check(status == 200 and json.loads(body) == {"ack": 4}, "heartbeat-2 resent lines: %d %r" % (status, body))
    status, _, body = beat([])
    check(status == 200 and json.loads(body) == {"ack": 0}, "heartbeat-2 without lines: %d %r" % (status, body))
    status, _, body = beat([{"seq": "x"}, 7, {"seq": -2}])
    check(status == 200 and json.loads(body) == {"ack": 0}, "heartbeat-2 unusable lines: %d %r" % (status, body))
    bad = dict(line(6), seconds=-15)  # skipped, but acknowledged: it must not come back for ever
    status, _, body = beat([line(5), bad])
    check(status == 200 and json.loads(body) == {"ack": 6}, "heartbeat-2 a bad line acknowledged: %d %r" % (status, body))
    status, _, _ = beat([], "hallboard-heartbeat-1")
    check(200 <= status < 300, "heartbeat-1 still accepted: %d" % status)
    status, _, _ = server.request("POST", "/api/v1/heartbeat", {"format": "hallboard-heartbeat-2"},
                                  {"Authorization": "Bearer nope"})
    check(status == 401, "heartbeat with an unknown token: %d" % status)


def main():
    tmp = tempfile.mkdtemp(prefix="hallboard-console-http-")
    server = None
    try:
        data = os.path.join(tmp, "data")

        # --- init -----------------------------------------------------------
        r = run("init", "--data", data, *CONTENT)
        check(r.returncode == 0, "init: exit %d: %s" % (r.returncode, r.stderr))
        m = re.search(r"^admin password: (\S+)$", r.stdout, re.M)
        check(m is not None, "init prints the admin password: %r" % r.stdout)
        admin_password = m.group(1) if m else ""
        check(os.path.exists(os.path.join(data, "console.db")), "init made console.db")
        v1_names = sorted(n for n in os.listdir(os.path.join(data, "feeds")) if n.endswith(".xml"))
        check("roster.xml" in v1_names and "items.xml" in v1_names,
              "init published version 1: %s" % v1_names)
        code, out = lint(os.path.join(data, "feeds"), v1_names)
        check(code == 0, "version 1 passes lint: %s" % out)

        # An existing DIR is refused and left alone.
        before = snapshot(data)
        r = run("init", "--data", data, *CONTENT)
        check(r.returncode == 2, "init on an existing DIR: exit %d" % r.returncode)
        check("admin password" not in r.stdout, "no new admin password on a refused init")
        check(snapshot(data) == before, "init on an existing DIR changed nothing")

        # Feeds with errors: lint's messages, exit 1, nothing created.
        bad = os.path.join(tmp, "bad.xml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<hallboard version="1">\n'
                    '  <roster>\n    <window id="1" name="1号窗口">\n'
                    '      <post role="A" staff="nobody"/>\n    </window>\n  </roster>\n'
                    '</hallboard>\n')
        bad_data = os.path.join(tmp, "bad-data")
        r = run("init", "--data", bad_data, bad)
        check(r.returncode == 1, "init with a bad feed: exit %d" % r.returncode)
        check(re.search(r"bad\.xml:\d+:\d+: error: ", r.stdout + r.stderr) is not None,
              "init with a bad feed prints lint's lines: %r" % (r.stdout + r.stderr))
        check(not os.path.exists(bad_data), "init with a bad feed created nothing")
        check("admin password" not in r.stdout, "no admin password for a refused init")

        # --- serve, and users added while it runs --------------------------------
        server = Server(data, url="http://screens.example:8080/")
        base = "http://screens.example:8080"
        passwords = {"admin": admin_password}
        for user, role in (("editor", "editor"), ("approver", "approver"), ("victim", "editor")):
            r = run("user", "add", user, "--role", role, "--data", data)
            check(r.returncode == 0, "user add %s: %s" % (user, r.stderr))
            m = re.search(r"^password: (\S+)$", r.stdout, re.M)
            check(m is not None, "user add prints the password: %r" % r.stdout)
            passwords[user] = m.group(1) if m else ""
        r = run("user", "add", "editor", "--role", "editor", "--data", data)
        check(r.returncode != 0, "user add of an existing name fails")

        # --- sessions ------------------------------------------------------------
        status, headers, body = login(server, "editor", passwords["editor"])
        check(status == 200, "editor logs in: %d %s" % (status, body))
        cookie = headers.get("set-cookie", "")
        check("HttpOnly" in cookie, "cookie HttpOnly: %s" % cookie)
        check("SameSite=Strict" in cookie, "cookie SameSite=Strict: %s" % cookie)
        check("Secure" not in cookie, "no Secure over plain HTTP: %s" % cookie)
        check("csrf" in json.loads(body), "login answers a CSRF token")
        status, headers, _ = login(server, "editor", passwords["editor"], {"X-Forwarded-Proto": "https"})
        check(status == 200 and "Secure" in headers.get("set-cookie", ""),
              "Secure behind a TLS proxy: %s" % headers.get("set-cookie"))

        s_unknown = login(server, "nobody", "whatever")
        s_wrong = login(server, "editor", "whatever")
        check(s_unknown[0] == 401 and s_wrong[0] == 401, "bad logins are 401")
        check(s_unknown[2] == s_wrong[2], "unknown user and wrong password answer alike")
        check("set-cookie" not in s_wrong[1], "no cookie for a failed login")

        editor = session(server, "editor", passwords["editor"])
        approver = session(server, "approver", passwords["approver"])
        admin = session(server, "admin", passwords["admin"])

        # Not logged in: 401; role too low: 403; no CSRF token: 403.
        for method, path in (("GET", "/api/v1/staff"), ("POST", "/api/v1/absences"),
                             ("POST", "/api/v1/publish"), ("GET", "/api/v1/versions"),
                             ("DELETE", "/api/v1/session"), ("POST", "/api/v1/notices"),
                             ("POST", "/api/v1/versions/1/republish")):
            status, headers, body = server.request(method, path, {})
            check(status == 401, "%s %s without a session: %d" % (method, path, status))
            check(headers.get("content-type", "").startswith("application/json"),
                  "%s %s: a JSON error" % (method, path))
        status, _, body = editor.request("GET", "/api/v1/staff")
        check(status == 200 and len(json.loads(body)) == 18, "staff: %d" % status)
        status, _, _ = editor.request("POST", "/api/v1/publish")
        check(status == 403, "editor may not publish: %d" % status)
        absence = {"staff": "s05", "from": "2026-12-07T09:00", "to": "2026-12-07T12:00",
                   "reason": "就医"}
        status, _, _ = editor.request("POST", "/api/v1/absences", absence, csrf=False)
        check(status == 403, "absence without the CSRF token: %d" % status)
        status, _, _ = editor.request("POST", "/api/v1/absences", absence,
                                      headers={"X-CSRF-Token": approver.csrf})
        check(status == 403, "absence with another session's CSRF token: %d" % status)
        status, _, _ = approver.request("POST", "/api/v1/publish", csrf=False)
        check(status == 403, "publish without the CSRF token: %d" % status)
        status, _, body = editor.request("GET", "/api/v1/versions")
        check(status == 200 and [v["version"] for v in json.loads(body)] == [1],
              "nothing published by refused requests: %s" % body)

        # --- the throttle (a user of its own: real time passes here) ---------------
        for i in range(5):
            status, _, _ = login(server, "victim", "wrong")
            check(status == 401, "failure %d: %d" % (i + 1, status))
        status, headers, body = login(server, "victim", passwords["victim"])
        check(status == 429, "sixth try with the right password: %d" % status)
        check(int(headers.get("retry-after", "0")) > 0, "Retry-After: %s" % headers.get("retry-after"))
        status, _, _ = login(server, "editor", passwords["editor"])
        check(status == 200, "another user is not affected: %d" % status)

        # --- 422s ---------------------------------------------------------------
        status, _, body = editor.request("POST", "/api/v1/absences",
                                         {"staff": "s07", "from": "2026-12-07T09:00",
                                          "to": "2026-12-08T17:00", "reason": "年休假"})
        check(status == 422 and errors_of(body) == ["substitute"], "第九条: %d %s" % (status, body))
        status, _, body = editor.request("POST", "/api/v1/notices", {"level": "info", "text": ""})
        check(status == 422 and errors_of(body) == ["text"], "empty notice: %d %s" % (status, body))

        # --- over the body cap --------------------------------------------------
        big = json.dumps({"staff": "s05", "from": "2026-12-07T09:00", "to": "2026-12-07T12:00",
                          "reason": "x" * (300 * 1024)})
        status, _, _ = editor.request("POST", "/api/v1/absences", big,
                                      headers={"Content-Type": "application/json"})
        check(status == 413, "a JSON body over the cap: %d" % status)
        try:
            status, _, _ = editor.request("POST", "/api/v1/absences", b"x" * (11 * 1024 * 1024),
                                          headers={"Content-Type": "application/json"})
            check(status == 413, "a body over the upload cap: %d" % status)
        except (ConnectionError, http.client.HTTPException) as e:
            # Refusing before reading may close the connection under us.
            print("note: the oversized upload was cut off: %r" % e)

        # --- the feeds as published now ----------------------------------------------
        feeds = os.path.join(data, "feeds")
        served1 = {}
        for name in v1_names:
            status, headers, body = server.request("GET", "/feeds/" + name)
            check(status == 200, "GET /feeds/%s: %d" % (name, status))
            with open(os.path.join(feeds, name), "rb") as f:
                check(body == f.read(), "/feeds/%s is the file" % name)
            check(headers.get("etag"), "ETag on %s" % name)
            check(headers.get("last-modified"), "Last-Modified on %s" % name)
            served1[name] = (body, headers.get("etag"))
            status, _, body = server.request("GET", "/feeds/" + name,
                                             headers={"If-None-Match": headers.get("etag")})
            check(status == 304 and body == b"", "304 for a matching If-None-Match: %d" % status)
        for path in ("/feeds/console.db", "/feeds/..%2Fconsole.db", "/feeds/../console.db",
                     "/feeds/%2e%2e%2fconsole.db", "/feeds/.roster.xml.tmp", "/feeds/nope.xml"):
            status, _, body = server.request("GET", path)
            check(status in (400, 404), "GET %s: %d" % (path, status))
            check(b"SQLite" not in body, "GET %s shows no database" % path)

        # --- an absence, published -------------------------------------------------
        status, _, body = editor.request("POST", "/api/v1/absences", absence)
        check(status == 201, "absence: %d %s" % (status, body))
        absence_id = json.loads(body)["id"] if status == 201 else ""
        time.sleep(1.1)  # a later second than version 1 (not needed: generated is +1 anyway)
        status, _, body = approver.request("POST", "/api/v1/publish")
        check(status == 201, "publish: %d %s" % (status, body))
        answer = json.loads(body)
        check(answer.get("version") == 2, "version 2: %s" % body)
        check(set(answer.get("feeds", [])) == {base + "/feeds/" + n for n in v1_names},
              "feed URLs from --url: %s" % answer.get("feeds"))

        downloaded = os.path.join(tmp, "downloaded")
        os.makedirs(downloaded)
        served2 = {}
        for name in v1_names:
            status, headers, body = server.request("GET", "/feeds/" + name)
            check(status == 200, "GET /feeds/%s after publishing: %d" % (name, status))
            served2[name] = (body, headers.get("etag"))
            with open(os.path.join(downloaded, name), "wb") as f:
                f.write(body)
            with open(os.path.join(feeds, name), "rb") as f:
                check(body == f.read(), "/feeds/%s is the file after publishing" % name)
        roster = ET.fromstring(served2["roster.xml"][0])
        found = [a for a in roster.iter("absence")
                 if a.get("staff") == "s05" and a.get("from", "").startswith("2026-12-07T09:00")]
        check(len(found) == 1, "the new roster.xml has the absence")
        code, out = lint(downloaded, v1_names)
        check(code == 0, "the downloaded feeds pass lint: %s" % out)
        for name in v1_names:
            if name == "roster.xml":
                check(served2[name][1] != served1[name][1], "roster.xml has a new ETag")
                check(generated_of(served2[name][0]) > generated_of(served1[name][0]),
                      "roster.xml has a later generated")
            else:
                check(served2[name] == served1[name], "%s unchanged: same bytes and ETag" % name)
        status, _, _ = server.request("GET", "/feeds/roster.xml",
                                      headers={"If-None-Match": served1["roster.xml"][1]})
        check(status == 200, "the old ETag no longer matches roster.xml: %d" % status)

        # Publishing again with nothing changed: every feed as it was.
        status, _, body = approver.request("POST", "/api/v1/publish")
        check(status == 201 and json.loads(body)["version"] == 3, "publish again: %s" % body)
        for name in v1_names:
            status, headers, body = server.request("GET", "/feeds/" + name)
            check((body, headers.get("etag")) == served2[name], "%s kept by an empty publish" % name)

        # --- republish version 1 ------------------------------------------------
        status, _, body = approver.request("POST", "/api/v1/versions/1/republish")
        check(status == 201 and json.loads(body)["version"] == 4, "republish: %d %s" % (status, body))
        status, _, body = server.request("GET", "/feeds/roster.xml")
        roster4 = ET.fromstring(body)
        check(not [a for a in roster4.iter("absence") if a.get("from", "").startswith("2026-12-07")],
              "the republished roster has no absence on 12-07")
        check(generated_of(body) > generated_of(served2["roster.xml"][0]),
              "republished roster.xml: generated later than every before (%s, %s)"
              % (generated_of(body), generated_of(served2["roster.xml"][0])))
        check(body != served1["roster.xml"][0], "republished roster.xml is not the old bytes")
        status, _, body = server.request("GET", "/feeds/items.xml")
        check(body == served1["items.xml"][0], "items.xml untouched by the republish")
        status, _, body = editor.request("GET", "/api/v1/versions")
        check([v["version"] for v in json.loads(body)] == [4, 3, 2, 1], "versions newest first: %s" % body)
        check(json.loads(body)[0]["by"] == "approver", "versions name who published")
        status, _, _ = editor.request("DELETE", "/api/v1/absences/" + absence_id)
        check(status == 404, "the republish took the absence out of the drafts: %d" % status)
        status, _, _ = admin.request("POST", "/api/v1/versions/99/republish")
        check(status == 404, "republish of an unknown version: %d" % status)

        # --- two approvers republishing at the same moment, again and again ---------
        # (versions 1 and 2 differ in roster.xml: every republish changes it)
        answers = []

        def republish_loop(who, first):
            for i in range(8):
                n = 1 + (i + first) % 2
                try:
                    answers.append(who.request("POST", "/api/v1/versions/%d/republish" % n)[0])
                except (OSError, http.client.HTTPException) as e:
                    answers.append(repr(e))

        approver2 = session(server, "admin", passwords["admin"])
        threads = [threading.Thread(target=republish_loop, args=(w, k))
                   for k, w in enumerate((approver, approver2))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(answers == [201] * 16, "concurrent republishes all 201: %s" % answers)
        status, _, body = editor.request("GET", "/api/v1/versions")
        numbers = [v["version"] for v in json.loads(body)]
        check(numbers == list(range(4 + 16, 0, -1)), "versions after concurrent republishes: %s" % numbers)
        for name in v1_names:
            status, _, body = server.request("GET", "/feeds/" + name)
            with open(os.path.join(feeds, name), "rb") as f:
                check(body == f.read(), "/feeds/%s equals the file after concurrent publishes" % name)

        # --- a screen -------------------------------------------------------------
        r = run("screen", "add", "lobby-1", "--data", data, "--url", base)
        check(r.returncode == 0, "screen add: %s" % r.stderr)
        first, _, rest = r.stdout.partition("\n")
        m = re.match(r"^token: (\S+)$", first)
        check(m is not None, "screen add prints the token first: %r" % first)
        token = m.group(1) if m else ""
        try:
            player = ET.fromstring(rest.encode())
            beat = player.find(".//heartbeat")
            check(beat is not None, "player.xml has a heartbeat")
            if beat is not None:
                check(beat.get("url") == base + "/api/v1/heartbeat", "heartbeat url: %s" % beat.get("url"))
                check(beat.get("interval") == "60", "heartbeat interval: %s" % beat.get("interval"))
                check(beat.get("token") == token, "heartbeat token is the one printed")
                check(beat.get("screenshot") == "true", "player.xml asks for screenshots")
            check(base + "/feeds/roster.xml" in rest, "player.xml names the console's feeds")
        except ET.ParseError as e:
            check(False, "player.xml parses: %s: %r" % (e, rest))
        r = run("screen", "add", "lobby-1", "--data", data)
        check(r.returncode != 0, "screen add of an existing id fails")
        # A player.xml for the console as it is reached here: lint fetches
        # the feeds it names from the running console and checks them.
        local = "http://127.0.0.1:%d" % server.port
        r = run("screen", "add", "lobby-2", "--data", data, "--url", local)
        player_path = os.path.join(tmp, "player.xml")
        with open(player_path, "w", encoding="utf-8") as f:
            f.write(r.stdout.partition("\n")[2])
        lint_run = subprocess.run([HALLBOARD, "lint", player_path], capture_output=True, text=True,
                                  timeout=120)
        check(lint_run.returncode == 0 and ": error: " not in lint_run.stdout,
              "lint of screen add's player.xml with the console's feeds: exit %d\n%s%s"
              % (lint_run.returncode, lint_run.stdout, lint_run.stderr))

        heartbeat_checks(server, token)
        photo_upload_checks(editor, data)

        # --- logout ---------------------------------------------------------------
        status, headers, _ = editor.request("DELETE", "/api/v1/session", csrf=False)
        check(status == 403, "logout without the CSRF token: %d" % status)
        status, headers, _ = editor.request("DELETE", "/api/v1/session")
        check(status == 204, "logout: %d" % status)
        status, _, _ = editor.request("GET", "/api/v1/staff")
        check(status == 401, "the same cookie after logout: %d" % status)

        # --- SIGTERM ----------------------------------------------------------------
        status, took = server.stop()
        server = None
        check(status == 0, "serve exits 0 on SIGTERM: %s" % status)
        check(took < 3, "serve stops within 3 s: %.2f" % took)
    finally:
        if server:
            server.proc.kill()
            server.proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all %d checks passed" % checked[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
