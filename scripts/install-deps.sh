#!/usr/bin/env bash
# Installs everything saring's build, tests and benchmarks need on Debian 12,
# and the language-ID model. Idempotent: safe to re-run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

packages=(
  # build
  build-essential cmake pkg-config git ca-certificates
  # libraries behind our interfaces
  libmodest-dev libxml2-dev zlib1g-dev libdeflate-dev libzstd-dev libuchardet-dev libre2-dev
  libxxhash-dev libfasttext-dev libtomlplusplus-dev nlohmann-json3-dev libutf8proc-dev
  nettle-dev  # SHA-256 of the language model in the run fingerprint
  pybind11-dev python3-dev
  # the Python package: pip install --no-build-isolation in a venv, wheels
  python3-venv python3-pip python3-setuptools python3-wheel python3-build
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev zstd python3-pytest
  python3-readability python3-lxml python3-matplotlib libboilerpipe-java default-jre-headless
  openjdk-17-jdk-headless  # javac for bench/peers/BoilerpipeRunner.java
  html2text lynx w3m nodejs time util-linux
  python3-mypy  # the Python package's types (python/tests/test_typing.py)
  chromium  # opens saring report's pages in the tests (headless)
  python3-distributed slurm-wlm munge  # distributed runs: Dask, and a single-node Slurm in tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm comes with the machine's Node.js on our images; Debian's npm otherwise.
if ! command -v npm >/dev/null 2>&1; then
  ${SUDO:-} apt-get install -y -qq --no-install-recommends npm
fi

# The report page's plotting library (pinned by src/report/package-lock.json),
# embedded into the library at build time; reinstalled only when the lock changes.
report="$here/src/report"
if ! cmp -s "$report/package-lock.json" "$report/node_modules/.installed-lock.json"; then
  (cd "$report" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$report/package-lock.json" "$report/node_modules/.installed-lock.json"
fi

"$here/scripts/fetch-model.sh"
