#!/usr/bin/env bash
# Sets up, builds with -Werror and runs every test; then the same tests
# again under AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# No debug information: nobody debugs these builds, and it costs a third of
# the compile time (the sanitized build keeps its line tables).
HALLBOARD_CMAKE_ARGS="-DHALLBOARD_WERROR=ON -DHALLBOARD_DEBUG_INFO=OFF" scripts/setup.sh
# Two or more at a time (one per core, at most four): the long tests
# (hostile layouts, the browser, kill -9) start first (their COST) and the
# rest runs beside them; CI stays under 30 min.
jobs=$(nproc); [ "$jobs" -ge 2 ] || jobs=2; [ "$jobs" -le 4 ] || jobs=4
(cd build && ctest -j"$jobs" --output-on-failure --timeout 300)

echo
echo "== the same tests under AddressSanitizer and UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-asan HALLBOARD_CMAKE_ARGS="-DHALLBOARD_WERROR=ON -DHALLBOARD_SANITIZE=ON -DHALLBOARD_BENCH=OFF" scripts/setup.sh
# Tests labelled nosan run none of hallboard's code that the sanitizers
# would see (the .deb's packaging, promtool on the alert rules) or run it
# elsewhere in a test that does run here.
(cd build-asan && ctest -j"$jobs" -LE nosan --output-on-failure --timeout 600)
