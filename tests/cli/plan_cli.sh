#!/usr/bin/env bash
# hallboard plan on the demo content at moments whose answers we know.
# Usage: plan_cli.sh HALLBOARD_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
passed=0
failed=0
config=$root/content/player.xml  # the config `expect` plans with
expect() {  # expect NAME PATTERN -- ARGS...
  local name=$1 pattern=$2
  shift 3
  local out
  out=$("$bin" plan --config "$config" "$@" 2>&1)
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
# Slides on a schedule: a 午休 poster at lunch, in a playlist of its own.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/content/items.xml" "$root/content/roster.xml" "$tmp/"
cat >"$tmp/player.xml" <<'XML'
<player screen="lobby-1" timezone="+08:00">
  <feed url="items.xml"/>
  <feed url="roster.xml"/>
  <feed url="playlist.xml"/>
</player>
XML
cat >"$tmp/playlist.xml" <<'XML'
<hallboard version="1">
  <playlist screen="lobby-1">
    <slide type="roster" seconds="15"/>
    <slide type="item" item="JS-0001" seconds="20" between="12:00-13:30"/>
  </playlist>
</hallboard>
XML
config=$tmp/player.xml
expect "a lunch slide out of force before noon" '^  事项详情 item JS-0001  停播 not in force until 2026-12-03 12:00$' -- --at 2026-12-03T11:59
expect "in force at lunch until 13:30" '^  事项详情 item JS-0001  在播 in force until 2026-12-03 13:30$' -- --at 2026-12-03T12:10
expect "an unscheduled slide is simply in force" '^  窗口值班 roster  在播 in force$' -- --at 2026-12-03T11:59
expect "the lunch slide comes into the pages at noon" '^  12:0[01]:[0-9]{2}-12:0[01]:[0-9]{2}  事项详情 item JS-0001' -- --at 2026-12-03T11:59:45 --minutes 2
if "$bin" plan --config "$root/content/player.xml" --at 2026-12-03T10:00 2>&1 | grep -q '定时'; then
  failed=$((failed + 1)); echo "FAIL a playlist without schedules: no schedule part"
else
  passed=$((passed + 1)); echo "ok   a playlist without schedules: no schedule part"
fi
# Posters: a page a picture, each for its own seconds, named by its alt
# text or, without one, its file name.
cat >"$tmp/playlist.xml" <<'XML'
<hallboard version="1">
  <playlist screen="lobby-1">
    <slide type="poster" seconds="10">
      <image src="posters/a.png" alt="宣传海报：办事不求人"/>
      <image src="posters/b.jpg" seconds="25"/>
    </slide>
  </playlist>
</hallboard>
XML
expect "a poster's page named by its alt text" '^  [0-9:]{8}-[0-9:]{8}  宣传海报 poster 宣传海报：办事不求人 \(1/2\)$' -- --at 2026-12-03T10:00 --minutes 2
expect "a poster's page named by its file name, for its own seconds" '^  ([0-9:]{6})(0[05]|[1-5][05])-[0-9:]{6}[0-5][05]  宣传海报 poster b.jpg \(2/2\)$' -- --at 2026-12-03T10:00 --minutes 2
# The panel's power (issue 20): the demo hall with power="dpms".
sed 's|<feed url="|<feed url="'"$root"'/content/|; s|power="[a-z]*"||; s|blank-outside-hours="30"|blank-outside-hours="30" power="dpms"|' \
  "$root/content/player.xml" >"$tmp/power.xml"
config=$tmp/power.xml
expect "the panel on in the day" '^电源 panel power \(dpms\): 开屏 on now$' -- --at 2026-12-04T15:00
expect "off 30 minutes after Friday's closing" '^  2026-12-04 17:30 星期五  关屏 off$' -- --at 2026-12-04T15:00
expect "on 35 minutes before Monday's opening" '^  2026-12-07 08:25 星期一  开屏 on$' -- --at 2026-12-04T15:00
expect "off at night" '^电源 panel power \(dpms\): 关屏 off now$' -- --at 2026-12-04T23:00
if "$bin" plan --config "$root/content/player.xml" --at 2026-12-03T10:00 2>&1 | grep -q '电源'; then
  failed=$((failed + 1)); echo "FAIL a config without power: no power part"
else
  passed=$((passed + 1)); echo "ok   a config without power: no power part"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
