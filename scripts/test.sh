#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: unit and golden tests
# (ctest), then the accuracy quality gate when the gold sets are present
# ($SARING_DATASETS, else ../shared/datasets next to the repository).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
(cd "$here/build" && ctest --output-on-failure -j"$(nproc)")
# The portable build (-DSARING_PORTABLE=ON: simd.h's scalar blocks, no AVX2)
# of the areas with SIMD scans, so their scalar paths are compiled and tested
# too; only these test targets are built (the others, and the tests that run
# the whole program: the Python bindings, the install checks, the browser and
# the clusters, are left out of its ctest run).
cmake -S "$here" -B "$here/build-portable" -DCMAKE_BUILD_TYPE=Release -DSARING_PORTABLE=ON >/dev/null
cmake --build "$here/build-portable" -j"$(nproc)" --target core_tests html_tests extract_tests
(cd "$here/build-portable" && ctest --output-on-failure -j"$(nproc)" \
  -E '_NOT_BUILT$|^python_bindings$' -LE '^(install|distributed|browser)$')
if [ -x "$here/bench/gate.sh" ]; then
  "$here/bench/gate.sh"
fi
