#!/usr/bin/env bash
# Fuzzes the feed parser with libFuzzer. Usage: fuzz/run.sh [SECONDS] (default 600).
# Crashes land in fuzz/crashes/; copy each into tests/fuzz-regressions/ so
# the unit tests replay it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v clang++ >/dev/null || { echo "fuzz/run.sh needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALLBOARD_FUZZ=ON \
  -DHALLBOARD_TESTS=OFF -DHALLBOARD_RENDER=OFF -DHALLBOARD_SANITIZE=ON >/dev/null
cmake --build build-fuzz --target fuzz_feed make_hostile_feeds
corpus=build-fuzz/corpus
mkdir -p "$corpus" fuzz/crashes
cp content/*.xml tests/xsd/valid/*.xml tests/xsd/invalid/*.xml tests/fuzz-regressions/* "$corpus"/ 2>/dev/null || true
# The hostile-but-valid feeds (tests/support/hostile_feeds.h) as seeds too: far
# times, everyone absent, long texts. Those over -max_len are cut by
# libFuzzer, which still gives it their start.
build-fuzz/bench/make_hostile_feeds build-fuzz/hostile >/dev/null
for feed in build-fuzz/hostile/*/feed.xml; do
  cp "$feed" "$corpus/hostile-$(basename "$(dirname "$feed")").xml"
done
jobs=${FUZZ_JOBS:-$(nproc)}
build-fuzz/fuzz/fuzz_feed "$corpus" -dict=fuzz/feed.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -artifact_prefix=fuzz/crashes/ -print_final_stats=1 \
  -fork="$jobs" -ignore_crashes=1 2>&1 | tail -n 30
ls fuzz/crashes
