#!/usr/bin/env bash
# Sets up, builds and shows the bundled demo hall. Until the renderer lands
# this lints the demo content and summarises what the screen would show.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo
echo "== hallboard lint content/player.xml content/player-portrait.xml"
build/hallboard lint content/player.xml content/player-portrait.xml && echo "no problems found"
echo
echo "== hallboard summary"
build/hallboard summary
