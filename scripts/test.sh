#!/usr/bin/env bash
# Sets up, builds with -Werror and runs every test; then the same tests
# again under AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
HALLBOARD_CMAKE_ARGS="-DHALLBOARD_WERROR=ON" scripts/setup.sh
# Two at a time: the long tests (hostile layouts, the browser, kill -9)
# wait on one core while the rest runs on the other; CI stays under 30 min.
jobs=$(( $(nproc) < 2 ? 1 : 2 ))
(cd build && ctest -j"$jobs" --output-on-failure --timeout 300)

echo
echo "== the same tests under AddressSanitizer and UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-asan HALLBOARD_CMAKE_ARGS="-DHALLBOARD_WERROR=ON -DHALLBOARD_SANITIZE=ON -DHALLBOARD_BENCH=OFF" scripts/setup.sh
(cd build-asan && ctest -j"$jobs" --output-on-failure --timeout 600)
