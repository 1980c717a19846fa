#!/usr/bin/env bash
# Builds the .deb from BUILD_DIR with cpack into a temporary folder and checks
# it with dpkg-deb, without installing it: the files, the conffile, the
# maintainer scripts, the Depends, the systemd unit, and that the shipped
# /etc/hallboard/player.xml lints clean against the shipped demo content.
# Usage: check_deb.sh BUILD_DIR   (a configured and built build directory)
# Exit 0: all good; 1: a check failed; 77: a tool is missing (skipped).
set -euo pipefail

build=${1:?usage: check_deb.sh BUILD_DIR}
build=$(cd "$build" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (dpkg-dev)"; exit 77; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log"
  fail "cpack -G DEB failed"
  exit 1
fi
debs=("$tmp"/out/hallboard_*.deb)
[ -f "${debs[0]}" ] || { fail "no hallboard_*.deb in cpack's output"; exit 1; }
deb=${debs[0]}
echo "built $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$tmp/files"
for f in /usr/bin/hallboard /usr/libexec/hallboard/hallboard-screen \
  /usr/libexec/hallboard/hallboard-console /lib/systemd/system/hallboard-console.service \
  /lib/systemd/system/hallboard.service /etc/hallboard/player.xml \
  /usr/share/hallboard/content/player.xml /usr/share/hallboard/content/hall.xml \
  /usr/share/hallboard/content/items.xml /usr/share/hallboard/content/roster.xml \
  /usr/share/hallboard/content/assets/logo.png /usr/share/hallboard/assets/theme.conf \
  /usr/share/doc/hallboard/deploy.md /usr/share/doc/hallboard/copyright \
  /usr/share/doc/hallboard/changelog.Debian.gz /usr/share/doc/hallboard/examples/x11.conf \
  /usr/share/man/man1/hallboard.1.gz; do
  grep -qxF "$f" "$tmp/files" || fail "$f is not in the package"
done
[ "$(grep -c '^/usr/share/hallboard/content/photos/.*\.png$' "$tmp/files")" -ge 18 ] ||
  fail "the demo photos are not all in the package"

dpkg-deb -e "$deb" "$tmp/control"
grep -qxF /etc/hallboard/player.xml "$tmp/control/conffiles" 2>/dev/null ||
  fail "/etc/hallboard/player.xml is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$tmp/control/$s" ] || fail "the $s script is missing or not executable"
done
grep -q 'adduser --system --group' "$tmp/control/postinst" || fail "postinst makes no system user"
grep -q 'for group in video render input audio' "$tmp/control/postinst" ||
  fail "postinst does not put the user in video, render, input and audio"

[ "$(dpkg-deb -f "$deb" Package)" = hallboard ] || fail "Package is not hallboard"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for d in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 fonts-noto-cjk fontconfig adduser \
  libegl1 libgl1-mesa-dri libespeak-ng1 espeak-ng-data; do
  grep -qE "(^|, )$d( |,|$)" <<<"$depends" || fail "Depends does not name $d"
done

dpkg-deb -x "$deb" "$tmp/root"
unit=$tmp/root/lib/systemd/system/hallboard.service
for line in Type=notify NotifyAccess=main WatchdogSec=30 Restart=always RestartSec=5 \
  StartLimitIntervalSec=0 User=hallboard CacheDirectory=hallboard \
  'ExecStart=/usr/bin/hallboard run --config /etc/hallboard/player.xml' \
  'Environment=SDL_VIDEODRIVER=kmsdrm'; do
  grep -qxF "$line" "$unit" || fail "the unit lacks $line"
done
console_unit=$tmp/root/lib/systemd/system/hallboard-console.service
for line in User=hallboard-console Restart=always StateDirectory=hallboard-console \
  'ExecStart=/usr/bin/hallboard console serve --data /var/lib/hallboard-console'; do
  grep -qxF "$line" "$console_unit" || fail "the console's unit lacks $line"
done
grep -q 'adduser --system --group --quiet --home /var/lib/hallboard-console' "$tmp/control/postinst" ||
  fail "postinst makes no hallboard-console user"
"$tmp/root/usr/bin/hallboard" console --help | grep -q 'console init' ||
  fail "/usr/bin/hallboard does not reach /usr/libexec/hallboard/hallboard-console"
if command -v systemd-analyze >/dev/null; then
  sed "s|/usr/bin/hallboard|$tmp/root/usr/bin/hallboard|" "$console_unit" >"$tmp/hallboard-console.service"
  if ! (cd "$tmp" && systemd-analyze verify "$tmp/hallboard-console.service") >"$tmp/verify-console.log" 2>&1; then
    cat "$tmp/verify-console.log"
    fail "systemd-analyze verify finds fault with the console's unit"
  fi
fi
if command -v systemd-analyze >/dev/null; then
  # verify wants the program in place: point ExecStart at the extracted one.
  sed "s|/usr/bin/hallboard|$tmp/root/usr/bin/hallboard|" "$unit" >"$tmp/hallboard.service"
  if ! (cd "$tmp" && systemd-analyze verify "$tmp/hallboard.service") >"$tmp/verify.log" 2>&1; then
    cat "$tmp/verify.log"
    fail "systemd-analyze verify finds fault with the unit"
  fi
fi

# The shipped config, with its feeds pointed at the extracted demo content.
sed "s|file:///usr/share/hallboard/|file://$tmp/root/usr/share/hallboard/|" \
  "$tmp/root/etc/hallboard/player.xml" >"$tmp/player.xml"
if ! "$tmp/root/usr/bin/hallboard" lint "$tmp/player.xml" >"$tmp/lint.log" 2>&1; then
  cat "$tmp/lint.log"
  fail "the shipped /etc/hallboard/player.xml does not lint clean with the shipped demo"
fi
"$tmp/root/usr/bin/hallboard" --version | grep -q '^hallboard ' || fail "the packaged binary does not run"
# /usr/bin/hallboard starts fast without curl and SDL, and finds the rest in
# /usr/libexec/hallboard (docs/cli.md, "Two programs").
if command -v readelf >/dev/null; then
  ! readelf -d "$tmp/root/usr/bin/hallboard" | grep -Eq 'NEEDED.*(libcurl|libSDL2)' ||
    fail "/usr/bin/hallboard links curl or SDL"
fi
"$tmp/root/usr/bin/hallboard" plan --config "$tmp/player.xml" >"$tmp/plan.log" 2>&1 &&
  grep -q '^hallboard plan:' "$tmp/plan.log" ||
  { cat "$tmp/plan.log"; fail "/usr/bin/hallboard does not reach /usr/libexec/hallboard/hallboard-screen"; }

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "the .deb is complete"
