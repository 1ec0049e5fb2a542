#!/usr/bin/env bash
# The whole bench in one command: accuracy of every tool on the three gold
# sets, speed on one pinned core (scrapinghub), then the report (Markdown +
# PNG) under bench/results/<date>-<machine>/.
#   bench/run_all.sh [DATASETS_DIR]   (default: $SARING_DATASETS or ../shared/datasets next to the repo)
# Environment: SARING_BIN (saring binary, default build/tools/saring/saring),
# SARING_COMMIT (label for a binary built from another checkout), TOOLS (comma
# list, default all), SPEED_SETS (default scrapinghub), JOBS (tools run at the
# same time for accuracy, default 1), TRAFILATURA_PEER (where trafilatura 2.2,
# a peer kept outside the repository, is set up; default /tmp/trafilatura-peer:
# set up there by ../shared/peers/setup-trafilatura.sh when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
datasets="$(cd "${1:-${SARING_DATASETS:-$here/../shared/datasets}}" && pwd)"
run="$here/bench/work/$(date -u +%Y%m%d-%H%M%S)"
tools="${TOOLS:-saring,trafilatura,readability-lxml,readability-js,boilerpipe,baseline}"
saring="${SARING_BIN:-$here/build/tools/saring/saring}"
export TRAFILATURA_PEER="${TRAFILATURA_PEER:-/tmp/trafilatura-peer}"
setup_trafilatura="$here/../shared/peers/setup-trafilatura.sh"
if [[ ",$tools," == *,trafilatura,* && ! -f "$TRAFILATURA_PEER/env.sh" && -x "$setup_trafilatura" ]]; then
  "$setup_trafilatura" "$TRAFILATURA_PEER"
fi
mkdir -p "$run"
/usr/bin/python3 "$here/bench/run_accuracy.py" "$datasets" --tools "$tools" --saring "$saring" --out "$run" \
  --jobs "${JOBS:-1}" | tee "$run/accuracy.md"
/usr/bin/python3 "$here/bench/run_speed.py" "$datasets" --tools "$tools" --saring "$saring" \
  --sets "${SPEED_SETS:-scrapinghub}" --out "$run" | tee "$run/speed.md"
/usr/bin/python3 "$here/bench/report.py" "$run" --saring "$saring"
