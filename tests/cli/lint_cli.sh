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

printf '<player screen="lobby-9">\n<feed url="good.xml"/></player>\n' > "$tmp/noplaylist.xml"
check "a screen with no playlist: a warning on the config" 0 "^$tmp/noplaylist.xml:1:1: warning: no <playlist> for screen \"lobby-9\" nor for \"\*\"" -- lint "$tmp/noplaylist.xml"
check "clean demo config" 0 '^$' -- lint "$root/content/player.xml"
check "clean demo feeds given one by one" 0 '^$' -- lint "$root"/content/hall.xml "$root"/content/items.xml "$root"/content/roster.xml
check "an error: FILE:LINE:COL: error: MESSAGE, status 1" 1 "^$tmp/bad.xml:3:3: error: <hall> needs the attribute name$" -- lint "$tmp/bad.xml"
check "a warning alone: status 0" 0 "^$tmp/warn.xml:3:18: warning: unknown attribute colour" -- lint "$tmp/warn.xml"
# A typo: still a warning and status 0, but the message names what was meant
# and says that the content is lost; a date of the right form says what is wrong.
printf '<?xml version="1.0"?>\n<hallboard version="1">\n<items><item id="A1"><name>x</name><departmnet>y</departmnet><deadline promised="1"/></item></items>\n</hallboard>\n' > "$tmp/typo.xml"
check "a misspelt element: did you mean, status 0" 0 "^$tmp/typo.xml:3:36: warning: unknown element <departmnet> in <item id=\"A1\"> is ignored: its content will not be shown; did you mean <department>\?$" -- lint "$tmp/typo.xml"
printf '<?xml version="1.0"?>\n<hallboard version="1">\n<calendar><holiday from="2026-13-40" to="2026-10-07"/></calendar>\n</hallboard>\n' > "$tmp/date.xml"
check "a date with no month 13: what is wrong, status 1" 1 "^$tmp/date.xml:3:20: error: <holiday> from=\"2026-13-40\" is not valid: there is no month 13 and no day 40$" -- lint "$tmp/date.xml"
check "--json" 1 '^\[$' -- lint --json "$tmp/bad.xml"
check "--json fields" 1 "\{\"file\": \"$tmp/bad.xml\", \"line\": 3, \"column\": 3, \"severity\": \"error\", \"message\": \"<hall> needs the attribute name\"\}" -- lint --json "$tmp/bad.xml"
check "--json with nothing to say" 0 '^\[\]$' -- lint --json "$tmp/good.xml"
check "an unreadable file: status 2" 2 '^$' -- lint "$tmp/missing.xml"
check "unreadable beats errors" 2 'error' -- lint "$tmp/bad.xml" "$tmp/missing.xml"
grep -q "cannot read $tmp/missing.xml: No such file or directory" "$tmp/stderr" || { failed=$((failed + 1)); echo "FAIL stderr does not name the missing file"; }
check "no files: status 2" 2 '^$' -- lint
# Dates far after lint's clock (the real one: 9999 is always ahead of it).
printf '<?xml version="1.0"?>\n<hallboard version="1" generated="9999-12-31T00:00">\n  <hall name="x"/>\n</hallboard>\n' > "$tmp/future.xml"
check "generated in 9999: a warning, status 0" 0 "^$tmp/future.xml:2:24: warning: generated=\"9999-12-31T00:00\" is ahead of this computer's clock \(.*\) by more than the 86400 seconds a screen allows" -- lint "$tmp/future.xml"
printf '<player clock-skew="3600"><feed url="good.xml"/><trust key="feeds.pub" hall="530103-zwfw"/></player>\n' > "$tmp/trusting.xml"
check "a screen with <trust hall>: a feed naming no hall is warned about" 0 "^$tmp/good.xml:2:1: warning: the root names no hall=\"…\", but $tmp/trusting.xml has <trust hall=\"530103-zwfw\">: its screen refuses this feed$" -- lint "$tmp/trusting.xml"
check "a screen with <trust key>: a feed without generated is warned about" 0 "^$tmp/good.xml:2:1: warning: no generated=\"…\": $tmp/trusting.xml has <trust key>, and its screen refuses a signed feed without one$" -- lint "$tmp/trusting.xml"
check "unknown option: status 2" 2 '^$' -- lint --frobnicate "$tmp/good.xml"
# The voice's clip folder: a missing folder or a missing word is a warning
# (the screen would speak with espeak-ng), letters are the hall's choice.
mkdir -p "$tmp/clips"
for w in 请 号 到 窗口 办理 十 0 1 2 3 4 5 6 7 8 9; do : >"$tmp/clips/$w.wav"; done
feeds=$(printf '<feed url="%s"/>' "$root"/content/hall.xml "$root"/content/items.xml "$root"/content/roster.xml)
printf '<player screen="lobby-1">%s\n  <sound clips="clips"/>\n</player>\n' "$feeds" >"$tmp/sound-ok.xml"
check "a clip folder with every word and digit: clean" 0 '^$' -- lint "$tmp/sound-ok.xml"
rm "$tmp/clips/办理.wav"
check "a clip folder without 办理.wav: a warning" 0 "^$tmp/sound-ok.xml:2:3: warning: <sound> clips=\"$tmp/clips\" has no 办理.wav: calls that need them are spoken with espeak-ng$" -- lint "$tmp/sound-ok.xml"
printf '<player screen="lobby-1">%s\n  <sound clips="none"/>\n</player>\n' "$feeds" >"$tmp/sound-none.xml"
check "no clip folder: a warning" 0 "^$tmp/sound-none.xml:2:3: warning: <sound> clips=\"$tmp/none\" is not a folder here" -- lint "$tmp/sound-none.xml"

# A queue document (叫号联动) is told apart by its root and read as a screen reads it.
check "the demo queue document: clean" 0 '^$' -- lint "$root/content/queue.xml"
printf '<queue>\n  <window id="1" serving="A023" waiting="五"/>\n  <window id="2" waiting="2"/>\n</queue>\n' > "$tmp/queue.xml"
check "a queue document with a mistake: status 1" 1 "^$tmp/queue.xml:2:33: error: <window id=\"1\"> waiting=\"五\" is not valid: expected a whole number of at most 9999$" -- lint "$tmp/queue.xml"
# An alerts source (CAP 1.2, issue 20): an <alert>, an Atom or an RSS feed of them.
check "a CAP alert in two languages: clean" 0 '^$' -- lint "$root/tests/feed/cap/typhoon.xml"
check "an Atom feed of CAP alerts: clean" 0 '^$' -- lint "$root/tests/feed/cap/atom.xml"
check "a broken CAP alert: status 1" 1 "^$root/tests/feed/cap/broken.xml:6:3: error: <status> \"Real\" is not one of CAP's values: Actual, Exercise, System, Test or Draft$" -- lint "$root/tests/feed/cap/broken.xml"
# A player config naming a feed served over HTTP on loopback: lint fetches it once.
if command -v python3 >/dev/null; then
  mkdir -p "$tmp/www"
  cp "$tmp/bad.xml" "$tmp/www/feed.xml"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  printf '<player><feed url="http://127.0.0.1:%s/feed.xml"/></player>\n' "$port" > "$tmp/http-player.xml"
  printf '<player><feed url="http://127.0.0.1:%s/missing.xml"/></player>\n' "$port" > "$tmp/http-missing.xml"
  check "a feed fetched over http is checked under its URL" 1 "^http://127.0.0.1:$port/feed.xml:3:3: error: <hall> needs the attribute name$" -- lint "$tmp/http-player.xml"
  check "a feed the server does not have: status 2" 2 '^$' -- lint "$tmp/http-missing.xml"
  grep -q "HTTP 404" "$tmp/stderr" || { failed=$((failed + 1)); echo "FAIL the 404 is not named on stderr"; }
  # A URL on the command line, beside a local file: hallboard-screen fetches it.
  check "a URL named on the command line" 1 "^http://127.0.0.1:$port/feed.xml:3:3: error: <hall> needs the attribute name$" -- lint "$tmp/good.xml" "http://127.0.0.1:$port/feed.xml"
  kill "$server"
fi

check "--version" 0 '^hallboard [0-9]+\.[0-9]+\.[0-9]+$' -- --version
check "unknown command: status 2" 2 '^$' -- frobnicate

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
