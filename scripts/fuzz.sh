#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and UndefinedBehavior-
# Sanitizer in build-fuzz/ (installing clang and its runtime from Debian when
# missing) and runs each target for SECONDS of CPU time over its seed corpus
# fuzz/corpus/<target>/. New inputs the fuzzer finds go to
# build-fuzz/corpus/<target>/ (the seeds stay as committed); a crash stops
# the script with the fuzzer's report and the input in build-fuzz/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 60, every target)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
shift || true

# clang's libFuzzer and sanitizer runtimes come with libclang-rt-dev.
tools=(clang libclang-rt-dev)
if [ "$(dpkg-query -W -f='${Status}\n' "${tools[@]}" 2>/dev/null | grep -c "install ok installed")" != "${#tools[@]}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${tools[@]}"
fi

build="$here/build-fuzz"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DSARING_BUILD_FUZZ=ON -DSARING_SANITIZE=address,undefined >/dev/null

targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in "$here"/fuzz/*_fuzz.cc; do targets+=("$(basename "$f" .cc)"); done
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ticks=$(getconf CLK_TCK)
for t in "${targets[@]}"; do
  seeds="$here/fuzz/corpus/$t"
  found="$build/corpus/$t"
  mkdir -p "$found"
  [ -d "$seeds" ] || seeds=""
  echo "== $t: ${seconds} CPU-seconds"
  # libFuzzer limits wall time only: on a shared machine we stop it (SIGINT,
  # exit code 72) once it has used its CPU time; the wall limit is a backstop.
  (cd "$build" && exec "$build/fuzz/$t" -max_total_time=$((seconds * 20)) -max_len=65536 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$found" $seeds) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    used=$(awk -v t="$ticks" '{print int(($14 + $15) / t)}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    if [ "$used" -ge "$seconds" ]; then kill -INT "$pid"; break; fi
    sleep 1
  done
  status=0
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 72 ]; then
    echo "$t failed (exit $status): see the report above and the crash input in $build/" >&2
    exit "$status"
  fi
done
