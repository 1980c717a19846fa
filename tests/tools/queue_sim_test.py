#!/usr/bin/env python3
"""tools/queue_sim.py as a player sees it: a short script served on a free
port (200 with ETag and Last-Modified, 304 for the same ETag, HEAD, 404, a
silence), its document valid by schema/queue-v1.xsd (xmllint) and clean by
`hallboard lint`, --out written alike; the random mode from the demo
roster (GB18030) too.

Usage: queue_sim_test.py HALLBOARD_BINARY REPO_ROOT
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

hallboard, root = sys.argv[1], sys.argv[2]
sim = os.path.join(root, "tools", "queue_sim.py")
xsd = os.path.join(root, "schema", "queue-v1.xsd")
failures = []
# Servers on 127.0.0.1 only: no proxy may take the requests elsewhere.
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

SCRIPT = """# windows 1-3; the call at 3 s changes the document, then 2 s of silence
0 waiting 1 4
0 call 1 A001 张三 女士
0 pause 2
3 call 3 C001
4 silent 2
"""


def check(name, ok, detail=""):
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else ": " + str(detail)), flush=True)
    if not ok:
        failures.append(name)


def request(url, method="GET", headers=None, timeout=5):
    """(status, headers, body); a 304 or 404 is an answer, not an error."""
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def valid(path):
    """(status, output) of xmllint against the XSD and of `hallboard lint`."""
    results = []
    if shutil.which("xmllint"):
        x = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
        results.append(("xsd", x.returncode == 0, x.stderr))
    else:
        print("skip the XSD check: xmllint is missing (Debian package libxml2-utils)")
    lint = subprocess.run([hallboard, "lint", path], capture_output=True, text=True)
    results.append(("lint", lint.returncode == 0 and not lint.stdout, lint.stdout + lint.stderr))
    return results


def start(args, tmp):
    p = subprocess.Popen([sys.executable, sim] + args, cwd=tmp, stdout=subprocess.PIPE, text=True)
    first = p.stdout.readline().split()
    return p, (first[-1] if first else "")


def scripted(tmp):
    with open(os.path.join(tmp, "day.txt"), "w", encoding="utf-8") as f:
        f.write(SCRIPT)
    out = os.path.join(tmp, "out.xml")
    p, url = start(["--port", "0", "--windows", "1,2,3", "--script", "day.txt", "--out", out], tmp)
    try:
        began = time.monotonic()
        check("it says where it serves", url.startswith("http://127.0.0.1:") and url.endswith("/queue.xml"), url)
        time.sleep(0.3)  # the events at 0 s
        status, headers, body = request(url)
        etag = headers.get("ETag", "")
        check("200 with ETag and Last-Modified", status == 200 and etag and headers.get("Last-Modified"),
              (status, dict(headers)))
        text = body.decode("utf-8")
        check("the scripted call and the paused window",
              'ticket="A001" window="1"' in text and 'name="张三" title="女士"' in text
              and '<window id="2" waiting="0" state="paused"/>' in text, text)
        check("the windows before the calls", text.rfind("<window") < text.find("<call"), text)
        status, _, body304 = request(url, headers={"If-None-Match": etag})
        check("304 for the same ETag", status == 304 and not body304, status)
        status, headers, head_body = request(url, method="HEAD")
        check("HEAD: 200 without a body", status == 200 and not head_body and headers.get("ETag") == etag, status)
        check("other paths: 404", request(url.replace("/queue.xml", "/other"))[0] == 404)
        with open(out, "rb") as f:
            check("--out holds the same document", f.read() == body)
        for name, ok, detail in valid(out):
            check("the scripted document: " + name, ok, detail)

        time.sleep(max(0.0, began + 3.3 - time.monotonic()))
        status, headers, body = request(url, headers={"If-None-Match": etag})
        check("a new event: 200 for the old ETag", status == 200 and headers.get("ETag") != etag
              and b'ticket="C001"' in body, status)
        time.sleep(max(0.0, began + 4.3 - time.monotonic()))
        try:
            status = request(url, timeout=1)[0]
            check("silent: no answer", False, status)
        except (TimeoutError, OSError) as e:
            check("silent: no answer", True, e)
        time.sleep(max(0.0, began + 6.3 - time.monotonic()))
        check("after the silence: 200 again", request(url)[0] == 200)
    finally:
        p.kill()
        p.wait()


def random_day(tmp):
    out = os.path.join(tmp, "random.xml")
    p, _ = start(["--out", out, "--roster", os.path.join(root, "content", "roster.xml"),
                  "--rate", "600", "--seed", "7", "--names"], tmp)
    try:
        time.sleep(1.5)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        check("random: the roster's seven windows", all('<window id="%d"' % i in text for i in range(1, 8))
              and '<window id="8"' not in text, text)
        check("random: calls with names", "<call " in text and "name=" in text, text)
        for name, ok, detail in valid(out):
            check("the random document: " + name, ok, detail)
        check("random: no temporary file left", sorted(os.listdir(tmp)) == ["random.xml"], os.listdir(tmp))
    finally:
        p.kill()
        p.wait()


def main():
    help_text = subprocess.run([sys.executable, sim, "--help"], capture_output=True, text=True)
    check("--help", help_text.returncode == 0 and "--script" in help_text.stdout and "silent" in help_text.stdout)
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "scripted"))
        os.mkdir(os.path.join(tmp, "random"))
        scripted(os.path.join(tmp, "scripted"))
        random_day(os.path.join(tmp, "random"))
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
