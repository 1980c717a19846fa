#!/usr/bin/env bash
# Sets up, builds and shows the bundled demo hall: checks the demo content,
# draws every page of the current rotation (landscape and portrait) to PNG
# files, and, where there is a display, opens the live screen in a window.
# Usage: scripts/demo.sh [WxH]   (the window's size, default 1280x720)
#
# The tools' own output (apt, the compiler, ninja: hundreds of lines) goes to
# build/demo.log; each step prints one line, and only a failing step shows
# the end of the log, so what matters is not scrolled away.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1280x720}
mkdir -p build
log=build/demo.log
: >"$log"

# step "what it does" command...: one line, "ok (Ns)"; on failure the log's
# tail and its path, and the demo stops with the command's status.
step() {
  local what=$1 start=$SECONDS status=0
  shift
  printf '%s ... ' "$what"
  printf '\n== %s: %s\n' "$what" "$*" >>"$log"
  "$@" >>"$log" 2>&1 </dev/null || status=$?
  if [ "$status" -eq 0 ]; then
    echo "ok ($((SECONDS - start)) s)"
    return
  fi
  echo "failed (status $status)"
  echo "---- the last 40 lines of $(pwd)/$log:"
  tail -n 40 "$log"
  echo "---- the whole output is in $(pwd)/$log"
  exit "$status"
}

step "installing what is missing and building (scripts/setup.sh)" scripts/setup.sh
# lint's findings are what this demo is for: shown, not only logged.
lint_out=build/demo-lint.txt
lint_demo() {
  build/hallboard lint content/player.xml content/player-portrait.xml 2>&1 | tee "$lint_out"
}
step "checking the demo content (hallboard lint)" lint_demo
if [ -s "$lint_out" ]; then sed 's/^/  /' "$lint_out"; else echo "  no problems found"; fi
out=build/demo-pages
rm -rf "$out"
step "drawing the landscape pages" build/hallboard render --config content/player.xml --out "$out/landscape"
step "drawing the portrait pages" build/hallboard render --config content/player-portrait.xml --out "$out/portrait"
pages=$(find "$out" -name '*.png' | wc -l)
echo "$pages pages are in $(pwd)/$out (NNN-TYPE.png, with the text of each page in NNN-TYPE.txt)."
echo "(the tools' output is in $(pwd)/$log)"
echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${HALLBOARD_DEMO_FORCE_WINDOW:-}" ]; then
  echo "== hallboard run --windowed $size   (close the window or press Ctrl+C to stop)"
  exec build/hallboard run --config content/player.xml --windowed "$size"
else
  echo "No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no live window:"
  echo "open the PNGs above, or on a desktop run: build/hallboard run --windowed $size"
fi
