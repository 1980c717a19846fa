#!/bin/sh
# ctest: promtool checks the alert rules; exit 77 (skipped) without promtool.
# Debian's prometheus package (96 MB installed, a daemon) is not in
# scripts/setup.sh; install it, or promtool alone, to run this check.
set -eu
command -v promtool >/dev/null 2>&1 || { echo "promtool not installed: skipped"; exit 77; }
exec promtool check rules "$1"
