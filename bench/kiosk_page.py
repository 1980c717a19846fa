#!/usr/bin/env python3
"""Benchmark helper (not part of the player): the lobby screen as ONE web page.

Reads the demo feeds (hall.xml, items.xml, roster.xml) with xml.etree and
writes one self-contained HTML page, the way a web-based signage player
(Xibo, Anthias, a plain Chromium kiosk) would show the same content:

  - the header: logo, hall name, subtitle, the "open" pill, a live clock
    (HH:MM, as hallboard shows it; JavaScript checks it every second and
    writes only when the text changes) and the date;
  - the items table, one page per category (at most ROWS rows a page, split
    evenly like hallboard does), turning every 15 s with a 0.6 s fade, as
    the demo playlist's items slides do;
  - the footer ticker: the info notices active at --at, then the hall's
    phone numbers, scrolling right to left at 120 px/s (a CSS transform
    animation, the cheapest way a browser has to move it).

Everything is inline (CSS, JS, the logo as a data: URL): the page makes no
network request. The fonts are the system's "Noto Sans CJK SC", the same
files hallboard uses.

After the first paint of complete content (DOMContentLoaded, then
document.fonts.ready, then two requestAnimationFrame callbacks) the page
writes "HB_FIRST_FRAME <ms since navigation start>" with console.log, and
sets document.title to "HB_FIRST_FRAME"; bench/kiosk_vs_chromium.sh times
the console line (Chromium with --enable-logging=stderr).

Usage: bench/kiosk_page.py [--content DIR] [--at 2026-11-27T10:00:40]
                           [--width 1920] [--height 1080] [--rows 6] --out page.html
"""
import argparse
import base64
import datetime as dt
import html
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

# The colours and sizes of assets/theme.conf (hallboard's default theme).
THEME = {
    "page": "#F7F4EE", "text": "#1F1F1F", "muted": "#5A5A5A", "header": "#B4161C",
    "header_text": "#FFFFFF", "accent": "#F2C14E", "card": "#FFFFFF",
    "card_border": "#E2DCD0", "table_head": "#EFE6D8", "zebra": "#FBF8F2",
    "ticker": "#1D3557", "ticker_text": "#FFFFFF", "good": "#2E7D32",
}
TICKER_SPEED = 120  # px/s, as hallboard's layout::Ticker
FADE_SECONDS = 0.6  # hallboard's render::transition_seconds
WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
PHONE_LABELS = {"consult": "咨询电话", "supervise": "监督电话", "complaint": "投诉电话"}
UNITS = {"workday": "个工作日", "day": "日", "hour": "小时", "immediate": ""}


def read_feed(path):
    """Parses a feed in any encoding Python knows (roster.xml is GB18030,
    which expat cannot decode by itself)."""
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        m = re.match(rb'<\?xml[^>]*encoding="([^"]+)"', raw)
        text = raw.decode(m.group(1).decode("ascii") if m else "utf-8")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    return ET.fromstring(text)


def parse_time(s):
    """2026-11-27T10:00[:SS][+08:00] -> naive local datetime (the hall's zone)."""
    s = re.sub(r"([+-]\d\d:\d\d|Z)$", "", s)
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            pass
    raise SystemExit(f"kiosk_page.py: not a time: {s}")


def promised_text(d):
    if d is None:
        return ""
    unit = d.get("unit", "workday")
    if unit == "immediate":
        return "即办"
    n = d.get("promised") or d.get("statutory")
    if n is None:
        return ""
    if int(n) == 0 and unit == "workday":
        return "当天办结"
    return f"{int(n)}{UNITS.get(unit, '')}"


def money_text(amount):
    fen = round(float(amount) * 100)
    r = str(fen // 100)
    if fen % 100:
        r += "." + str(fen % 100 // 10) + (str(fen % 10) if fen % 10 else "")
    return r + "元"


def fees_text(fees):
    if fees is None:
        return "—"
    if fees.get("free") == "true":
        return "不收费"
    parts = []
    for f in fees.findall("fee"):
        per = f.get("per", "")
        parts.append(f"{f.get('name', '')} {money_text(f.get('amount', '0'))}" +
                     (f"/{per}" if per else ""))
    return "；".join(parts)


def split_even(rows, most):
    """Pages of at most `most` rows, as even as possible (9 -> 5 + 4)."""
    if not rows:
        return []
    n = math.ceil(len(rows) / most)
    size = math.ceil(len(rows) / n)
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--content", default=os.path.join(here, "..", "content"))
    ap.add_argument("--at", default=None, help="the clock's start; default: now")
    ap.add_argument("--width", type=int, default=1920)
    ap.add_argument("--height", type=int, default=1080)
    ap.add_argument("--rows", type=int, default=6, help="most table rows on a page")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    hall_root = read_feed(os.path.join(a.content, "hall.xml"))
    items_root = read_feed(os.path.join(a.content, "items.xml"))
    roster_root = read_feed(os.path.join(a.content, "roster.xml"))
    at = parse_time(a.at) if a.at else dt.datetime.now().replace(microsecond=0)

    hall = hall_root.find("hall")
    name, subtitle = hall.get("name", ""), hall.get("subtitle", "")
    logo = ""
    if hall.get("logo"):
        with open(os.path.join(a.content, hall.get("logo")), "rb") as f:
            logo = "data:image/png;base64," + base64.b64encode(f.read()).decode("ascii")

    windows = {w.get("id"): w.get("name") for w in roster_root.findall("./roster/window")}

    # The items table, one page list per category, in the feed's order.
    categories = {}
    for it in items_root.iter("item"):
        cat = it.get("category", "")
        win = it.get("window", "")
        categories.setdefault(cat, []).append([
            (it.findtext("name") or "").strip(),
            windows.get(win, f"{win}号窗口") if win else "—",
            promised_text(it.find("deadline")),
            fees_text(it.find("fees")),
        ])
    pages = []
    for cat, rows in categories.items():
        chunks = split_even(rows, a.rows)
        for i, chunk in enumerate(chunks):
            pages.append({"title": f"办事指南 · {cat}" if cat else "办事指南",
                          "count": f"{i + 1}/{len(chunks)}" if len(chunks) > 1 else "",
                          "rows": chunk})

    # The ticker: the info notices in force at --at, then the phones.
    parts = []
    for n in hall_root.iter("notice"):
        if n.get("level", "info") != "info":
            continue
        lo, hi = n.get("from"), n.get("to")
        if (lo and parse_time(lo) > at) or (hi and parse_time(hi) < at):
            continue
        parts.append(" ".join((n.text or "").split()))
    for p in hall.findall("phone"):
        parts.append(f"{PHONE_LABELS.get(p.get('kind'), '电话')} {(p.text or '').strip()}")
    ticker = "　　".join(parts) or name

    e = html.escape
    t = THEME
    W, H = a.width, a.height
    page_html = []
    for i, pg in enumerate(pages):
        body = "".join(
            f'<tr><td class="name">{e(r[0])}</td><td class="fit">{e(r[1])}</td>'
            f'<td class="fit">{e(r[2])}</td><td class="fee">{e(r[3])}</td></tr>'
            for r in pg["rows"])
        page_html.append(
            f'<section class="page{" shown" if i == 0 else ""}">'
            f'<h2><span>{e(pg["title"])}</span><span class="count">{e(pg["count"])}</span></h2>'
            f'<table><thead><tr><th class="name">事项名称</th><th class="fit">办理窗口</th>'
            f'<th class="fit">承诺时限</th><th class="fee">收费</th></tr></thead>'
            f"<tbody>{body}</tbody></table></section>")

    start = {"y": at.year, "mo": at.month, "d": at.day, "h": at.hour, "mi": at.minute,
             "s": at.second}
    doc = f"""<!DOCTYPE html>
<html lang="zh-CN" translate="no"><head><meta charset="utf-8">
<meta name="google" content="notranslate">
<title>{e(name)}</title>
<style>
html, body {{ margin: 0; padding: 0; width: {W}px; height: {H}px; overflow: hidden;
  background: {t['page']}; color: {t['text']}; cursor: none;
  font-family: "Noto Sans CJK SC", sans-serif; font-size: 42px; }}
header {{ position: absolute; left: 0; top: 0; width: {W}px; height: 154px;
  background: {t['header']}; color: {t['header_text']}; border-bottom: 6px solid {t['accent']}; }}
header img {{ position: absolute; left: 48px; top: 29px; width: 102px; height: 102px; }}
header h1 {{ position: absolute; left: 174px; top: 18px; margin: 0; font-size: 58px;
  font-weight: 700; line-height: 76px; white-space: nowrap; }}
header .sub {{ position: absolute; left: 174px; top: 102px; font-size: 36px; line-height: 44px;
  color: {t['accent']}; }}
header .right {{ position: absolute; right: 48px; top: 18px; text-align: right; }}
header .pill {{ display: inline-block; vertical-align: middle; background: {t['good']};
  border-radius: 28px; padding: 0 14px; font-size: 36px; line-height: 54px; margin-right: 24px; }}
header .clock {{ display: inline-block; vertical-align: middle; font-size: 58px;
  font-weight: 700; line-height: 76px; }}
header .date {{ font-size: 36px; line-height: 44px; margin-top: 2px; }}
main {{ position: absolute; left: 48px; top: 190px; width: {W - 96}px; height: {H - 190 - 86 - 24}px;
  overflow: hidden; }}
.page {{ position: absolute; left: 0; top: 0; width: 100%; opacity: 0;
  transition: opacity {FADE_SECONDS}s cubic-bezier(0.65, 0, 0.35, 1); }}
.page.shown {{ opacity: 1; }}
h2 {{ margin: 0 0 16px 0; font-size: 50px; font-weight: 700; line-height: 70px;
  border-left: 8px solid {t['header']}; padding-left: 16px; display: flex;
  justify-content: space-between; }}
h2 .count {{ font-size: 36px; color: {t['muted']}; }}
table {{ width: 100%; border-collapse: separate; border-spacing: 0 12px; margin-top: -12px; }}
th {{ background: {t['table_head']}; font-size: 36px; font-weight: 700; text-align: left;
  padding: 10px 12px; }}
td {{ background: {t['card']}; border-bottom: 2px solid {t['card_border']}; padding: 10px 12px;
  line-height: 64px; }}
tbody tr:nth-child(even) td {{ background: {t['zebra']}; }}
.fit {{ white-space: nowrap; width: 1%; }}
.fee {{ width: 16%; }}
footer {{ position: absolute; left: 0; bottom: 0; width: {W}px; height: 86px; overflow: hidden;
  background: {t['ticker']}; color: {t['ticker_text']}; }}
footer .run {{ position: absolute; left: 0; top: 0; white-space: nowrap; line-height: 86px;
  font-size: 42px; will-change: transform; }}
footer .run span {{ padding-left: 24px; padding-right: 84px; }}
@keyframes scroll {{ from {{ transform: translateX(0); }} to {{ transform: translateX(var(--period)); }} }}
</style></head>
<body>
<header>
  {f'<img src="{logo}" alt="">' if logo else ''}
  <h1>{e(name)}</h1>
  <div class="sub">{e(subtitle)}</div>
  <div class="right"><span class="pill">正在办公</span><span class="clock" id="clock"></span>
    <div class="date" id="date"></div></div>
</header>
<main>{''.join(page_html)}</main>
<footer><div class="run" id="run"><span>{e(ticker)}</span><span>{e(ticker)}</span></div></footer>
<script>
"use strict";
// The clock starts at the generator's --at and runs at normal speed (like
// hallboard run --at); shows HH:MM, checked every second.
const START = {json.dumps(start)};
const startMs = Date.UTC(START.y, START.mo - 1, START.d, START.h, START.mi, START.s);
const loadedAt = performance.now();
const WEEKDAYS = {json.dumps(WEEKDAYS, ensure_ascii=False)};
const clockEl = document.getElementById("clock"), dateEl = document.getElementById("date");
function two(v) {{ return (v < 10 ? "0" : "") + v; }}
function tick() {{
  const d = new Date(startMs + (performance.now() - loadedAt));
  const clock = two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  const date = (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日 " + WEEKDAYS[(d.getUTCDay() + 6) % 7];
  if (clockEl.textContent !== clock) clockEl.textContent = clock;
  if (dateEl.textContent !== date) dateEl.textContent = date;
}}
tick();
setInterval(tick, 1000);

// Pages turn every 15 s, with a fade.
const pages = document.querySelectorAll(".page");
let shown = 0;
setInterval(() => {{
  pages[shown].classList.remove("shown");
  shown = (shown + 1) % pages.length;
  pages[shown].classList.add("shown");
}}, 15000);

// The ticker: two copies of the text moved left by one copy's width, for
// ever, at {TICKER_SPEED} px/s.
function startTicker() {{
  const run = document.getElementById("run");
  const period = run.firstElementChild.getBoundingClientRect().width;
  run.style.setProperty("--period", -period + "px");
  run.style.animation = "scroll " + (period / {TICKER_SPEED}) + "s linear infinite";
}}

document.addEventListener("DOMContentLoaded", () => {{
  document.fonts.ready.then(() => {{
    startTicker();
    requestAnimationFrame(() => requestAnimationFrame(() => {{
      console.log("HB_FIRST_FRAME " + performance.now().toFixed(1));
      document.title = "HB_FIRST_FRAME";
    }}));
  }});
}});
</script>
</body></html>
"""
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(doc)
    print(f"kiosk_page.py: {len(pages)} pages, {sum(len(p['rows']) for p in pages)} items, "
          f"ticker {len(ticker)} characters -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
