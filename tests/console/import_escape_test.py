#!/usr/bin/env python3
"""The console's item and statistics import over HTTP, and escaping.

usage: import_escape_test.py HALLBOARD_CONSOLE SOURCE_DIR HALLBOARD FIXTURES_DIR

- POST /api/v1/items/import with the realistic 2,000-item XLSX and the same
  list as a GBK CSV: a dry run writes nothing; the import counts new,
  changed, unchanged and refused rows (with their spreadsheet row numbers);
  the same list again is all unchanged.
- A zip bomb, random bytes and an empty body are 422; over the cap is 413.
- Statistics from a multipart form upload.
- <script> in a notice and in an imported item's name is shown as text on
  every page and written escaped in the published feed.
Uses http_api_test's helpers (standard library only).
"""
import json
import os
import shutil
import sys
import tempfile
import uuid

FIXTURES = sys.argv.pop(4)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_api_test as t  # noqa: E402  (reads argv 1-3)


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                      % (boundary, name, value)).encode())
    for name, (filename, data) in files.items():
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                      'Content-Type: application/octet-stream\r\n\r\n' % (boundary, name, filename)).encode()
                     + data + b"\r\n")
    body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
    return body, "multipart/form-data; boundary=" + boundary


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def main():
    tmp = tempfile.mkdtemp(prefix="hallboard-import-test-")
    data = os.path.join(tmp, "data")
    server = None
    try:
        out = t.run("init", "--data", data, *t.CONTENT).stdout
        admin = out.split("admin password: ")[1].split()[0]
        editor = t.run("user", "add", "zhang", "--role", "editor", "--data", data).stdout.split("password: ")[1].split()[0]
        server = t.Server(data)
        zhang = t.session(server, "zhang", editor)
        octet = {"Content-Type": "application/octet-stream"}

        # --- items ---------------------------------------------------------------
        xlsx = fixture("items_2000.xlsx")
        before = server.request("GET", "/feeds/items.xml")[2]
        status, _, body = zhang.request("POST", "/api/v1/items/import?dry_run=1", xlsx, headers=octet)
        t.check(status == 200, "dry run: 200, got %d %s" % (status, body[:300]))
        dry = json.loads(body)
        t.check(dry["new"] + dry["changed"] + dry["unchanged"] + len(dry["refused"]) == 2000,
                "every one of the 2,000 rows is counted: %s" % {k: v for k, v in dry.items() if k != "refused"})
        t.check(all(r["row"] >= 3 for r in dry["refused"]),
                "refused rows are numbered as the sheet numbers them (title and header above)")
        t.check(all(r["reasons"] and "窗口" in r["reasons"][0] for r in dry["refused"]),
                "the demo roster lacks windows 8-16: those rows are refused, saying so")
        records_before = zhang.request("GET", "/items")[2]
        status, _, body = zhang.request("POST", "/api/v1/items/import", xlsx, headers=octet)
        t.check(status == 201, "import: 201, got %d" % status)
        written = json.loads(body)
        t.check(written["new"] == dry["new"] and written["new"] > 500, "the import writes what the dry run said: %d" % written["new"])
        t.check(server.request("GET", "/feeds/items.xml")[2] == before, "an import changes drafts, not the published feeds")
        t.check(records_before != zhang.request("GET", "/items")[2], "the items list shows the import")
        status, _, body = zhang.request("POST", "/api/v1/items/import?dry_run=1", fixture("items_2000_gbk.csv"), headers=octet)
        again = json.loads(body)
        t.check(status == 200 and again["unchanged"] == written["new"] and again["new"] == 0,
                "the same list as a GBK CSV is all unchanged: %s" % {k: v for k, v in again.items() if k != "refused"})
        for name, payload in (("bomb", fixture("bomb.xlsx")), ("random bytes", os.urandom(4096)), ("empty", b"")):
            status, _, body = zhang.request("POST", "/api/v1/items/import", payload, headers=octet)
            t.check(status == 422 and json.loads(body)["errors"][0]["message"], "%s: 422 with a message, got %d" % (name, status))
        status, _, _ = zhang.request("POST", "/api/v1/items/import", b"x" * (11 * 1024 * 1024), headers=octet)
        t.check(status == 413, "an 11 MB upload: 413, got %d" % status)
        status, _, _ = server.request("POST", "/api/v1/items/import?dry_run=1", xlsx, headers=octet)
        t.check(status == 401, "import without a session: 401, got %d" % status)
        status, _, _ = zhang.request("POST", "/api/v1/items/import?dry_run=1", xlsx, csrf=False, headers=octet)
        t.check(status == 403, "import without the CSRF token: 403, got %d" % status)

        # --- <script> shown as text --------------------------------------------------
        evil = "<script>alert(1)</script>"
        csv = ("事项编码,事项名称,承诺时限,法定时限\r\nXSS-1,%s,3个工作日,20个工作日\r\n" % evil).encode("utf-8")
        status, _, body = zhang.request("POST", "/api/v1/items/import", csv, headers=octet)
        t.check(status == 201 and json.loads(body)["new"] == 1, "an item named %s is imported: %d %s" % (evil, status, body))
        status, _, body = zhang.request("POST", "/api/v1/notices", {"level": "info", "text": "通知" + evil})
        t.check(status == 201, "a notice with %s: 201, got %d" % (evil, status))
        for page in ("/items?q=XSS", "/notices", "/publish", "/records/item/XSS-1", "/records/item/XSS-1?xml=1"):
            status, headers, html = zhang.request("GET", page)
            text = html.decode()
            t.check(status == 200 and evil not in text, "%s never holds %s as markup" % (page, evil))
            # The item's editor shows its XML source, where the name is XML-escaped once more.
            shown = "&amp;lt;script&amp;gt;" if page.endswith("xml=1") else "&lt;script&gt;alert(1)&lt;/script&gt;"
            t.check(shown in text, "%s shows %s as text" % (page, evil))
            t.check("default-src 'self'" in headers.get("content-security-policy", ""), "%s has a CSP" % page)
        # --- statistics from a form upload --------------------------------------------
        body, ctype = multipart({"csrf": zhang.csrf}, {"file": ("stats.xlsx", fixture("stats.xlsx"))})
        status, _, html = zhang.request("POST", "/records/stats/import", body, csrf=False, headers={"Content-Type": ctype})
        t.check(status == 201 and "已导入" in html.decode(), "statistics from a form upload: %d" % status)
        body, ctype = multipart({}, {"file": ("stats.xlsx", fixture("stats.xlsx"))})
        status, _, _ = zhang.request("POST", "/records/stats/import", body, csrf=False, headers={"Content-Type": ctype})
        t.check(status == 403, "a form upload without the CSRF field: 403, got %d" % status)

        # --- published, escaped by the serializer -----------------------------------------
        wang = t.run("user", "add", "wang", "--role", "approver", "--data", data).stdout.split("password: ")[1].split()[0]
        approver = t.session(server, "wang", wang)
        status, _, body = approver.request("POST", "/api/v1/publish", b"")
        t.check(status == 201, "publish after the import: 201, got %d %s" % (status, body[:500]))
        items = server.request("GET", "/feeds/items.xml")[2].decode()
        t.check("&lt;script&gt;alert(1)&lt;/script&gt;" in items and evil not in items, "the feed holds the name escaped")
        t.check(items.count("<item ") > 500, "the published items.xml holds the imported items")
        del admin
    finally:
        if server:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d checks, %d failed" % (t.checked[0], len(t.failures)))
    for f in t.failures:
        print("FAIL:", f)
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())
