#!/usr/bin/env bash
# hallboard say, through SDL's disk audio driver: a call and a text are
# played (loud samples in the file), a missing clip folder is said once on
# standard error and espeak-ng speaks instead, misuse is status 2.
# Usage: say_cli.sh HALLBOARD_BINARY
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
export SDL_AUDIODRIVER=disk SDL_DISKAUDIODELAY=1
# How many 16-bit samples of the file are louder than 1000.
loud() { python3 -c 'import sys,array; a=array.array("h"); a.frombytes(open(sys.argv[1],"rb").read()); print(sum(1 for s in a if abs(s)>1000))' "$1"; }

SDL_DISKAUDIOFILE=$tmp/call.raw "$bin" say --ticket A024 --window 1号窗口 2>"$tmp/err"
status=$?
[ $status -eq 0 ] && [ "$(loud "$tmp/call.raw")" -gt 22050 ] && ok "a call is said" ||
  bad "a call is said (status $status)"

SDL_DISKAUDIOFILE=$tmp/text.raw "$bin" say "请保管好随身物品" 2>"$tmp/err"
status=$?
[ $status -eq 0 ] && [ "$(loud "$tmp/text.raw")" -gt 11025 ] && ok "a text is said" ||
  bad "a text is said (status $status)"

printf '<player><feed url="a.xml"/><sound clips="%s/none"/></player>\n' "$tmp" >"$tmp/player.xml"
SDL_DISKAUDIOFILE=$tmp/fallback.raw "$bin" say --config "$tmp/player.xml" --ticket A1 --window 2号窗口 2>"$tmp/err"
status=$?
lines=$(grep -c 'speaking with espeak-ng instead' "$tmp/err")
[ $status -eq 0 ] && [ "$lines" -eq 1 ] && [ "$(loud "$tmp/fallback.raw")" -gt 22050 ] &&
  ok "a missing clip folder: speech, one line" || bad "a missing clip folder (status $status, $lines lines)"

# A clip folder with a word of the hall's own (综合.wav): the call is said
# from clips, none missing, so nothing goes to espeak-ng.
mkdir "$tmp/clips"
python3 - "$tmp/clips" <<'PY'
import sys, wave
for i, name in enumerate(["请", "A", "1", "号", "到", "综合", "窗口", "办理"]):
    with wave.open(f"{sys.argv[1]}/{name}.wav", "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
        w.writeframes(((3000 + 100 * i).to_bytes(2, "little")) * 2205)
PY
printf '<player><feed url="a.xml"/><sound clips="%s/clips"/></player>\n' "$tmp" >"$tmp/clips.xml"
SDL_DISKAUDIOFILE=$tmp/clips.raw "$bin" say --config "$tmp/clips.xml" --ticket A1 --window 1号综合窗口 2>"$tmp/err"
status=$?
[ $status -eq 0 ] && ! grep -q 'espeak-ng' "$tmp/err" && [ "$(loud "$tmp/clips.raw")" -gt 22050 ] &&
  ok "a call from the hall's recorded words" || bad "recorded words (status $status, $(cat "$tmp/err"))"

for misuse in "" "--ticket A1" "--window 1 --ticket A1 text" "--volume 3 text"; do
  # shellcheck disable=SC2086
  "$bin" say $misuse >/dev/null 2>&1
  status=$?
  [ $status -eq 2 ] && ok "misuse '$misuse' is status 2" || bad "misuse '$misuse': status $status"
done
"$bin" say --config "$tmp/absent.xml" text >/dev/null 2>&1
status=$?
[ $status -eq 2 ] && ok "an unreadable config is status 2" || bad "unreadable config: status $status"
printf '<player><feed url="a.xml"/><sound volume="101"/></player>\n' > "$tmp/bad-sound.xml"
"$bin" say --config "$tmp/bad-sound.xml" text >"$tmp/bad-sound.out" 2>&1
status=$?
[ $status -eq 2 ] && grep -q "volume" "$tmp/bad-sound.out" && ok "a config with errors is status 2, and says why" \
  || bad "config with errors: status $status, $(cat "$tmp/bad-sound.out")"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
