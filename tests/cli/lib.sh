# Sourced by the CLI test scripts after their usage line: $1 is the
# hallboard binary, $2 the repository. Gives bin, root, a work directory
# removed at exit, SDL's dummy video driver, and ok/fail/finish, which
# count and print the closing "N passed, N failed" line.
set -uo pipefail
bin=$(realpath "$1")
root=$2
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$work/err" ] && head -20 "$work/err"; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
