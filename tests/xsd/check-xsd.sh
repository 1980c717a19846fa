#!/usr/bin/env bash
# Checks the XSDs in schema/ against the bundled content and the XSD test data.
#
#   tests/xsd/check-xsd.sh REPO_ROOT [HALLBOARD_BINARY]
#
# - content/*.xml with a <hallboard> root: must be valid against
#   schema/hallboard-v1.xsd; content/player*.xml: against schema/player-v1.xsd;
#   content/*.xml with a <queue> root: against schema/queue-v1.xsd, and
#   lint; other content/*.xml files are skipped (not counted).
# - tests/xsd/valid/*.xml: must be valid (player-*.xml against player-v1.xsd,
#   queue-*.xml against queue-v1.xsd, the rest against hallboard-v1.xsd).
# - tests/xsd/invalid/*.xml: each must start with an "<!-- expect: ... -->"
#   comment and be refused by xmllint with a schema validity error (exit 3;
#   a file that is not even well-formed is a broken test, not a pass).
# - With HALLBOARD_BINARY: "BINARY lint FILE" must exit 0 on every valid file
#   and exactly 1 on every invalid file.
#
# Prints one line per file and a final "N passed, M failed"; exits 1 on any
# failure, 2 on bad usage or missing tools.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 REPO_ROOT [HALLBOARD_BINARY]" >&2
  exit 2
fi
root=$(cd "$1" && pwd)
bin=${2:-}
if [[ -n "$bin" ]]; then
  if [[ "$bin" != */* ]]; then bin=$(command -v "$bin" || true); fi
  if [[ -z "$bin" || ! -x "$bin" ]]; then
    echo "check-xsd: hallboard binary '${2}' is not an executable file" >&2
    exit 2
  fi
  bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
fi
command -v xmllint >/dev/null || { echo "check-xsd: xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }

feed_xsd=$root/schema/hallboard-v1.xsd
player_xsd=$root/schema/player-v1.xsd
queue_xsd=$root/schema/queue-v1.xsd
passed=0
failed=0

# The schemas themselves must compile, or every "invalid" file would pass.
for xsd in "$feed_xsd" "$player_xsd" "$queue_xsd"; do
  rel=${xsd#"$root"/}
  if out=$(echo '<x/>' | xmllint --noout --nonet --schema "$xsd" - 2>&1) || [[ $? -ne 5 ]]; then
    echo "ok    $rel (compiles)"
    passed=$((passed + 1))
  else
    echo "FAIL  $rel does not compile: $(grep -m1 -v '^-' <<<"$out")"
    failed=$((failed + 1))
  fi
done

# Name of the document element, or "" if the file is not well-formed.
root_name() {
  xmllint --nonet --xpath 'name(/*)' "$1" 2>/dev/null || true
}

# First schema error message of a refused file, without the file name prefix.
first_error() {
  grep -m1 -E 'error|Error' <<<"$1" | sed -E 's/^[^:]*:[0-9]+: (element [^:]*: )?(Schemas validity error : )?//' | cut -c1-160 || true
}

# Runs "$bin lint FILE" and sets lint_rc.
run_lint() {
  lint_rc=0
  "$bin" lint "$1" >/dev/null 2>&1 </dev/null || lint_rc=$?
}

# check_valid FILE XSD: xmllint must accept it; lint (if given) must exit 0.
check_valid() {
  local file=$1 xsd=$2 rel=${1#"$root"/} out rc=0 note=""
  out=$(xmllint --noout --nonet --schema "$xsd" "$file" 2>&1) || rc=$?
  local ok=1
  if [[ $rc -ne 0 ]]; then
    ok=0
    note="xmllint exit $rc: $(first_error "$out")"
  else
    note="valid ($(basename "$xsd"))"
  fi
  if [[ -n "$bin" ]]; then
    run_lint "$file"
    if [[ $lint_rc -ne 0 ]]; then
      ok=0
      note="$note; lint exit $lint_rc, expected 0"
    else
      note="$note; lint exit 0"
    fi
  fi
  if [[ $ok -eq 1 ]]; then
    echo "ok    $rel: $note"
    passed=$((passed + 1))
  else
    echo "FAIL  $rel: $note"
    failed=$((failed + 1))
  fi
}

# check_invalid FILE XSD: xmllint must refuse it with a validity error (3);
# lint (if given) must exit 1.
check_invalid() {
  local file=$1 xsd=$2 rel=${1#"$root"/} out rc=0 note="" ok=1
  if ! head -c 200 "$file" | grep -q '^<!-- expect: '; then
    ok=0
    note="no '<!-- expect: ... -->' comment on the first line; "
  fi
  out=$(xmllint --noout --nonet --schema "$xsd" "$file" 2>&1) || rc=$?
  case $rc in
    3) note="${note}refused: $(first_error "$out")" ;;
    0) ok=0; note="${note}xmllint accepted it (expected a schema validity error)" ;;
    *) ok=0; note="${note}xmllint exit $rc, not a schema validity error (3): $(first_error "$out")" ;;
  esac
  if [[ -n "$bin" ]]; then
    run_lint "$file"
    if [[ $lint_rc -ne 1 ]]; then
      ok=0
      note="$note; lint exit $lint_rc, expected 1"
    else
      note="$note; lint exit 1"
    fi
  fi
  if [[ $ok -eq 1 ]]; then
    echo "ok    $rel: $note"
    passed=$((passed + 1))
  else
    echo "FAIL  $rel: $note"
    failed=$((failed + 1))
  fi
}

shopt -s nullglob

# --- content/ -----------------------------------------------------------------
for f in "$root"/content/*.xml; do
  name=$(basename "$f")
  if [[ $name == player*.xml ]]; then
    # player configs: validated, but not run through lint as feeds here
    saved_bin=$bin; bin=""
    check_valid "$f" "$player_xsd"
    bin=$saved_bin
    continue
  fi
  r=$(root_name "$f")
  if [[ $r == hallboard ]]; then
    saved_bin=$bin; bin=""
    check_valid "$f" "$feed_xsd"
    bin=$saved_bin
  elif [[ $r == queue ]]; then
    check_valid "$f" "$queue_xsd"  # on its own: lint reads it as the screen would
  elif [[ -z $r ]]; then
    echo "FAIL  content/$name: not well-formed XML"
    failed=$((failed + 1))
  else
    echo "skip  content/$name: root <$r> is not <hallboard>"
  fi
done

# --- tests/xsd/valid ----------------------------------------------------------
valid_files=("$root"/tests/xsd/valid/*.xml)
if [[ ${#valid_files[@]} -eq 0 ]]; then
  echo "FAIL  tests/xsd/valid: no files"
  failed=$((failed + 1))
fi
for f in "${valid_files[@]}"; do
  if [[ $(basename "$f") == player-* ]]; then
    check_valid "$f" "$player_xsd"
  elif [[ $(basename "$f") == queue-* ]]; then
    check_valid "$f" "$queue_xsd"
  else
    check_valid "$f" "$feed_xsd"
  fi
done

# --- tests/xsd/invalid --------------------------------------------------------
invalid_files=("$root"/tests/xsd/invalid/*.xml)
if [[ ${#invalid_files[@]} -eq 0 ]]; then
  echo "FAIL  tests/xsd/invalid: no files"
  failed=$((failed + 1))
fi
for f in "${invalid_files[@]}"; do
  if [[ $(basename "$f") == player-* ]]; then
    check_invalid "$f" "$player_xsd"
  elif [[ $(basename "$f") == queue-* ]]; then
    check_invalid "$f" "$queue_xsd"
  else
    check_invalid "$f" "$feed_xsd"
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
