#!/usr/bin/env bash
# Installs saring as its users do and checks what they get; one case per ctest
# test (tests/install/CMakeLists.txt), each in its own temporary folder:
#   cmake_package   cmake --install of the build: the files, a downstream
#                   project with find_package(saring), one with pkg-config,
#                   and the installed command preferring its own model
#   python_package  pip install --no-build-isolation into a virtual
#                   environment of Debian's python3, then a wheel installed
#                   into another; test_package.py checks both from outside
#                   the source tree (both reuse the build: no second compile)
#   moved_checkout  a copy of the checkout, pip-installed the plain way (a
#                   full CMake build) and cmake --installed from that build;
#                   the copy is deleted, then the installed commands run
#                   `saring run` over the sample corpus, their output the same
#                   as the build's own binary's
# Environment: SARING_SOURCE_DIR, SARING_BUILD_DIR (a built tree).
set -euo pipefail
case_name="$1"
src="$SARING_SOURCE_DIR"
build="$SARING_BUILD_DIR"
python=/usr/bin/python3  # Debian's interpreter, whose packages the build uses
sample="$src/tests/fixtures/corpus/sample.warc.gz"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INDEX=1  # no package index, ever

fail() { echo "install_checks $case_name: $*" >&2; exit 1; }

# make_venv DIR: a virtual environment seeing Debian's pip, setuptools, wheel
# and pytest (no pip of its own: copying one in takes most of the time);
# venv_pip DIR ARGS... runs that pip for it.
make_venv() { "$python" -m venv --system-site-packages --without-pip "$1"; }
venv_pip() { "$1/bin/python" -m pip "${@:2}"; }

# check_package VENV: test_package.py with the environment's interpreter,
# from a folder outside the source tree.
check_package() {
  local checks="$tmp/checks-$(basename "$1")"
  mkdir -p "$checks"
  cp "$src/tests/install/test_package.py" "$checks/"
  (cd "$checks" && PATH="$1/bin:$PATH" SARING_FIXTURES_DIR="$src/tests/fixtures" \
    "$1/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$checks" test_package.py)
}

# corpus_text OUTDIR: the documents of a `saring run` output, decompressed.
corpus_text() { zstd -dc "$1"/part-*.jsonl.zst; }

case "$case_name" in
cmake_package)
  prefix="$tmp/prefix"
  cmake --install "$build" --prefix "$prefix" >/dev/null
  for file in bin/saring include/saring/page.h include/saring/result.h \
      lib/libsaring_core.a lib/libsaring_pipeline.a lib/cmake/saring/saringConfig.cmake \
      lib/pkgconfig/saring.pc share/saring/lid.176.ftz share/saring/lid.176.ftz.NOTICE \
      share/doc/saring/LICENSE; do
    [ -e "$prefix/$file" ] || fail "no $file in the install prefix"
  done

  # find_package(saring) and saring::saring; the model given by SARING_LID_MODEL.
  cmake -S "$src/tests/install/downstream" -B "$tmp/downstream" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
  cmake --build "$tmp/downstream" >/dev/null
  out="$(SARING_LID_MODEL="$prefix/share/saring/lid.176.ftz" "$tmp/downstream/downstream")"
  [[ "$out" == "en The weather today is sunny"* ]] || fail "downstream (CMake) printed: $out"

  # The same program through pkg-config.
  flags="$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs saring)"
  # shellcheck disable=SC2086  # flags are words
  c++ -std=c++20 -O1 "$src/tests/install/downstream/main.cc" -o "$tmp/downstream-pc" $flags
  out="$(SARING_LID_MODEL="$prefix/share/saring/lid.176.ftz" "$tmp/downstream-pc")"
  [[ "$out" == "en The weather today is sunny"* ]] || fail "downstream (pkg-config) printed: $out"

  # The installed command loads the model next to itself before the build's:
  # a damaged copy there is the one it reports.
  echo "<p>$out</p>" > "$tmp/page.html"
  env -u SARING_LID_MODEL "$prefix/bin/saring" extract "$tmp/page.html" >/dev/null \
    || fail "installed saring extract failed with its own model"
  echo "not a model" > "$prefix/share/saring/lid.176.ftz"
  set +e
  err="$(env -u SARING_LID_MODEL "$prefix/bin/saring" extract "$tmp/page.html" 2>&1 >/dev/null)"
  status=$?
  set -e
  [ "$status" -eq 2 ] && [[ "$err" == *"$prefix/share/saring/lid.176.ftz"* ]] \
    || fail "installed saring did not look for its own model first (status $status): $err"
  ;;

python_package)
  # pip, reusing the build's CMake tree.
  make_venv "$tmp/venv"
  SARING_CMAKE_BUILD_DIR="$build" venv_pip "$tmp/venv" install -q --no-build-isolation "$src"
  check_package "$tmp/venv"

  # A wheel, installed into another environment.
  SARING_CMAKE_BUILD_DIR="$build" "$python" -m build --wheel --no-isolation \
    --outdir "$tmp/dist" "$src" >/dev/null
  wheel=("$tmp"/dist/saring-*.whl)
  [ "${#wheel[@]}" -eq 1 ] || fail "expected one wheel, got: ${wheel[*]}"
  "$python" - "${wheel[0]}" <<'PY' || fail "the wheel lacks files"
import stat, sys, zipfile
names = {info.filename: info for info in zipfile.ZipFile(sys.argv[1]).infolist()}
command = names["saring/bin/saring"]
assert (command.external_attr >> 16) & stat.S_IXUSR, "saring/bin/saring is not executable"
for name in ["saring/data/lid.176.ftz", "saring/data/lid.176.ftz.NOTICE", "saring/_cli.py",
             "saring/__init__.py", "saring/py.typed"]:
    assert name in names, name
assert any(n.startswith("saring/_native.") and n.endswith(".so") for n in names)
assert any(n.endswith(".dist-info/LICENSE") for n in names)
PY
  make_venv "$tmp/wheel-venv"
  venv_pip "$tmp/wheel-venv" install -q "${wheel[0]}"
  check_package "$tmp/wheel-venv"
  ;;

moved_checkout)
  # The sources as a checkout has them (no build trees), and the model as a file.
  mkdir -p "$tmp/checkout/data"
  tar -C "$src" --exclude=./.git --exclude='./build*' --exclude=./data --exclude=./dist \
    --exclude=./bench/work --exclude=./bench/node_modules --exclude=__pycache__ -cf - . \
    | tar -C "$tmp/checkout" -xf -
  cp -L "$src/data/lid.176.ftz" "$tmp/checkout/data/"
  # ccache, when there, with paths relative to the copy so a re-run hits.
  if command -v ccache >/dev/null; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache \
      CCACHE_BASEDIR="$tmp/checkout"
  fi

  make_venv "$tmp/venv"
  (cd "$tmp/checkout" && venv_pip "$tmp/venv" install -q --no-build-isolation .)
  cmake_build=("$tmp"/checkout/build/python-package/temp.*/cmake)
  [ -f "${cmake_build[0]}/CMakeCache.txt" ] || fail "no CMake build of setup.py in the copy"
  cmake --install "${cmake_build[0]}" --prefix "$tmp/prefix" >/dev/null
  rm -rf "$tmp/checkout"

  "$build/tools/saring/saring" run "$sample" -o "$tmp/out-build" >/dev/null 2>&1
  env -u SARING_LID_MODEL "$tmp/prefix/bin/saring" run "$sample" -o "$tmp/out-installed" >/dev/null
  env -u SARING_LID_MODEL "$tmp/venv/bin/saring" run "$sample" -o "$tmp/out-pip" >/dev/null
  expected="$(corpus_text "$tmp/out-build")"
  [ -n "$expected" ] || fail "the build's saring run wrote no documents"
  [ "$(corpus_text "$tmp/out-installed")" == "$expected" ] \
    || fail "the installed saring run differs from the build's"
  [ "$(corpus_text "$tmp/out-pip")" == "$expected" ] \
    || fail "the pip-installed saring run differs from the build's"
  check_package "$tmp/venv"
  ;;

*)
  fail "unknown case (cmake_package, python_package, moved_checkout)"
  ;;
esac
echo "install_checks $case_name: ok"
