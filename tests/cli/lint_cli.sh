#!/usr/bin/env bash
# The lint command's contract (cli.md): output lines, --json, exit statuses.
# Usage: lint_cli.sh HALLBOARD_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {  # check NAME EXPECTED_STATUS EXPECTED_STDOUT_REGEX -- ARGS...
  local name=$1 want_status=$2 want_out=$3
  shift 4
  local out status
  out=$("$bin" "$@" 2>"$tmp/stderr")
  status=$?
  local out_ok=1
  if [ "$want_out" = '^$' ]; then [ -z "$out" ] || out_ok=0
  else printf '%s\n' "$out" | grep -Eq -- "$want_out" || out_ok=0; fi
  if [ "$status" -eq "$want_status" ] && [ "$out_ok" -eq 1 ]; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name: status $status (want $want_status)"
    echo "  stdout: $out"
    echo "  stderr: $(cat "$tmp/stderr")"
  fi
}

printf '<?xml version="1.0"?>\n<hallboard version="1">\n  <hall/>\n</hallboard>\n' > "$tmp/bad.xml"
printf '<?xml version="1.0"?>\n<hallboard version="1">\n  <hall name="x" colour="red"/>\n</hallboard>\n' > "$tmp/warn.xml"
printf '<?xml version="1.0"?>\n<hallboard version="1"><hall name="x"/></hallboard>\n' > "$tmp/good.xml"

check "clean demo config" 0 '^$' -- lint "$root/content/player.xml"
check "clean demo feeds given one by one" 0 '^$' -- lint "$root"/content/hall.xml "$root"/content/items.xml "$root"/content/roster.xml
check "an error: FILE:LINE:COL: error: MESSAGE, status 1" 1 "^$tmp/bad.xml:3:3: error: <hall> needs the attribute name$" -- lint "$tmp/bad.xml"
check "a warning alone: status 0" 0 "^$tmp/warn.xml:3:18: warning: unknown attribute colour" -- lint "$tmp/warn.xml"
check "--json" 1 '^\[$' -- lint --json "$tmp/bad.xml"
check "--json fields" 1 "\{\"file\": \"$tmp/bad.xml\", \"line\": 3, \"column\": 3, \"severity\": \"error\", \"message\": \"<hall> needs the attribute name\"\}" -- lint --json "$tmp/bad.xml"
check "--json with nothing to say" 0 '^\[\]$' -- lint --json "$tmp/good.xml"
check "an unreadable file: status 2" 2 '^$' -- lint "$tmp/missing.xml"
check "unreadable beats errors" 2 'error' -- lint "$tmp/bad.xml" "$tmp/missing.xml"
check "no files: status 2" 2 '^$' -- lint
check "unknown option: status 2" 2 '^$' -- lint --frobnicate "$tmp/good.xml"
check "--version" 0 '^hallboard [0-9]+\.[0-9]+\.[0-9]+$' -- --version
check "unknown command: status 2" 2 '^$' -- frobnicate

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
