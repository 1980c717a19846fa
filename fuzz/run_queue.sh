#!/usr/bin/env bash
# Fuzzes the queue document's parser and the call decisions (fuzz_queue.cpp)
# with libFuzzer. Usage: fuzz/run_queue.sh [SECONDS] (default 600).
# Crashes land in fuzz/crashes/; copy each into tests/fuzz-regressions/queue/
# so the unit tests replay it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
. fuzz/lib.sh
build_fuzz_target fuzz_queue fuzz/run_queue.sh
corpus=build-fuzz/queue-corpus
mkdir -p "$corpus" fuzz/crashes
# Seeds: the example queue documents, valid and invalid, and past findings.
cp content/queue*.xml tests/xsd/valid/queue-*.xml tests/xsd/invalid/queue-*.xml \
   tests/fuzz-regressions/queue/* "$corpus"/ 2>/dev/null || true
rm -f "$corpus/README.md"
jobs=${FUZZ_JOBS:-$(nproc)}
build-fuzz/fuzz/fuzz_queue "$corpus" -dict=fuzz/queue.dict -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$seconds" -artifact_prefix=fuzz/crashes/ \
  -print_final_stats=1 -fork="$jobs" -ignore_crashes=1 2>&1 | tail -n 30
ls fuzz/crashes
