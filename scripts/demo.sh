#!/usr/bin/env bash
# Sets up, builds and shows the bundled demo hall: checks the demo content,
# then draws every page of the current rotation, landscape and portrait, to
# PNG files (the live window player comes with `hallboard run`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo
echo "== hallboard lint content/player.xml content/player-portrait.xml"
build/hallboard lint content/player.xml content/player-portrait.xml && echo "no problems found"
echo
out=build/demo-pages
rm -rf "$out"
build/hallboard render --config content/player.xml --out "$out/landscape"
build/hallboard render --config content/player-portrait.xml --out "$out/portrait"
echo
echo "Open the pages in $(pwd)/$out (NNN-TYPE.png, with the text of each page in NNN-TYPE.txt)."
