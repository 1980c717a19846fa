#!/usr/bin/env bash
# Benchmark (not a test): hallboard run against a Chromium kiosk showing the
# same content, side by side on one Xvfb screen, in one run (issue 7, items
# 3-5). Results and method: docs/performance.md.
#
# Usage: bench/kiosk_vs_chromium.sh [HALLBOARD_BINARY]        (default build/hallboard)
# Environment (all optional):
#   DISPLAY_NUM=71            the Xvfb display the script starts (and kills)
#   AT=2026-11-27T10:00:40    the screen's clock for both (an open hall, items pages)
#   SETTLE=10 WINDOW=60       the measuring window: from SETTLE s after launch, WINDOW s long
#   WARMUP=8                  seconds of a first, unmeasured start of each program
#                             (fills the page cache, the profile and hallboard's feed cache)
#   ORDER=hallboard,chromium  which program is measured first (one name: only that one,
#                             its own numbers without ratios)
#   OUT=/tmp/hb-bench         where screenshots, logs and results-*.json go
#   CHROMIUM=chromium         the browser's command (Debian's wrapper, /usr/bin/chromium)
#   WATCH=build/bench/bench_screen_watch   the screen watcher (see "first frame")
#   STARTS=5                  starts of each program timed to the first frame: the
#                             measured one, then STARTS-1 more of each in turn; medians
#
# What it measures, for each program in turn on the same Xvfb (1920x1080x24):
#   CPU     utime+stime of every process of the program (its process tree and
#           its session: zygote, renderer, GPU/viz, utility processes), read from
#           /proc/PID/stat every second, over the window; as % of one core.
#           The Xvfb server's CPU over the same window is reported separately.
#   memory  PSS summed over those processes (/proc/PID/smaps_rollup), every 5 s
#           in the window (13 samples for 60 s): mean and max.
#   first frame  from exec (monotonic clock) to the program's own signal that
#           the first complete frame is on screen: hallboard's sd_notify
#           READY=1 (sent after the first frame is presented), the page's
#           console.log("HB_FIRST_FRAME") after DOMContentLoaded, fonts.ready
#           and two requestAnimationFrame callbacks. Cross-check for both,
#           from outside: the screen grabbed every 10 ms (MIT-SHM, by
#           build/bench/bench_screen_watch; WATCH= names another) until it is
#           non-black, and until it is "full" (header red, ticker navy, page
#           background and dark text all present in plausible amounts).
#           Without that program, xwd -root every 50 ms (about 100 ms a
#           capture: coarse).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
watch=${WATCH:-$repo/build/bench/bench_screen_watch}
starts=${STARTS:-5}
[ -x "$watch" ] || { echo "no $watch (cmake --build build --target bench_screen_watch): the screen check falls back to xwd" >&2; watch=""; }
bin=$(readlink -f "${1:-build/hallboard}")
display_num=${DISPLAY_NUM:-71}
at=${AT:-2026-11-27T10:00:40}
settle=${SETTLE:-10}
window=${WINDOW:-60}
warmup=${WARMUP:-8}
order=${ORDER:-hallboard,chromium}
out=${OUT:-/tmp/hb-bench}
chromium=${CHROMIUM:-chromium}

die() { echo "kiosk_vs_chromium.sh: $*" >&2; exit 1; }
[ -x "$bin" ] || die "no hallboard binary at $bin (build it: scripts/setup.sh)"
command -v Xvfb >/dev/null || die "Xvfb is missing: apt-get install -y xvfb"
command -v "$chromium" >/dev/null || die "chromium is missing: apt-get install -y chromium"
command -v xwd >/dev/null || die "xwd is missing: apt-get install -y x11-apps"
command -v python3 >/dev/null || die "python3 is missing"
[ ! -e "/tmp/.X11-unix/X$display_num" ] && [ ! -e "/tmp/.X$display_num-lock" ] ||
  die "display :$display_num is in use (set DISPLAY_NUM)"

mkdir -p "$out"
tmp=$(mktemp -d /tmp/kiosk-bench.XXXXXX)
xvfb_pid=
cleanup() {
  # The driver kills what it started; this is for an interrupted run.
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# hallboard's config: the demo's, with absolute feed paths and a cache of its own.
sed -e "s|<feed url=\"\([^\"/]*\)\"/>|<feed url=\"$repo/content/\1\"/>|" \
    -e "s|<cache dir=\"[^\"]*\"/>|<cache dir=\"$tmp/hallboard-cache\"/>|" \
    content/player.xml >"$tmp/player.xml"
grep -q "$tmp/hallboard-cache" "$tmp/player.xml" || die "could not rewrite content/player.xml"
# Chromium's page, from the same feeds and the same moment.
python3 bench/kiosk_page.py --content content --at "$at" --out "$tmp/page.html"
cp "$tmp/page.html" "$out/kiosk-page.html"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem/ {print $2}') GB RAM, Debian $(cat /etc/debian_version)"
echo "hallboard: $("$bin" --version) ($bin, built $(date -r "$bin" '+%F %T'); checkout now at $(git -C "$repo" log -1 --format='%h' 2>/dev/null))"
echo "chromium: $("$chromium" --version 2>/dev/null)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

Xvfb ":$display_num" -screen 0 1920x1080x24 -br -nolisten tcp -noreset >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display_num" ] && break; sleep 0.05; done
[ -e "/tmp/.X11-unix/X$display_num" ] || { cat "$tmp/xvfb.log" >&2; die "Xvfb did not start"; }

export BENCH_BIN="$bin" BENCH_CONFIG="$tmp/player.xml" BENCH_PAGE="$tmp/page.html" \
  BENCH_WATCH="$watch" BENCH_STARTS="$starts" BENCH_TMP="$tmp" BENCH_OUT="$out" BENCH_DISPLAY=":$display_num" BENCH_XVFB="$xvfb_pid" \
  BENCH_AT="$at" BENCH_SETTLE="$settle" BENCH_WINDOW="$window" BENCH_WARMUP="$warmup" \
  BENCH_ORDER="$order" BENCH_CHROMIUM="$chromium"
python3 - <<'PY'
import json, os, signal, socket, statistics, struct, subprocess, sys, threading, time, zlib

E = os.environ
TMP, OUT, DISPLAY = E["BENCH_TMP"], E["BENCH_OUT"], E["BENCH_DISPLAY"]
XVFB = int(E["BENCH_XVFB"])
SETTLE, WINDOW, WARMUP = float(E["BENCH_SETTLE"]), float(E["BENCH_WINDOW"]), float(E["BENCH_WARMUP"])
STARTS = int(E["BENCH_STARTS"])
TCK = os.sysconf("SC_CLK_TCK")
mono = time.monotonic

# ---------------------------------------------------------------- /proc
def stat(pid):
    """(ppid, session, starttime, utime+stime in ticks) or None."""
    try:
        s = open(f"/proc/{pid}/stat", "rb").read().decode("latin-1")
    except OSError:
        return None
    f = s[s.rindex(")") + 2:].split()
    return int(f[1]), int(f[3]), int(f[19]), int(f[11]) + int(f[12])

def procs_of(root, sid):
    """The root's descendants and every process of its session."""
    table = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = stat(int(d))
            if st:
                table[int(d)] = st
    kids = {}
    for pid, st in table.items():
        kids.setdefault(st[0], []).append(pid)
    found, todo = set(), [root]
    while todo:
        p = todo.pop()
        if p in table and p not in found:
            found.add(p)
            todo += kids.get(p, [])
    found |= {pid for pid, st in table.items() if st[1] == sid}
    return {pid: table[pid] for pid in found}

def pss_kb(pid):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

def kind(pid):
    """A process's comm, with Chromium's --type= (renderer, gpu-process, zygote …)."""
    try:
        name = open(f"/proc/{pid}/comm").read().strip()
        for arg in open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").split():
            if arg.startswith(b"--type="):
                name += " " + arg[7:].decode()
            if arg.startswith(b"--utility-sub-type="):
                name += " (" + arg[19:].decode() + ")"
        return name
    except OSError:
        return "?"

# ---------------------------------------------------------------- screen
def xwd_root():
    """The root window as (width, height, bytes of 32-bit pixels, byte order)."""
    raw = subprocess.run(["xwd", "-root", "-silent", "-display", DISPLAY],
                         capture_output=True, check=True).stdout
    h = struct.unpack(">25I", raw[:100])
    header_size, width, height, byte_order, bpp, bpl, ncolors = h[0], h[4], h[5], h[7], h[11], h[12], h[19]
    if bpp != 32:
        raise SystemExit(f"xwd: {bpp} bits per pixel, expected 32")
    start = header_size + ncolors * 12
    data = bytearray(raw[start:start + bpl * height])
    # The pad byte of a 24-bit pixel is whatever the client wrote (SDL: 0xff,
    # Chromium: 0x00): make it 0 so that pixels compare by colour alone.
    pad = 3 if byte_order == 0 else 0
    data[pad::4] = bytes(len(data[pad::4]))
    return width, height, data, byte_order

def pattern(rgb, byte_order):
    r, g, b = (int(rgb[i:i + 2], 16) for i in (1, 3, 5))
    return bytes([b, g, r, 0]) if byte_order == 0 else bytes([0, r, g, b])

# Colours both pages paint as flat fills (assets/theme.conf), and the share of
# the screen each must at least cover for a frame to count as "full".
FULL = [("#B4161C", 0.06), ("#1D3557", 0.03), ("#F7F4EE", 0.15), ("#1F1F1F", 0.002)]

def judge(width, height, data, byte_order):
    n = width * height
    nonblank = data.count(0) < len(data)
    full = all(data.count(pattern(c, byte_order)) >= share * n for c, share in FULL)
    return nonblank, full

def save_png(path, width, height, data, byte_order):
    rgb = bytearray(width * height * 3)
    if byte_order == 0:
        rgb[0::3], rgb[1::3], rgb[2::3] = data[2::4], data[1::4], data[0::4]
    else:
        rgb[0::3], rgb[1::3], rgb[2::3] = data[1::4], data[2::4], data[3::4]
    row = width * 3
    raw = b"".join(b"\0" + bytes(rgb[y * row:(y + 1) * row]) for y in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))

# ---------------------------------------------------------------- programs
def hallboard_cmd(run_seconds):
    return [E["BENCH_BIN"], "run", "--config", E["BENCH_CONFIG"], "--at", E["BENCH_AT"],
            "--exit-after", str(int(run_seconds))]

CHROMIUM_FLAGS = [
    "--kiosk", "--no-first-run", "--no-default-browser-check",
    "--noerrdialogs", "--disable-infobars", "--disable-session-crashed-bubble",
    # Without a window manager --kiosk alone leaves a window of Chromium's
    # default size: WM-less kiosk set-ups (xinit + chromium) give the screen.
    "--window-position=0,0", "--window-size=1920,1080", "--force-device-scale-factor=1",
    "--password-store=basic",          # no keyring prompt on a desktop-less kiosk
    "--no-sandbox",                    # only because this bench runs as root; a kiosk user keeps the sandbox
    "--enable-logging=stderr", "--v=0",  # for the page's HB_FIRST_FRAME console line
]

def chromium_cmd(profile):
    return [E["BENCH_CHROMIUM"], *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
            "file://" + E["BENCH_PAGE"]]

def env_for(name, notify_path=None):
    env = dict(os.environ, DISPLAY=DISPLAY)
    for k in list(env):
        if k.startswith("BENCH_") or k in ("WAYLAND_DISPLAY", "NOTIFY_SOCKET", "WATCHDOG_USEC"):
            del env[k]
    if name == "hallboard":
        env["SDL_VIDEODRIVER"] = "x11"
        if notify_path:
            env["NOTIFY_SOCKET"] = notify_path
    return env

def stop(p):
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    time.sleep(0.5)
    try:  # children that outlived their parent (Chromium's zygote, crashpad)
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass

running = []
def on_signal(sig, _):
    for p in running:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    sys.exit(130)
signal.signal(signal.SIGTERM, on_signal)
signal.signal(signal.SIGINT, on_signal)

def launch(name, warm, tag=None, run_seconds=None):
    """Starts one program; returns (process, t0, events) where events fills in
    'signal' (its own first-frame signal) from reader threads."""
    events = {}
    log = open(os.path.join(OUT, f"{name}{tag or ('-warmup' if warm else '')}.log"), "w")
    notify = None
    if name == "hallboard":
        path = os.path.join(TMP, "notify.sock")
        if os.path.exists(path):
            os.unlink(path)
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(path)
        cmd = hallboard_cmd(run_seconds or (WARMUP if warm else SETTLE + WINDOW) + 10)
        env = env_for(name, path)
    else:
        cmd = chromium_cmd(os.path.join(TMP, "chromium-profile"))
        env = env_for(name)
    t0 = mono()
    p = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=log,
                         stderr=subprocess.PIPE, start_new_session=True)
    running.append(p)
    def read_stderr():
        for line in p.stderr:
            t = mono() - t0
            text = line.decode("utf-8", "replace")
            log.write(f"[{t:8.3f}] {text}")
            if "HB_FIRST_FRAME" in text and "signal" not in events:
                events["signal"] = t
                events["page_ms"] = text.split("HB_FIRST_FRAME", 1)[1].split('"')[0].strip()
        log.close()
    threading.Thread(target=read_stderr, daemon=True).start()
    if notify:
        def read_notify():
            notify.settimeout(SETTLE + WINDOW + 30)
            try:
                while True:
                    msg = notify.recv(4096).decode("utf-8", "replace")
                    if "READY=1" in msg and "signal" not in events:
                        events["signal"] = mono() - t0
            except OSError:
                pass
        threading.Thread(target=read_notify, daemon=True).start()
    events["cmd"] = cmd
    return p, t0, events

def watch_screen(t0, until, events):
    """xwd -root every 50 ms until the screen is full (or `until`)."""
    while mono() < until:
        t = mono() - t0
        try:
            nonblank, full = judge(*xwd_root())
        except subprocess.CalledProcessError:
            nonblank = full = False
        if nonblank and "screen_nonblank" not in events:
            events["screen_nonblank"] = t
        if full:
            events["screen_full"] = t
            return
        time.sleep(0.05)

WATCH = E["BENCH_WATCH"]
SCREEN_CHECK = "screen grabs every 10 ms" if WATCH else "xwd screen check"

def start_watcher():
    """The screen watcher, connected and grabbing before the program starts."""
    w = subprocess.Popen([WATCH, str(SETTLE), "10", *(c[1:] + f":{share}" for c, share in FULL)],
                         stdout=subprocess.PIPE, text=True, env={**os.environ, "DISPLAY": DISPLAY},
                         start_new_session=True)
    running.append(w)
    if w.stdout.readline().strip() != "ready":
        raise SystemExit(f"{WATCH} did not start; see its message above")
    return w

def collect_watcher(w, t0, events):
    try:
        out, _ = w.communicate(timeout=SETTLE + 5)
    except subprocess.TimeoutExpired:
        w.kill()
        out, _ = w.communicate()
    running.remove(w)
    words = out.split()
    for key, name in (("nonblank", "screen_nonblank"), ("full", "screen_full")):
        if key in words:
            events[name] = float(words[words.index(key) + 1]) - t0

def launch_watched(name, **how):
    """launch(), with the screen watched from the exec until it is full."""
    watcher = start_watcher() if WATCH else None
    p, t0, ev = launch(name, **how)
    if watcher:
        collect_watcher(watcher, t0, ev)
    else:
        watch_screen(t0, t0 + SETTLE - 0.5, ev)
    return p, t0, ev

def sleep_until(t):
    d = t - mono()
    if d > 0:
        time.sleep(d)

def measure(name):
    # An unmeasured start first: page cache, Chromium's profile, hallboard's feed cache.
    p, t0, _ = launch(name, warm=True)
    sleep_until(t0 + WARMUP)
    stop(p)
    running.remove(p)
    time.sleep(2)

    p, t0, ev = launch_watched(name, warm=False)
    sid = p.pid
    sleep_until(t0 + SETTLE)
    if p.poll() is not None:
        raise SystemExit(f"{name} exited early with status {p.returncode}; see {OUT}/{name}.log")
    first, last, kinds_of = {}, {}, {}
    def cpu_sample():
        for pid, (_, _, start, ticks) in procs_of(sid, sid).items():
            last[(pid, start)] = ticks
            if (pid, start) not in kinds_of:
                kinds_of[(pid, start)] = kind(pid)
    for pid, (_, _, start, ticks) in procs_of(sid, sid).items():
        first[(pid, start)] = ticks
    x0, w0 = stat(XVFB)[3], mono()
    pss, xpss, nprocs = [], [], []
    k = 0
    while True:
        tk = t0 + SETTLE + k
        sleep_until(tk)
        cpu_sample()
        if k % 5 == 0:
            ps = procs_of(sid, sid)
            pss.append(sum(pss_kb(pid) for pid in ps) / 1024)
            xpss.append(pss_kb(XVFB) / 1024)
            nprocs.append(len(ps))
        if k >= WINDOW:
            break
        k += 1
    x1, w1 = stat(XVFB)[3], mono()
    wall = w1 - w0
    ticks = sum(v - first.get(key, 0) for key, v in last.items())
    cpu_by_kind = {}
    for key, v in last.items():
        k = kinds_of.get(key, "?")
        cpu_by_kind[k] = cpu_by_kind.get(k, 0) + 100.0 * (v - first.get(key, 0)) / TCK / wall
    # The page as it is at the end of the window, for the eye.
    w, h, data, bo = xwd_root()
    save_png(os.path.join(OUT, f"screen-{name}.png"), w, h, data, bo)
    ps = procs_of(sid, sid)
    kinds = {}
    pss_by_kind = {}
    for pid in ps:
        k = kind(pid)
        kinds[k] = kinds.get(k, 0) + 1
        pss_by_kind[k] = pss_by_kind.get(k, 0) + pss_kb(pid) / 1024
    cmdline = open(f"/proc/{p.pid}/cmdline", "rb").read().replace(b"\0", b" ").decode() if p.poll() is None else ""
    stop(p)
    running.remove(p)
    time.sleep(2)
    return {
        "name": name, "cmd": " ".join(ev["cmd"]), "exec_cmdline": cmdline.strip(),
        "cpu_pct": 100.0 * ticks / TCK / wall, "xvfb_cpu_pct": 100.0 * (x1 - x0) / TCK / wall,
        "window_s": wall, "pss_mean_mb": sum(pss) / len(pss), "pss_max_mb": max(pss),
        "pss_samples_mb": pss, "xvfb_pss_max_mb": max(xpss), "processes": max(nprocs),
        "process_kinds": kinds, "cpu_pct_by_kind": cpu_by_kind, "pss_mb_by_kind_at_end": pss_by_kind,
        "first_frame_ms": 1000 * ev["signal"] if "signal" in ev else None,
        "page_own_ms": ev.get("page_ms"),
        "screen_nonblank_ms": 1000 * ev["screen_nonblank"] if "screen_nonblank" in ev else None,
        "screen_full_ms": 1000 * ev["screen_full"] if "screen_full" in ev else None,
        "screen_check": SCREEN_CHECK,
    }

def one_start(name, i):
    """Another warm start, for its time to the first frame only."""
    p, t0, ev = launch_watched(name, warm=False, tag=f"-start{i}", run_seconds=SETTLE + 5)
    while "signal" not in ev and mono() < t0 + SETTLE:
        time.sleep(0.05)
    stop(p)
    running.remove(p)
    time.sleep(2)
    return ev

def median(values):
    """A start that never showed its first frame counts as SETTLE: dropping
    it would leave the median to the quicker starts."""
    return statistics.median(1000 * SETTLE if x is None else x for x in values) if values else None

results = {}
names = E["BENCH_ORDER"].split(",")
for name in names:
    print(f"measuring {name} ...", file=sys.stderr, flush=True)
    results[name] = measure(name)
# One start is noisy (on this kind of machine one program's start varies by
# a third from one to the next): more starts of each, taken in turn, and
# their medians.
for name in names:
    results[name]["starts_signal_ms"] = [results[name]["first_frame_ms"]]
    results[name]["starts_screen_ms"] = [results[name]["screen_full_ms"]]
if STARTS > 1:
    print(f"{STARTS - 1} more starts of each ...", file=sys.stderr, flush=True)
for i in range(1, STARTS):
    for name in names:
        ev = one_start(name, i)
        results[name]["starts_signal_ms"].append(1000 * ev["signal"] if "signal" in ev else None)
        results[name]["starts_screen_ms"].append(1000 * ev["screen_full"] if "screen_full" in ev else None)
for name in names:
    results[name]["median_signal_ms"] = median(results[name]["starts_signal_ms"])
    results[name]["median_screen_ms"] = median(results[name]["starts_screen_ms"])

stamp = time.strftime("%Y%m%d-%H%M%S")
results["load_after"] = open("/proc/loadavg").read().split()[:3]
with open(os.path.join(OUT, f"results-{stamp}.json"), "w") as f:
    json.dump(results, f, indent=1, ensure_ascii=False)

if len(results) == 2:  # one program only (ORDER=hallboard): its numbers, no ratios
    (name, r), = [(k, v) for k, v in results.items() if k != "load_after"]
    print(f"\n{name}: CPU {r['cpu_pct']:.2f} % of one core (Xvfb {r['xvfb_cpu_pct']:.2f} %), "
          f"PSS mean {r['pss_mean_mb']:.1f} MB, max {r['pss_max_mb']:.1f} MB, "
          f"first frame {r['first_frame_ms'] or 0:.0f} ms (screen full {r['screen_full_ms'] or 0:.0f} ms); "
          f"median of {STARTS} starts {r['median_signal_ms'] or 0:.0f} ms (screen {r['median_screen_ms'] or 0:.0f} ms)")
    raise SystemExit(0)
hb, cr = results["hallboard"], results["chromium"]
def fmt(v, unit=""):
    return "—" if v is None else f"{v:.1f}{unit}"
def ratio_row(label, a, b, target):
    if a is None or b is None:
        return f"| {label} | {fmt(a)} | {fmt(b)} | — | ≤ {target} | no data |"
    r = a / b
    limit = eval(target)
    return f"| {label} | {fmt(a)} | {fmt(b)} | {r:.3f} (1/{b / a:.1f}) | ≤ {target} | {'yes' if r <= limit else 'NO'} |" if a > 0 else \
           f"| {label} | {fmt(a)} | {fmt(b)} | 0 | ≤ {target} | yes |"
print()
print(f"Xvfb :{DISPLAY[1:]} 1920x1080x24; order {E['BENCH_ORDER']}; window {SETTLE:.0f}-{SETTLE + WINDOW:.0f} s after launch; load after: {' '.join(results['load_after'])}")
print()
print("| measure | hallboard | Chromium | ratio | target | met |")
print("| --- | ---: | ---: | ---: | --- | --- |")
print(ratio_row("CPU, % of one core", hb["cpu_pct"], cr["cpu_pct"], "1/5"))
print(ratio_row("memory PSS, MB, mean", hb["pss_mean_mb"], cr["pss_mean_mb"], "1/10"))
print(ratio_row("memory PSS, MB, max", hb["pss_max_mb"], cr["pss_max_mb"], "1/10"))
if STARTS > 1:
    print(ratio_row(f"first full frame, ms, median of {STARTS} starts (own signal)", hb["median_signal_ms"], cr["median_signal_ms"], "1/5"))
    print(ratio_row(f"first full frame, ms, median of {STARTS} starts ({SCREEN_CHECK})", hb["median_screen_ms"], cr["median_screen_ms"], "1/5"))
print(ratio_row("first full frame, ms, the measured start (own signal)", hb["first_frame_ms"], cr["first_frame_ms"], "1/5"))
print(ratio_row(f"first full frame, ms, the measured start ({SCREEN_CHECK})", hb["screen_full_ms"], cr["screen_full_ms"], "1/5"))
print(f"| first non-black screen, ms ({SCREEN_CHECK}) | {fmt(hb['screen_nonblank_ms'])} | {fmt(cr['screen_nonblank_ms'])} | | | |")
print(f"| Xvfb CPU in the same window, % of one core | {fmt(hb['xvfb_cpu_pct'])} | {fmt(cr['xvfb_cpu_pct'])} | | | |")
print(f"| Xvfb PSS, MB, max | {fmt(hb['xvfb_pss_max_mb'])} | {fmt(cr['xvfb_pss_max_mb'])} | | | |")
print(f"| processes | {hb['processes']} | {cr['processes']} | | | |")
print()
print("Chromium by process type (CPU % of a core in the window; PSS MB at its end): " +
      "; ".join(f"{k} ×{v}: {cr['cpu_pct_by_kind'].get(k, 0):.1f} %, {cr['pss_mb_by_kind_at_end'].get(k, 0):.0f} MB"
                for k, v in sorted(cr["process_kinds"].items())))
print(f"Chromium's own time to the double rAF (performance.now()): {cr['page_own_ms']} ms")
if STARTS > 1:
    for key, label in (("starts_signal_ms", "own signal"), ("starts_screen_ms", "screen")):
        print(f"every start, {label}, ms: " + "; ".join(
            f"{n} " + " ".join(fmt(v) for v in results[n][key]) for n in names))
print(f"screenshots: {OUT}/screen-hallboard.png {OUT}/screen-chromium.png; results: {OUT}/results-{stamp}.json")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
