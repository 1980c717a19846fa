#!/usr/bin/env bash
# Soak (not a test): runs the player on a copy of the demo content for
# MINUTES minutes while a feed changes every 30 seconds, and prints the
# player's memory (RSS, PSS) and open file descriptors every 30 seconds.
# Usage: bench/soak_feeds.sh [HALLBOARD_BINARY] [MINUTES] [file|http]
# http: the feeds are served by a python3 web server on 127.0.0.1 and
# polled every 10 seconds; file: read from disk as they change.
# Headless by default (SDL's dummy driver); set SDL_VIDEODRIVER=x11 and
# DISPLAY to watch it.
set -euo pipefail
bin=$(realpath "${1:-build/hallboard}")
minutes=${2:-10}
mode=${3:-file}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server=
trap 'kill "$pid" $server 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$root/content" "$work/content"
sed -i "s#<cache dir=\"[^\"]*\"#<cache dir=\"$work/cache\"#" "$work/content/player.xml"
if [ "$mode" = http ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$work/content" && exec python3 -m http.server --bind 127.0.0.1 "$port" >/dev/null 2>&1) &
  server=$!
  sed -i -E "s#<feed url=\"([a-z]+\.xml)\"/>#<feed url=\"http://127.0.0.1:$port/\1\" poll=\"10\"/>#" \
    "$work/content/player.xml"
  sleep 1
fi
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
"$bin" run --config "$work/content/player.xml" --windowed 1920x1080 --at 2026-11-27T09:30 \
  2>"$work/log" &
pid=$!
sleep 2
printf '%6s %9s %9s %4s %s\n' "second" "RSS kB" "PSS kB" "fds" "accepted so far"
for ((i = 0; i <= minutes * 2; i++)); do
  rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  printf '%6d %9d %9d %4d %d\n' $((i * 30)) "$rss" "$pss" "$fds" "$(grep -c 'new content' "$work/log")"
  [ "$i" -eq $((minutes * 2)) ] && break
  # A new version of the hall feed: another subtitle, a later `generated`.
  stamp=$(printf '2026-11-27T08:%02d:%02d+08:00' $((i / 2 % 60)) $((i % 2 * 30)))
  sed -i -E -e 's/generated="[^"]*"/generated="'"$stamp"'"/' \
    -e 's/subtitle="[^"]*"/subtitle="第'"$i"'版 一站式管理"/' "$work/content/hall.xml"
  sleep 30
done
kill -TERM "$pid"
wait "$pid" || true
echo "log: $(wc -l <"$work/log") lines; last lines:"
tail -3 "$work/log"
