#!/usr/bin/env bash
# Fuzzes the console's spreadsheet import (read_table, import_items,
# import_stats) with libFuzzer. Usage: fuzz/run_import.sh [SECONDS] (default 600).
# Crashes land in fuzz/crashes/; copy each into tests/import/fuzz-regressions/
# so the unit tests replay it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
. fuzz/lib.sh
build_fuzz_target fuzz_import fuzz/run_import.sh
corpus=build-fuzz/import-corpus
mkdir -p "$corpus" fuzz/crashes
# Seeds: the test spreadsheets (small ones; libFuzzer cuts the rest at -max_len).
python3 tests/import/make_fixtures.py build-fuzz/import-fixtures
cp build-fuzz/import-fixtures/hall_list.xlsx build-fuzz/import-fixtures/stats.xlsx \
   build-fuzz/import-fixtures/small_gbk.csv \
   tests/import/fuzz-regressions/* "$corpus"/ 2>/dev/null || true
rm -f "$corpus/README.md"
jobs=${FUZZ_JOBS:-$(nproc)}
build-fuzz/fuzz/fuzz_import "$corpus" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -artifact_prefix=fuzz/crashes/ -print_final_stats=1 \
  -fork="$jobs" -ignore_crashes=1 2>&1 | tail -n 30
ls fuzz/crashes
