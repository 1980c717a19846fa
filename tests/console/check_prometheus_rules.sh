#!/bin/sh
# ctest: promtool checks the alert rules and runs their unit tests (does
# each alert fire when it should, and not before?).
# usage: check_prometheus_rules.sh PROMTOOL RULES.yml TESTS.yml
# Exit 77 (skipped) when PROMTOOL is empty: scripts/setup.sh puts promtool,
# taken from Debian's prometheus package, in .tools/.
set -eu
promtool=$1
[ -n "$promtool" ] && [ -x "$promtool" ] || { echo "promtool not found: skipped (scripts/setup.sh fetches it)"; exit 77; }
"$promtool" check rules "$2"
cd "$(dirname "$3")"
exec "$promtool" test rules "$(basename "$3")"
