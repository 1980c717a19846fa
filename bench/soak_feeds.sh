#!/usr/bin/env bash
# Soak (not a test): runs the player on a copy of the demo content for
# MINUTES minutes while a feed changes every 30 seconds, and prints the
# player's memory (RSS, PSS) and open file descriptors every 30 seconds.
# Usage: bench/soak_feeds.sh [HALLBOARD_BINARY] [MINUTES]
# Headless by default (SDL's dummy driver); set SDL_VIDEODRIVER=x11 and
# DISPLAY to watch it.
set -euo pipefail
bin=$(realpath "${1:-build/hallboard}")
minutes=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$root/content" "$work/content"
sed -i "s#<cache dir=\"[^\"]*\"#<cache dir=\"$work/cache\"#" "$work/content/player.xml"
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
