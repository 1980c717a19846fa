#!/usr/bin/env bash
# hallboard run with a hall of 60,000 items and a rotating item slide: the
# first frame comes at once, the watchdog's pings keep coming while the
# content thread parses and counts, and SIGTERM ends the player within
# seconds while it is busy (issue 15). Bounds are generous: CI machines are
# loaded and this runs under ASan too; bench/watchdog_gaps.py measures.
# Usage: hostile_run_cli.sh HALLBOARD_BINARY REPO_ROOT
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/hall"
cp "$root/content/hall.xml" "$root/content/roster.xml" "$work/hall/"
python3 - "$root/content/items.xml" "$work/hall/items.xml" <<'PY'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
end = src.index("</items>")
cats = ["建设工程", "建筑市场与资质", "房地产市场", "住房保障", "城市建设", "物业管理"]
extra = "".join(
    '<item id="H%05d" category="%s" window="1"><name>事项%d</name>'
    '<deadline unit="immediate"/></item>\n' % (i, cats[i % 6], i) for i in range(60000))
open(sys.argv[2], "w", encoding="utf-8").write(src[:end] + extra + src[end:])
PY
cat >"$work/hall/player.xml" <<'XML'
<player screen="lobby-1" timezone="+08:00">
  <feed url="hall.xml"/><feed url="items.xml"/><feed url="roster.xml"/>
  <cache dir="cache"/>
</player>
XML

# WatchdogSec=8: pings due every 4 s, none may come 6 s apart.
if timeout 120 python3 "$root/bench/watchdog_gaps.py" "$bin" "$work/hall/player.xml" --seconds 20 \
    --watchdog 8 --ready-within 10 --at 2026-11-27T10:00 >"$work/out" 2>&1; then
  ok "60,000 items: READY at once, no watchdog gap ($(tr '\n' ';' <"$work/out" | cut -c1-120))"
else
  cat "$work/out"
  fail "60,000 items: READY at once, no watchdog gap"
fi

# SIGTERM while the content thread parses and counts.
rm -rf "$work/hall/cache"
set -m
"$bin" run --config "$work/hall/player.xml" --windowed 1280x720 --at 2026-11-27T10:00 \
  2>"$work/err" &
pid=$!
for _ in $(seq 1 300); do grep -q "items.xml: accepted" "$work/err" 2>/dev/null && break; sleep 0.1; done
kill -s TERM "$pid"
start=$(date +%s%N)
wait_exit "$pid"
took=$(( ($(date +%s%N) - start) / 1000000 ))
set +m
if [ "$status" = 0 ] && [ "$took" -lt 5000 ]; then
  ok "SIGTERM while busy with 60,000 items: exit 0 after $took ms"
else
  fail "SIGTERM while busy with 60,000 items: exit 0 within 5 s (status $status after $took ms)"
fi

finish
