#!/usr/bin/env python3
"""A real `hallboard run` under Xvfb fed by the reference queue simulator
(tools/queue_sim.py) over HTTP on 127.0.0.1: issue 19's "Done when".

usage: live_windows_test.py SOURCE-DIR HALLBOARD

Both keep a clock that starts at the same instant of a Friday morning
(`--at`), so the hall is open whatever the day the test runs on. The hall's playlist is one
`windows` slide with the band on, and the voice speaks from a folder of
clips that each hold one constant sample value, so the disk audio driver's
file says which words were spoken, in which order, and when.

Checked:
- the first call is on screen within a second of the source showing it
  (screen grabs in a loop);
- each call pre-empts the page: the screen, captured from the X server,
  matches `hallboard render --queue` of the same document at the same
  instant (the burn-in shift tried, the ticker left out);
- afterwards the windows slide shows the live numbers (again against
  render), and 30 s after the simulator falls silent the numbers are gone
  (against render without a queue);
- each call is said twice in order (请 A 0 2 4 号 到 1 号 窗口 办理), after a
  chime, within two seconds of the call reaching the source, and nothing is
  said while no call comes.

Exit status 77 (skipped) when Xvfb, xwd or PIL is missing.
"""
import datetime
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "console"))
from console_tools import Checks, start_queue_sim, start_xvfb, stop  # noqa: E402

SOURCE, HALLBOARD = sys.argv[1], sys.argv[2]
AT = datetime.datetime(2026, 11, 27, 10, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
SIZE = (1280, 720)
RATE = 22050  # the voice's own rate (src/audio/pcm.h)
# The simulator's script: seconds from its start.
SCRIPT = """\
# two calls ten seconds apart, a window paused, then the source falls silent
3 waiting 1 4
3 call 1 A024 张三 女士
13 call 2 B011
13 pause 3
14 waiting 2 6
40 silent 60
"""
CALLS = (("A024", "1", 3), ("B011", "2", 13))
SILENT_FROM = 40
WORDS = ["请", "号", "到", "窗口", "办理"] + [str(d) for d in range(10)] + [chr(c) for c in range(65, 91)]

checks = Checks(say_ok=True)
note, check, failures = checks.note, checks.check, checks.failures


def write_clips(folder):
    """One WAV per word, 0.1 s of one sample value then 10 ms of silence
    (so a word said twice in a row is heard twice): value -> word."""
    os.makedirs(folder)
    names = {}
    for i, word in enumerate(WORDS):
        value = 1000 + 200 * i
        with wave.open(os.path.join(folder, word + ".wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(struct.pack("<h", value) * (RATE // 10) + b"\0\0" * (RATE // 100))
        names[value] = word
    return names


def words_heard(raw, names, volume):
    """(seconds into the file, word) for each run of one clip's value."""
    samples = struct.unpack("<%dh" % (len(raw) // 2), raw[: len(raw) // 2 * 2])
    out, i = [], 0
    while i < len(samples):
        j = i
        while j < len(samples) and samples[j] == samples[i]:
            j += 1
        word = names.get(round(samples[i] * 100 / volume)) if samples[i] else None
        if word and j - i >= RATE * 40 // 1000:
            out.append((i / RATE, word))
        i = j
    return out


def hall_files(tmp):
    """The demo's feeds, with a playlist of one windows slide."""
    feeds = os.path.join(tmp, "feeds")
    os.makedirs(feeds)
    for name in ("items.xml", "roster.xml"):
        shutil.copy(os.path.join(SOURCE, "content", name), feeds)
    for folder in ("assets", "photos"):  # the logo and the staff's photos
        shutil.copytree(os.path.join(SOURCE, "content", folder), os.path.join(feeds, folder))
    hall = open(os.path.join(SOURCE, "content", "hall.xml"), encoding="utf-8").read()
    start = hall.index("<playlist")
    end = hall.rindex("</playlist>") + len("</playlist>")
    hall = hall[:start] + '<playlist screen="*"><slide type="windows" seconds="30"/></playlist>' + hall[end:]
    open(os.path.join(feeds, "hall.xml"), "w", encoding="utf-8").write(hall)
    return feeds


def player_xml(tmp, feeds, queue_url, clips):
    path = os.path.join(tmp, "player.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<player screen="lobby-1" timezone="+08:00">\n')
        for name in ("hall.xml", "items.xml", "roster.xml"):
            f.write('  <feed url="%s"/>\n' % os.path.join(feeds, name))
        f.write('  <cache dir="%s"/>\n' % os.path.join(tmp, "cache"))
        f.write('  <queue url="%s" band="bottom"/>\n' % queue_url)
        if clips:
            f.write('  <sound volume="100" urgent="false" clips="%s"/>\n' % clips)
        f.write("</player>\n")
    return path


def grab(display, out):
    """The X screen, read from xwd's dump (32 bits a pixel at depth 24)."""
    from PIL import Image
    xwd = subprocess.run(["xwd", "-root", "-silent", "-display", ":%d" % display],
                         capture_output=True, check=True).stdout
    head = struct.unpack(">25I", xwd[:100])
    header_size, width, height = head[0], head[4], head[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = head[7], head[11], head[12], head[19]
    if bits_per_pixel != 32:
        sys.exit("xwd: %d bits a pixel, expected 32" % bits_per_pixel)
    pixels = xwd[header_size + 12 * ncolors:]
    image = Image.frombuffer("RGB", (width, height), pixels, "raw",
                             "BGRX" if byte_order == 0 else "XRGB", bytes_per_line, 1)
    image.save(out)
    return image


def render(config, at, queue_doc, out):
    """`hallboard render` of the page at `at` (and the call page, if any)."""
    args = [HALLBOARD, "render", "--config", config, "--size", "%dx%d" % SIZE,
            "--at", at.isoformat(timespec="seconds"), "--pages", "3", "--out", out]
    if queue_doc is not None:
        path = out + ".queue.xml"
        open(path, "wb").write(queue_doc)
        args += ["--queue", path]
    subprocess.run(args, check=True, capture_output=True)
    return out


def difference(a, b):
    """The smallest mean difference (0-255) over the burn-in shifts, of the
    page between the header's clock row and the band (which pages through
    the windows every few seconds) and ticker (which moves)."""
    from PIL import ImageChops, ImageStat
    w, h = a.size
    box = (8, int(h * 0.18), w - 8, int(h * 0.80))
    best = 255.0
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            shifted = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
            diff = ImageChops.difference(a.crop(box), b.crop(shifted))
            best = min(best, sum(ImageStat.Stat(diff).mean) / 3)
    return best


def same_page(display, config, tmp, name, queue_doc, kind, screen_now):
    """The screen shows a page of `kind` (call, windows) as render draws it
    at the same instant: the best of render's pages of that kind (the
    rotation may be on any page of the slide, since calls hold it)."""
    from PIL import Image
    shot = grab(display, os.path.join(tmp, name + "-screen.png"))
    rendered = render(config, screen_now(), queue_doc, os.path.join(tmp, name + "-render"))
    pages = sorted(f for f in os.listdir(rendered) if f.endswith("-%s.png" % kind))
    if not check(pages, "%s: render drew a %s page" % (name, kind)):
        return False
    d = min(difference(Image.open(os.path.join(rendered, p)).convert("RGB"), shot) for p in pages)
    return check(d < 1.5, "%s: the screen is the rendered page (mean difference %.1f)" % (name, d))


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by a signal"))
    missing = [p for p in ("Xvfb", "xwd") if shutil.which(p) is None]
    try:
        import PIL  # noqa: F401
    except ImportError:
        missing.append("python3-pil")
    if missing:
        print("skipped: not installed: " + ", ".join(missing))
        return 77
    tmp = tempfile.mkdtemp(prefix="hallboard-live-")
    procs = []
    try:
        xvfb, display = start_xvfb(tmp)
        procs.append(xvfb)
        names = write_clips(os.path.join(tmp, "clips"))
        feeds = hall_files(tmp)
        script = os.path.join(tmp, "day.script")
        open(script, "w", encoding="utf-8").write(SCRIPT)
        sim, sim_start, url = start_queue_sim(SOURCE, AT, os.path.join(tmp, "sim.log"), "--script", script,
                                              "--roster", os.path.join(feeds, "roster.xml"))
        procs.append(sim)

        def screen_now():  # the hall's clock, which both started at AT
            return AT + datetime.timedelta(seconds=round(time.monotonic() - sim_start))

        config = player_xml(tmp, feeds, url, os.path.join(tmp, "clips"))
        os.makedirs(os.path.join(tmp, "render"))
        render_config = player_xml(os.path.join(tmp, "render"), feeds, url, None)
        audio = os.path.join(tmp, "audio.raw")
        env = dict(os.environ, DISPLAY=":%d" % display, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=audio)
        run_log = open(os.path.join(tmp, "run.log"), "wb")
        player = subprocess.Popen([HALLBOARD, "run", "--config", config, "--windowed", "%dx%d" % SIZE,
                                   "--at", screen_now().isoformat(timespec="seconds")],
                                  env=env, stdout=run_log, stderr=run_log, start_new_session=True)
        procs.append(player)
        player_start = time.monotonic()

        def at(second):  # waits until `second` seconds after the simulator's start
            time.sleep(max(0.0, sim_start + second - time.monotonic()))
            if player.poll() is not None:
                sys.exit("the player ended: " + open(os.path.join(tmp, "run.log"), errors="replace").read())

        def document():
            return urllib.request.urlopen(url, timeout=2).read()

        # The first call reaches the screen within the poll interval (1 s)
        # and the time to lay out and draw it (a grab takes about 0.1 s more;
        # CI runs tests side by side, hence 1.5).
        at(CALLS[0][2])
        while time.monotonic() < sim_start + CALLS[0][2] + 5:
            shot = grab(display, os.path.join(tmp, "first-call.png"))
            if sum(shot.getpixel((SIZE[0] // 2, SIZE[1] // 2))) < 300:  # the call's dark panel
                break
        took = time.monotonic() - sim_start - CALLS[0][2]
        check(took < 1.5, "the first call was on screen %.2f s after the source showed it" % took)
        for ticket, window, second in CALLS:
            at(second + 3)
            same_page(display, render_config, tmp, "call-" + ticket, document(), "call", screen_now)
        at(28)
        same_page(display, render_config, tmp, "windows-live", document(), "windows", screen_now)
        at(SILENT_FROM + 33)
        same_page(display, render_config, tmp, "windows-silent", None, "windows", screen_now)
        stop(player)
        raw = open(audio, "rb").read()
        heard = words_heard(raw, names, 100)
        note("heard: " + " ".join(w for _, w in heard))
        # The disk driver writes in real time from the device's opening, a
        # moment after the player started: times are file seconds.
        lag = player_start - sim_start
        for ticket, window, second in CALLS:
            said = ["请"] + list(ticket) + ["号", "到", window, "号", "窗口", "办理"]
            near = [w for t, w in heard if second - lag - 1 <= t <= second - lag + 9]
            check(near == said + said, "%s said twice, in order, soon after the call (heard %s)"
                  % (ticket, " ".join(near)))
        quiet = [w for t, w in heard if 25 - lag <= t <= SILENT_FROM + 30 - lag]
        check(not quiet, "nothing said while no call came (heard %s)" % " ".join(quiet))
        log = [line for line in open(os.path.join(tmp, "run.log"), errors="replace") if "queue:" in line]
        check(1 <= len(log) <= 3, "the silent source is said in the log, once: %s" % "".join(log))
    finally:
        for p in reversed(procs):
            stop(p)
    if failures:
        print("kept for a look: " + tmp)
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
