#!/usr/bin/env bash
# Paths that are not regular files (a FIFO, a directory, a character
# device, a socket) named as a feed or a config: every command says what the
# path is and goes on or stops at once; none waits in open() for a writer
# that never comes. Every command runs under `timeout`, so a hang fails
# here instead of hanging the test run.
# Usage: not_regular_cli.sh HALLBOARD_BINARY REPO_ROOT [run]
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
mode=${3:-}
tmp=$work

mkfifo "$tmp/fifo.xml"
mkdir "$tmp/dir.xml"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/socket.xml"
declare -A what=(
  ["$tmp/fifo.xml"]="a FIFO, not a regular file"
  ["$tmp/dir.xml"]="a directory, not a regular file"
  ["/dev/zero"]="a character device, not a regular file"
  ["$tmp/socket.xml"]="a socket, not a regular file"
)

# expect NAME WANT_STATUS -- ARGS...: the status, and stderr naming the path and its kind
expect() {
  local name=$1 want=$2 path=$3
  shift 4
  timeout 20 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" = 124 ]; then
    fail "$name: still running after 20 s"
  elif [ "$status" != "$want" ]; then
    fail "$name: status $status (want $want)"
  elif ! grep -qF "$path: ${what[$path]}" "$tmp/err"; then
    fail "$name: stderr does not say \"$path: ${what[$path]}\""
  else
    ok "$name"
  fi
}

cp "$root"/content/*.xml "$tmp/"
if [ "$mode" != run ]; then
  for path in "${!what[@]}"; do
    kind=${what[$path]%%,*}
    printf '<player screen="lobby-1"><feed url="hall.xml"/><feed url="%s"/></player>\n' "$path" \
      >"$tmp/player-$(basename "$path").xml"
    expect "lint of $kind" 2 "$path" -- lint "$path"
    expect "lint of a config naming $kind as a feed" 2 "$path" -- lint "$tmp/player-$(basename "$path").xml"
    expect "plan with $kind as the config" 2 "$path" -- plan --config "$path" --at 2026-11-27T10:00
    expect "plan with $kind as a feed" 2 "$path" -- plan --config "$tmp/player-$(basename "$path").xml" --at 2026-11-27T10:00
  done
else
  expect "run with a FIFO as the config" 2 "$tmp/fifo.xml" -- run --config "$tmp/fifo.xml" --windowed 800x600
  expect "run with a directory as the config" 2 "$tmp/dir.xml" -- run --config "$tmp/dir.xml" --windowed 800x600
  # A FIFO as a feed: the other feeds are fetched, the FIFO is named in the
  # log, and SIGTERM still ends the player at once.
  sed "s|url=\"items.xml\"|url=\"$tmp/fifo.xml\"|" "$root/content/player.xml" >"$tmp/player.xml"
  grep -qF "$tmp/fifo.xml" "$tmp/player.xml" || { echo "FAIL the demo config has no items.xml feed"; exit 1; }
  set -m
  "$bin" run --config "$tmp/player.xml" --windowed 800x600 --at 2026-11-27T10:00 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 1 150); do grep -qF "$tmp/fifo.xml: a FIFO, not a regular file" "$tmp/err" && break; sleep 0.1; done
  if grep -qF "$tmp/fifo.xml: a FIFO, not a regular file" "$tmp/err"; then
    ok "run with a FIFO as a feed says so"
  else
    fail "run with a FIFO as a feed says so"
  fi
  kill -s TERM "$pid"
  wait_exit "$pid"
  if [ "$status" = 0 ]; then ok "run with a FIFO as a feed stops on SIGTERM"; else fail "run with a FIFO as a feed stops on SIGTERM (status $status)"; fi
  set +m
fi

finish
