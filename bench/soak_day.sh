#!/usr/bin/env bash
# Accelerated soak (not a test): days on the screen in a few minutes. The
# player runs on a copy of the demo content with its clock started at
# midnight on a Thursday (so the two default days are both open days; a
# Saturday is dark all day and would compare nothing) and running SPEED times faster (--at, --speed), so it goes
# through the dark night, the opening, the duty changes of the day, lunch
# and the closing; meanwhile the hall and items feeds are replaced every
# 10 seconds, and a heartbeat with a screenshot goes every 10 seconds to a
# receiver on 127.0.0.1. Memory (RSS, PSS) and open descriptors are sampled every 10
# seconds. The first half of the run warms up; the second half must not
# need more: at the end it prints the growth from the first half to the
# second (their peaks, and their last samples), so with the default two
# days a day's pattern is compared with the same pattern a day later.
# Usage: bench/soak_day.sh [HALLBOARD_BINARY] [REAL_MINUTES] [SPEED] [WxH]
# START=2026-11-23T00:00 (a Monday) gives four open days in a row.
# Defaults: build/hallboard, 6 minutes, 480 (2 days in 6 minutes), 1920x1080.
set -euo pipefail
bin=$(realpath "${1:-build/hallboard}")
minutes=${2:-6}
speed=${3:-480}
size=${4:-1920x1080}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" "$receiver" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$root/content" "$work/content"
sed -i "s#<cache dir=\"[^\"]*\"#<cache dir=\"$work/cache\"#" "$work/content/player.xml"
mkdir -p "$work/beats"
python3 "$root/tests/net/heartbeat_receiver.py" --dir "$work/beats" >"$work/beats/port" 2>/dev/null &
receiver=$!
for _ in $(seq 1 50); do [ -s "$work/beats/port" ] && break; sleep 0.1; done
sed -i "s#</player>#<heartbeat url=\"http://127.0.0.1:$(head -1 "$work/beats/port")/\" interval=\"10\" screenshot=\"true\"/></player>#" \
  "$work/content/player.xml"
export no_proxy='*' NO_PROXY='*'

export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
seconds=$((minutes * 60))
"$bin" run --config "$work/content/player.xml" --windowed "$size" --at "${START:-2026-11-26T00:00}" \
  --speed "$speed" --exit-after "$seconds" 2>"$work/log" &
pid=$!
sleep 1
samples=$((seconds / 10))
half=$((samples / 2))
declare -a rss_at pss_at uss_at fds_at
printf '%6s %9s %9s %9s %4s %8s %s\n' "second" "RSS kB" "PSS kB" "USS kB" "fds" "screen" "versions"
for ((i = 0; i < samples; i++)); do
  [ -e "/proc/$pid/smaps_rollup" ] || break
  rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
  # USS: the pages only this process holds; unlike PSS it does not move
  # when other programs map the same libraries.
  uss=$(awk '/^Private_(Clean|Dirty):/ {s += $2} END {print s}' "/proc/$pid/smaps_rollup")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  clock=$(grep -o '^hallboard run: \[[0-9:]*\]' "$work/log" | tail -1 | tr -d '[]' | cut -d' ' -f3)
  printf '%6d %9d %9d %9d %4d %8s %d\n' $((i * 10)) "$rss" "$pss" "$uss" "$fds" "${clock:--}" \
    "$(grep -c 'new content' "$work/log" || true)"
  rss_at+=("$rss"); pss_at+=("$pss"); uss_at+=("$uss"); fds_at+=("$fds")
  # New versions: another subtitle and a later `generated` for the hall,
  # another wording of the first item's name.
  stamp=$(date -u -d "@$((1795737600 + (i + 1) * 60))" +%Y-%m-%dT%H:%M:%S+00:00)
  sed -i -E -e '0,/generated="[^"]*"/s//generated="'"$stamp"'"/' \
    -e 's/subtitle="[^"]*"/subtitle="第'"$i"'版 一站式管理"/' "$work/content/hall.xml"
  sed -i -E -e '0,/generated="[^"]*"/s//generated="'"$stamp"'"/' \
    -e '0,/<name>[^<]*<\/name>/s//<name>第'"$i"'版 事项名称<\/name>/' "$work/content/items.xml"
  sleep 10
done
wait "$pid" || true
echo "log: $(wc -l <"$work/log") lines; proof of play: $(wc -l <"$work/cache/play.jsonl") lines;" \
  "heartbeats received: $(find "$work/beats" -name 'post-*.body' | wc -l), with a PNG: $(find "$work/beats" -name 'post-*.png' | wc -l)"
grep -E 'dark|wakes' "$work/log" | head -8 || true
# First half against second half: peaks, and the last sample of each.
n=${#rss_at[@]}
half=$((n / 2))
peak() { local -n a=$1; local m=0; for ((k = $2; k < $3; k++)); do ((a[k] > m)) && m=${a[k]}; done; echo "$m"; }
echo "samples: $n; halves of $half"
for name in rss uss pss fds; do
  p1=$(peak "${name}_at" 0 "$half"); p2=$(peak "${name}_at" "$half" $((2 * half)))
  declare -n arr="${name}_at"
  l1=${arr[half - 1]}; l2=${arr[2 * half - 1]}
  unset -n arr
  echo "$name: peak $p1 -> $p2 (growth $((p2 - p1))); last $l1 -> $l2 (growth $((l2 - l1)))"
done
