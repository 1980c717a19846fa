#!/usr/bin/env bash
# hallboard run, headless (SDL's dummy video driver): it starts, shows the
# demo, exits cleanly on SIGTERM and SIGINT, and refuses bad arguments.
# Usage: run_cli.sh HALLBOARD_BINARY REPO_ROOT
set -uo pipefail
bin=$(realpath "$1")
root=$2
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$work/err" ] && head -20 "$work/err"; }

# Runs for a while, then stops by itself.
if timeout 30 "$bin" run --config "$root/content/player.xml" --windowed 1280x720 --exit-after 3 \
    --at 2026-11-27T10:00 2>"$work/err" && grep -Eq "(new content|content from the cache): .*roster.xml" "$work/err"; then
  ok "runs the demo and stops after --exit-after"
else
  fail "runs the demo and stops after --exit-after"
fi

# Without --config it finds the bundled demo.
if (cd "$work" && timeout 30 "$bin" run --windowed 800x600 --exit-after 1 2>"$work/err") &&
    grep -Eq "new content|content from the cache" "$work/err"; then
  ok "without --config it runs the bundled demo"
else
  fail "without --config it runs the bundled demo"
fi

# Job control, so the background player does not inherit an ignored SIGINT.
set -m
for signal in TERM INT; do
  "$bin" run --config "$root/content/player.xml" --windowed 1280x720 2>"$work/err" &
  pid=$!
  for _ in $(seq 1 100); do grep -Eq "new content|content from the cache" "$work/err" 2>/dev/null && break; sleep 0.1; done
  sleep 0.5
  kill -s "$signal" "$pid"
  status=124
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; status=$?; break; fi
    sleep 0.1
  done
  [ "$status" = 124 ] && kill -9 "$pid"
  if [ "$status" = 0 ] && grep -q "stopped" "$work/err"; then
    ok "SIG$signal: a clean exit 0"
  else
    fail "SIG$signal: a clean exit 0 (status $status)"
  fi
done
set +m

# Content that never becomes valid: the waiting page, still running, exit 0.
mkdir -p "$work/bad"
cat >"$work/bad/player.xml" <<'XML'
<player screen="lobby-9"><feed url="missing.xml"/><cache dir="cache"/></player>
XML
if timeout 30 "$bin" run --config "$work/bad/player.xml" --windowed 800x600 --exit-after 2 \
    2>"$work/err" && grep -q "cannot read .*missing.xml" "$work/err"; then
  ok "a missing feed: the waiting page, no crash"
else
  fail "a missing feed: the waiting page, no crash"
fi

# A feed edited while running is picked up; a broken edit is refused and
# the last good content stays.
cp -r "$root/content" "$work/live"
sed -i "s#<cache dir=\"[^\"]*\"#<cache dir=\"$work/live/cache\"#" "$work/live/player.xml"
"$bin" run --config "$work/live/player.xml" --windowed 800x600 --exit-after 9 2>"$work/err" &
pid=$!
sleep 3
sed -i 's/一站式管理/一站式服务/' "$work/live/hall.xml"
sleep 3
printf '<hallboard version="1"><broken>' >"$work/live/roster.xml"
wait "$pid"
status=$?
if [ "$status" = 0 ] && [ "$(grep -c "hall.xml: accepted" "$work/err")" = 2 ] &&
    grep -q "roster.xml:1:.*error" "$work/err" &&
    grep -q "roster.xml refused: .*the last accepted version stays on screen" "$work/err"; then
  ok "an edited feed is picked up, a broken one refused"
else
  fail "an edited feed is picked up, a broken one refused (status $status)"
fi

# blank-outside-hours="30" in the demo config: dark at 17:30, awake at 08:30.
if timeout 30 "$bin" run --config "$root/content/player.xml" --windowed 800x600 --exit-after 4 \
    --at 2026-11-27T17:29:58 2>"$work/err" &&
    grep -q "\[17:30:00\] outside opening hours: the screen is dark" "$work/err"; then
  ok "the screen goes dark 30 minutes after closing"
else
  fail "the screen goes dark 30 minutes after closing"
fi
if timeout 30 "$bin" run --config "$root/content/player.xml" --windowed 800x600 --exit-after 4 \
    --at 2026-11-30T08:29:58 2>"$work/err" &&
    grep -q "\[08:30:00\] the screen wakes" "$work/err"; then
  ok "and wakes 30 minutes before opening"
else
  fail "and wakes 30 minutes before opening"
fi

expect_misuse() {  # NAME ARGS...
  local name=$1
  shift
  timeout 30 "$bin" run "$@" >/dev/null 2>"$work/err"
  local status=$?
  if [ "$status" = 2 ] && [ -s "$work/err" ]; then ok "$name"; else fail "$name (status $status)"; fi
}
expect_misuse "a bad --windowed" --windowed 12x12
expect_misuse "an unknown --renderer" --renderer magic
expect_misuse "an unknown argument" --frobnicate
expect_misuse "a config that does not exist" --config "$work/nope.xml"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
