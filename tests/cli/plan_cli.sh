#!/usr/bin/env bash
# hallboard plan on the demo content at moments whose answers we know.
# Usage: plan_cli.sh HALLBOARD_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
passed=0
failed=0
expect() {  # expect NAME PATTERN -- ARGS...
  local name=$1 pattern=$2
  shift 3
  local out
  out=$("$bin" plan --config "$root/content/player.xml" "$@" 2>&1)
  if printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name: no line matches /$pattern/"; printf '%s\n' "$out" | head -40
  fi
}
expect "open on a Friday morning" '^大厅 hall: 开放中 open until 12:00$' -- --at 2026-11-27T10:00
expect "closed at lunch, opening at 13:00" 'next opening 2026-11-27 13:00$' -- --at 2026-11-27T12:10
expect "closed on National Day" 'next opening 2026-10-08 09:00$' -- --at 2026-10-03T10:00
expect "a weekend: Monday" 'next opening 2026-11-30 09:00$' -- --at 2026-11-28T10:00
expect "both A and B of window 5 away: 补岗" '补岗' -- --at 2026-12-01T10:00
expect "the urgent drill pre-empts at once" '^  10:00:00-10:00:15  紧急通知 urgent notice$' -- --at 2026-12-03T10:00 --minutes 1
expect "the date in Chinese" '2026年12月3日 星期四' -- --at 2026-12-03T10:00
expect "a bad --at is refused" 'is not a time' -- --at tomorrow
expect "an empty --at is refused, not taken as now" 'is not a time' -- --at ""
expect "an --at after 9999 is refused" 'outside the years 0000-9999' -- --at 9999-12-31T23:59-12:00
if "$bin" plan --config "$root/content/player.xml" --at "" >/dev/null 2>&1; then
  failed=$((failed + 1)); echo "FAIL an empty --at: status 0"
else
  passed=$((passed + 1)); echo "ok   an empty --at: a failing status"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
