#!/usr/bin/env bash
# Quality gate (called by scripts/test.sh): checks bench/'s metric unit tests,
# then runs saring (build/tools/saring/saring, built by the caller) over the
# public gold sets and fails when an F1 drops below bench/floors.json.
# Skips, saying so, when the datasets folder is missing.
#   bench/gate.sh [DATASETS_DIR]   (default: $SARING_DATASETS or ../shared/datasets next to the repo)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
datasets="${1:-${SARING_DATASETS:-$here/../shared/datasets}}"
if [ ! -d "$datasets" ]; then
  echo "quality gate: SKIPPED (no datasets at $datasets)"
  exit 0
fi
datasets="$(cd "$datasets" && pwd)"
log="$(mktemp)"
if ! /usr/bin/python3 -m unittest discover -s "$here/bench" -p 'test_*.py' >"$log" 2>&1; then
  cat "$log"
  rm -f "$log"
  echo "quality gate: FAILED (bench metric unit tests)"
  exit 1
fi
rm -f "$log"
exec /usr/bin/python3 "$here/bench/gate.py" "$datasets" --saring "${SARING_BIN:-$here/build/tools/saring/saring}"
