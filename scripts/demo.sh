#!/usr/bin/env bash
# Installs dependencies, builds, and runs saring's main job on the sample that
# ships with the repo.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
"$here/build/tools/saring/saring" extract --format jsonl "$here"/tests/fixtures/extract/*.html
