#!/usr/bin/env bash
# Fuzzes the alerts source's parser (CAP 1.2 alert, Atom and RSS feeds of
# them) and the alerts-in-force decisions (fuzz_cap.cpp) with libFuzzer.
# Usage: fuzz/run_cap.sh [SECONDS] (default 600).
# Crashes land in fuzz/crashes/; copy each into tests/fuzz-regressions/cap/
# so the unit tests replay it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
. fuzz/lib.sh
build_fuzz_target fuzz_cap fuzz/run_cap.sh
corpus=build-fuzz/cap-corpus
mkdir -p "$corpus" fuzz/crashes
# Seeds: the example alerts, valid and broken, and past findings.
cp tests/feed/cap/*.xml tests/fuzz-regressions/cap/* "$corpus"/ 2>/dev/null || true
rm -f "$corpus/README.md"
jobs=${FUZZ_JOBS:-$(nproc)}
build-fuzz/fuzz/fuzz_cap "$corpus" -dict=fuzz/cap.dict -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$seconds" -artifact_prefix=fuzz/crashes/ \
  -print_final_stats=1 -fork="$jobs" -ignore_crashes=1 2>&1 | tail -n 30
ls fuzz/crashes
