#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: unit and golden tests
# (ctest), then the accuracy quality gate when ../shared/datasets is present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
(cd "$here/build" && ctest --output-on-failure -j"$(nproc)")
if [ -x "$here/bench/gate.sh" ]; then
  "$here/bench/gate.sh"
fi
