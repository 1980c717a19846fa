#!/usr/bin/env bash
# Benchmark (not a test): hallboard lint against xmllint --noout on the same
# generated feeds, in one run. Reports the median of RUNS runs per tool.
# Usage: bench/lint_vs_xmllint.sh [HALLBOARD_BINARY] [SIZES...]
# Default sizes: 200 2000 20000 items.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/hallboard}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 2000 20000)
runs=${RUNS:-15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median_ms() {  # median wall time in milliseconds of running "$@" $runs times
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "hallboard: $("$bin" --version), xmllint: $(xmllint --version 2>&1 | head -1)"
printf '%8s %10s %14s %14s %8s\n' items bytes "lint ms" "xmllint ms" ratio
for n in "${sizes[@]}"; do
  f="$tmp/items-$n.xml"
  python3 bench/gen_feed.py "$n" > "$f"
  # Generated feeds of 20,000 items are larger than a real feed may be (16 MiB).
  "$bin" lint --max-size 256 "$f" >/dev/null || { echo "the generated feed does not lint clean" >&2; "$bin" lint --max-size 256 "$f" | head; exit 1; }
  ours=$(median_ms "$bin" lint --max-size 256 "$f")
  theirs=$(median_ms xmllint --noout "$f")
  printf '%8d %10d %14s %14s %8s\n' "$n" "$(stat -c %s "$f")" "$ours" "$theirs" \
    "$(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')"
done
