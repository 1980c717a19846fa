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
# Waits up to 10 s for the background process $1 to end: status is its
# exit status, or 124 (as timeout says) when it had to be killed.
wait_exit() {
  status=124
  for _ in $(seq 1 200); do
    if ! kill -0 "$1" 2>/dev/null; then
      wait "$1"
      status=$?
      return
    fi
    sleep 0.05
  done
  kill -9 "$1"
}
