#!/usr/bin/env bash
# hallboard render as cli.md says: PNG and text for every page of one
# rotation, headless; exit statuses 0, 1 and 2.
# Usage: render_cli.sh HALLBOARD_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
passed=0
failed=0
png_size() {  # WIDTHxHEIGHT of a PNG, from its header
  python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"
}
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

"$bin" render --config "$root/content/player.xml" --at 2026-12-03T10:05 --size 1280x720 --out "$tmp/a" >/dev/null 2>"$tmp/err"
[ $? -eq 0 ] && ok "renders the demo" || { fail "renders the demo: $(cat "$tmp/err")"; }
[ -f "$tmp/a/001-urgent.png" ] && [ -f "$tmp/a/001-urgent.txt" ] && ok "an urgent notice comes first" || fail "no 001-urgent.png/txt"
pngs=$(ls "$tmp/a"/*.png 2>/dev/null | wc -l)
txts=$(ls "$tmp/a"/*.txt 2>/dev/null | wc -l)
[ "$pngs" -gt 10 ] && [ "$pngs" -eq "$txts" ] && ok "$pngs pages, each with its text" || fail "$pngs png, $txts txt"
[ "$(png_size "$tmp/a/001-urgent.png")" = 1280x720 ] && ok "the size asked for" || fail "wrong size: $(png_size "$tmp/a/001-urgent.png")"
grep -q "紧急通知" "$tmp/a/002-"*.txt && ok "the urgent banner is on every page" || fail "no banner text on page 2"
grep -q "咨询电话 0871-63123456" "$tmp/a/002-"*.txt && ok "the ticker's full text is in the dump" || fail "no ticker text"
grep -h "＊" "$tmp/a/"*-results.txt >/dev/null && ok "persons are masked in results" || fail "no masked names"
! grep -h "年休假\|病假\|事假" "$tmp/a/"*.txt >/dev/null && ok "no absence reasons on screen" || fail "an absence reason is shown"

"$bin" render --config "$root/content/player.xml" --at 2026-12-03T10:05 --size 1280x720 --pages 3 --out "$tmp/first" >/dev/null 2>&1
first=$(ls "$tmp/first"/*.png 2>/dev/null | xargs -n1 basename 2>/dev/null | tr '\n' ' ')
[ "$first" = "$(ls "$tmp/a"/*.png | head -3 | xargs -n1 basename | tr '\n' ' ')" ] \
  && cmp -s "$tmp/first/002-$(ls "$tmp/a" | sed -n 's/^002-\(.*\)\.txt$/\1/p').txt" "$tmp/a/002-"*.txt \
  && ok "--pages 3: the rotation's first three pages, as drawn in the whole" || fail "--pages 3 gave: $first"
"$bin" render --config "$root/content/player.xml" --pages 0 --out "$tmp/x" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'not a number of pages' "$tmp/err" && ok "--pages 0: status 2" || fail "--pages 0"

"$bin" render --config "$root/content/player-portrait.xml" --at 2026-11-28T10:00 --out "$tmp/p" >/dev/null 2>&1
[ "$(png_size "$(ls "$tmp/p/"*.png | head -1)")" = 1080x1920 ] && ok "portrait at the config's size" || fail "portrait size"
grep -q "非工作时间" "$tmp/p/"*roster*.txt && ok "Saturday: the roster says 非工作时间" || fail "no 非工作时间 on Saturday"
# Posters (宣传海报): drawn from their pictures beside the feed, not as stand-ins;
# the totem's full-screen poster without the header and ticker.
ls "$tmp/a/"*-poster.png >/dev/null 2>&1 && ! grep -q "暂未载入" "$tmp/a/"*-poster.txt \
  && ok "the demo's posters are drawn from their pictures" || fail "no poster page, or a stand-in"
ls "$tmp/p/"*-poster.png >/dev/null 2>&1 && ! grep -q "咨询电话" "$tmp/p/"*-poster.txt \
  && ok "a full-screen poster has no ticker" || fail "the totem's poster: $(cat "$tmp/p/"*-poster.txt 2>&1 | head -3)"

# --queue (issue 19): the call made 3 s before --at comes first and its
# strip is on every other page; a windows slide shows the live numbers.
cp -r "$root/content" "$tmp/hall"
sed -i 's|<playlist screen="\*" transition="fade">|&<slide type="windows" seconds="15"/>|' "$tmp/hall/hall.xml"
"$bin" render --config "$tmp/hall/player.xml" --at 2026-12-02T10:15:05 --size 1080x1920 --pages 3 \
  --queue "$tmp/hall/queue.xml" --out "$tmp/q" >/dev/null 2>"$tmp/err"
[ $? -eq 0 ] && ok "render --queue" || fail "render --queue: $(cat "$tmp/err")"
[ -f "$tmp/q/001-call.png" ] && grep -qx "A024 号" "$tmp/q/001-call.txt" && grep -qx "请 张＊女士" "$tmp/q/001-call.txt" \
  && ok "the call page comes first, the caller masked" || fail "no call page: $(ls "$tmp/q")"
grep -q "请 张＊女士 A024 号 到 1号窗口 办理" "$tmp/q/002-windows.txt" && grep -qx "C045" "$tmp/q/002-windows.txt" \
  && grep -qx "12人" "$tmp/q/002-windows.txt" && ok "the call's strip and the live numbers on the windows slide" \
  || fail "windows page: $(tr '\n' ' ' < "$tmp/q/002-windows.txt")"
! grep -q "张三" "$tmp/q/"*.txt && ok "never the caller's full name" || fail "a full name is shown"
"$bin" render --config "$tmp/hall/player.xml" --at 2026-12-02T10:15:05 --pages 1 --out "$tmp/s" >/dev/null 2>&1
grep -q "叫号信息暂不可用" "$tmp/s/001-windows.txt" && ! grep -qx "A023" "$tmp/s/001-windows.txt" \
  && ok "without a queue: duty states only, with the note" || fail "windows without a queue"
"$bin" render --config "$tmp/hall/player.xml" --at 2026-12-02T10:16:00 --pages 1 --queue "$tmp/hall/queue.xml" \
  --out "$tmp/late" >/dev/null 2>&1
[ -f "$tmp/late/001-windows.png" ] && ! grep -q "A024 号" "$tmp/late/001-windows.txt" \
  && ok "a call older than its 8 s is not drawn" || fail "late call: $(ls "$tmp/late")"
"$bin" render --config "$tmp/hall/player.xml" --queue "$tmp/none.xml" --out "$tmp/x" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "none.xml" "$tmp/err" && ok "--queue of a missing file: status 2" || fail "--queue missing"

# --alerts (issue 20): the CAP alert in force at --at is an urgent notice,
# its Chinese info shown; a Cancel in the same feed withdraws it.
cap="$root/tests/feed/cap"
"$bin" render --config "$root/content/player.xml" --at 2026-12-05T11:00 --size 1280x720 --pages 2 \
  --alerts "$cap/typhoon.xml" --out "$tmp/al" >/dev/null 2>"$tmp/err"
[ $? -eq 0 ] && ok "render --alerts" || fail "render --alerts: $(cat "$tmp/err")"
grep -q "深圳市气象台发布台风橙色预警信号" "$tmp/al/001-urgent.txt" 2>/dev/null \
  && ! grep -q "Typhoon Orange" "$tmp/al/"*.txt && ok "the alert's Chinese info is the first page" \
  || fail "no alert page: $(ls "$tmp/al")"
"$bin" render --config "$root/content/player.xml" --at 2026-12-05T09:00 --size 1280x720 --pages 1 \
  --alerts "$cap/typhoon.xml" --out "$tmp/early" >/dev/null 2>&1
! ls "$tmp/early/"*-urgent.png >/dev/null 2>&1 && ok "an alert before its effective is not drawn" || fail "early alert drawn"
"$bin" render --config "$root/content/player.xml" --at 2026-12-05T11:00 --pages 1 --alerts "$cap/broken.xml" \
  --out "$tmp/broken" >/dev/null 2>"$tmp/err"
# Its only alert is broken: unreadable as on the screen (which keeps its last alerts).
[ $? -eq 1 ] && grep -q "broken.xml:5:3: error: <sent>" "$tmp/err" && ok "--alerts whose every alert has errors: said, status 1" \
  || fail "broken alerts: $(cat "$tmp/err")"
"$bin" render --config "$root/content/player.xml" --alerts "$tmp/none.xml" --out "$tmp/x" >/dev/null 2>&1
[ $? -eq 2 ] && ok "--alerts of a missing file: status 2" || fail "--alerts missing"
"$bin" render --config "$root/content/player.xml" --alerts "$root/content/queue.xml" --out "$tmp/x" >/dev/null 2>&1
[ $? -eq 1 ] && ok "--alerts of a queue document: status 1" || fail "--alerts of a queue document"

"$bin" render --config "$root/content/player.xml" >/dev/null 2>&1
[ $? -eq 2 ] && ok "no --out: status 2" || fail "no --out"
"$bin" render --config "$root/content/player.xml" --size 12x3 --out "$tmp/x" >/dev/null 2>&1
[ $? -eq 2 ] && ok "a bad --size: status 2" || fail "bad size"
"$bin" render --config "$root/content/player.xml" --at "" --out "$tmp/x" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'is not a time' "$tmp/err" && ok "an empty --at: status 2, not now" || fail "an empty --at"
printf '<hallboard version="1"><hall/></hallboard>' > "$tmp/bad.xml"
printf '<player><feed url="bad.xml"/></player>' > "$tmp/bad-player.xml"
"$bin" render --config "$tmp/bad-player.xml" --out "$tmp/y" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "needs the attribute name" "$tmp/err" && ok "content with errors: status 1, said on stderr" || fail "bad content: $(cat "$tmp/err")"

# The QR codes on the pages scan: a real decoder reads the item's online URL
# and the hall's feedback link from the PNGs.
if command -v zbarimg >/dev/null; then
  item_png=$(ls "$tmp/a/"*-item.png | head -1)
  decoded=$(zbarimg -q --raw "$item_png" 2>/dev/null)
  printf '%s' "$decoded" | grep -q "^https://zwfw.example.gov.cn/item/" && ok "the item page's QR code scans: $decoded" || fail "item QR: '$decoded'"
  commit_png=$(ls "$tmp/a/"*-commitments.png | head -1)
  decoded=$(zbarimg -q --raw "$commit_png" 2>/dev/null)
  [ "$decoded" = "https://zwfw.example.gov.cn/pj/km-zjj" ] && ok "the feedback QR code scans" || fail "feedback QR: '$decoded'"
fi

# lint, in a build with fonts, warns about characters no installed font has.
printf '<hallboard version="1"><hall name="大厅\xf4\x8f\xbf\xbd"/><roster><staff id="a" name="陈䶮"/><staff id="b" name="杨𠮷安"/><window id="1"><post role="A" staff="a"/><post role="B" staff="b"/></window></roster></hallboard>' > "$tmp/glyph.xml"
out=$("$bin" lint "$tmp/glyph.xml")
[ $? -eq 0 ] && printf '%s\n' "$out" | grep -q "^$tmp/glyph.xml:1:24: warning: the character .* (U+10FFFD) is in no installed font" \
  && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && ok "lint warns about a character no font has (and not about 䶮 or 𠮷)" || fail "glyph warning: $out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
