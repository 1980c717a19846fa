#!/usr/bin/env bash
# Sets up, builds and shows the bundled demo hall: checks the demo content,
# draws every page of the current rotation (landscape and portrait) to PNG
# files, and, where there is a display, opens the live screen in a window.
# Usage: scripts/demo.sh [WxH]   (the window's size, default 1280x720)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1280x720}
scripts/setup.sh
echo
echo "== hallboard lint content/player.xml content/player-portrait.xml"
build/hallboard lint content/player.xml content/player-portrait.xml && echo "no problems found"
echo
out=build/demo-pages
rm -rf "$out"
build/hallboard render --config content/player.xml --out "$out/landscape"
build/hallboard render --config content/player-portrait.xml --out "$out/portrait"
echo "The pages are in $(pwd)/$out (NNN-TYPE.png, with the text of each page in NNN-TYPE.txt)."
echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${HALLBOARD_DEMO_FORCE_WINDOW:-}" ]; then
  echo "== hallboard run --windowed $size   (close the window or press Ctrl+C to stop)"
  exec build/hallboard run --config content/player.xml --windowed "$size"
else
  echo "No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no live window:"
  echo "open the PNGs above, or on a desktop run: build/hallboard run --windowed $size"
fi
