#!/usr/bin/env bash
# `hallboard` and hallboard-screen (docs/cli.md, "Two programs"): the first
# links neither curl nor SDL and lints local files itself; it hands the rest
# to the second, with the same output, and says so plainly when it cannot.
# Usage: two_programs.sh HALLBOARD HALLBOARD_SCREEN REPO_ROOT [render]
#   render: the build has SDL, so `run` is tested too.
set -uo pipefail
bin=$1
screen=$2
root=$3
with_render=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# What the dynamic linker loads: nothing of curl, SDL or OpenSSL.
needed=$(readelf -d "$bin" | grep NEEDED)
if grep -Eq 'libcurl|libSDL2|libcrypto|libssl' <<<"$needed"; then
  fail "hallboard links curl, SDL or OpenSSL: $needed"
else
  ok "hallboard links neither curl nor SDL nor OpenSSL"
fi
grep -q 'libcurl' < <(readelf -d "$screen") && ok "hallboard-screen links curl" ||
  fail "hallboard-screen does not link curl"

# Lint of local files stays in `hallboard`: no hand-over loads curl.
printf '<?xml version="1.0"?>\n<hallboard version="1"><hall name="x"/></hallboard>\n' > "$tmp/good.xml"
printf '<?xml version="1.0"?>\n<hallboard version="1">\n  <hall/>\n</hallboard>\n' > "$tmp/bad.xml"
libs=$(LD_DEBUG=libs "$bin" lint "$tmp/good.xml" "$tmp/bad.xml" 2>&1 >/dev/null)
if grep -Eq 'calling init: .*(libcurl|libSDL2)' <<<"$libs"; then
  fail "lint of local files loads curl or SDL"
else
  ok "lint of local files loads neither curl nor SDL"
fi

# Handed over or not, the output is the same as hallboard-screen's.
same() {  # same NAME -- ARGS...
  local name=$1
  shift 2
  local a b sa sb
  # curl says how long a failed connection took: that is the machine's
  # speed, not the program's output.
  a=$("$bin" "$@" 2>&1 | sed -E 's/after [0-9]+ ms/after N ms/'); sa=${PIPESTATUS[0]}
  b=$("$screen" "$@" 2>&1 | sed -E 's/after [0-9]+ ms/after N ms/'); sb=${PIPESTATUS[0]}
  if [ "$a" = "$b" ] && [ "$sa" -eq "$sb" ]; then ok "$name (status $sa)"
  else fail "$name: hallboard said ($sa) '$a'; hallboard-screen said ($sb) '$b'"; fi
}
same "lint, an error" -- lint "$tmp/bad.xml"
same "lint --json, a missing file" -- lint --json "$tmp/bad.xml" "$tmp/missing.xml"
same "lint of the demo config (rare names: hallboard-screen looks up the glyphs)" -- \
  lint "$root/content/player.xml"
same "lint of a file that is not there, then a URL nobody serves" -- \
  lint "$tmp/missing.xml" http://127.0.0.1:9/feed.xml
same "summary of the demo" -- summary --config "$root/content/player.xml"
same "plan" -- plan --config "$root/content/player.xml" --at 2026-11-27T10:00
same "render, misused" -- render
same "no command" --
same "unknown command" -- frobnicate

# Installed layout: <prefix>/bin/hallboard, <prefix>/libexec/hallboard/hallboard-screen.
mkdir -p "$tmp/usr/bin" "$tmp/usr/libexec/hallboard"
cp "$bin" "$tmp/usr/bin/hallboard"
out=$("$tmp/usr/bin/hallboard" plan --config "$root/content/player.xml" 2>"$tmp/stderr"); status=$?
# Without hallboard-screen: local lint still works, the rest says why not.
"$tmp/usr/bin/hallboard" lint "$tmp/good.xml" && ok "lint without hallboard-screen" ||
  fail "lint without hallboard-screen: status $?"
want="hallboard: cannot start $tmp/usr/libexec/hallboard/hallboard-screen (which runs \`hallboard plan\`): No such file or directory"
if [ "$status" -eq 2 ] && [ -z "$out" ] && [ "$(cat "$tmp/stderr")" = "$want" ]; then
  ok "no hallboard-screen: one line naming it, status 2"
else
  fail "no hallboard-screen: status $status, stdout '$out', stderr '$(cat "$tmp/stderr")'"
fi
ln -s "$(realpath "$screen")" "$tmp/usr/libexec/hallboard/hallboard-screen"
"$tmp/usr/bin/hallboard" plan --config "$root/content/player.xml" --at 2026-11-27T10:00 |
  grep -q '^大厅 hall: 开放中 open' && ok "plan through ../libexec/hallboard/hallboard-screen" ||
  fail "plan through ../libexec/hallboard/hallboard-screen"
# The same process: exec keeps the PID that systemd watches (NotifyAccess=main).
if [ "$with_render" = render ]; then
SDL_VIDEODRIVER=dummy "$bin" run --config "$root/content/player.xml" --windowed 640x360 \
  --exit-after 2 2>"$tmp/run.err" &
pid=$!
exe=
for _ in $(seq 1 100); do
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null)
  [ "$exe" = "$(realpath "$screen")" ] && break
  sleep 0.05
done
wait "$pid"; status=$?
if [ "$exe" = "$(realpath "$screen")" ] && [ "$status" -eq 0 ]; then
  ok "run: hallboard-screen in the same process, exit 0"
else
  fail "run: /proc/$pid/exe was '$exe', status $status: $(head -3 "$tmp/run.err")"
fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
