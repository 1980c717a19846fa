#!/usr/bin/env bash
# Installs what hallboard needs on Debian 12 (apt packages only, nothing
# downloaded at build time) and builds it into build/ (or $BUILD_DIR).
# Extra CMake arguments come from $HALLBOARD_CMAKE_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libpugixml-dev doctest-dev libcurl4-openssl-dev
  libicu-dev     # UAX #14 line breaking for Chinese
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev libqrencode-dev
  fonts-noto-cjk fonts-dejavu-core
  libxml2-utils  # xmllint, for the XSD checks
  python3        # test servers and benchmark generators
  zbar-tools     # zbarimg: the tests scan the QR codes on rendered pages
  libssl-dev     # libcrypto: Ed25519 feed signatures, cache checksums (only suggested by libcurl4-openssl-dev)
  openssl        # the signing commands of docs/signing.md, checked by the tests
  nginx          # the network tests start their own nginx on 127.0.0.1 (the package may also start a system one)
  libsystemd-dev # sd_notify: READY and the watchdog under systemd
  libespeak-ng-dev espeak-ng-data  # the voice (语音播报): Mandarin speech, the cmn voice is in the data
  dpkg-dev       # dpkg-shlibdeps: the .deb's Depends (cpack -G DEB)
  systemd        # systemd-analyze verify: the tests check the unit
  # The console (hallboard console): its database, HTTP, passwords, XLSX, JSON.
  libsqlite3-dev libcpp-httplib-dev libsodium-dev libzip-dev nlohmann-json3-dev
  sqlite3        # the tests check the database file with sqlite3's own integrity check
  chromium chromium-driver python3-selenium  # the console's browser test
  xvfb faketime  # console_screens_real: players under a real X server, one with its clock hours off
  x11-apps python3-pil  # live_windows_real: the X screen captured (xwd) and compared with render
  # <display power> (issue 20), each optional: X11 DPMS (xcb's DPMS, whose
  # errors come back per request, never Xlib's exiting handler), the KMS
  # connector's DPMS (libdrm), HDMI-CEC (libcec; its libcec.pc also needs
  # p8-platform and libudev, which libcec-dev does not pull in).
  libxcb-dpms0-dev libdrm-dev libcec-dev libp8-platform-dev libudev-dev
  libxext-dev    # bench/: the X11 shared-memory measurements
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# promtool, for the test of the Prometheus alert rules: only that program,
# out of Debian's prometheus package (the package is a 96 MB daemon that
# would start on install), into .tools/.
if ! command -v promtool >/dev/null 2>&1 && [ ! -x .tools/promtool ]; then
  mkdir -p .tools/deb
  if (cd .tools/deb && apt-get download -qq prometheus 2>/dev/null); then
    dpkg-deb --fsys-tarfile .tools/deb/prometheus_*.deb | tar -x -C .tools --strip-components=3 ./usr/bin/promtool
  else
    echo "promtool could not be fetched: the alert rules' test will be skipped"
  fi
  rm -rf .tools/deb
fi

build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086  # the extra arguments are meant to split
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${HALLBOARD_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir"
