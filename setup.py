"""The Python package saring, built by saring's own CMake build.

Debian 12 has no scikit-build-core, so build_ext here configures and builds
the CMake targets `saring` (the command) and `saring_python` (the extension
saring._native) and places into the package:

    saring/_native*.so          the extension
    saring/bin/saring           the command; `saring` on PATH runs it (_cli.py)
    saring/data/lid.176.ftz     the language model (scripts/fetch-model.sh
                                fetches it and checks its sha256) and its notice

With Debian's build tools and no package index, in a virtual environment:

    pip install --no-build-isolation .
    python3 -m build --no-isolation          # sdist and wheel in dist/

SARING_CMAKE_BUILD_DIR=<dir> reuses a configured CMake build directory: only
the two targets are brought up to date there, and setuptools keeps its own
files in <dir>/python-package. Otherwise the CMake build (Release, no tests)
lives in build/python-package/ of the source tree.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
REUSED_BUILD_DIR = os.environ.get("SARING_CMAKE_BUILD_DIR")
SETUPTOOLS_DIR = (Path(REUSED_BUILD_DIR).resolve() if REUSED_BUILD_DIR else ROOT / "build") / "python-package"
MODEL = "lid.176.ftz"
MODEL_NOTICE = ROOT / "licenses" / "lid.176.ftz.NOTICE"


def project_version() -> str:
    """The version of CMakeLists.txt's project(), the one place it is kept."""
    match = re.search(r"project\(saring VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text())
    if not match:
        sys.exit("setup.py: no project(saring VERSION ...) in CMakeLists.txt")
    return match.group(1)


def run(command: list) -> None:
    print("setup.py:", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True)


class CMakeBuild(build_ext):
    """Builds saring._native, the command and the model into the package."""

    def build_extension(self, ext: Extension) -> None:
        if shutil.which("cmake") is None:
            sys.exit("setup.py: saring builds with CMake: install it (apt-get install cmake)")
        build_dir = self.cmake_build_dir()
        jobs = self.parallel or os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or os.cpu_count() or 1
        run(["cmake", "--build", build_dir, "--target", "saring", "saring_python", "--parallel", jobs])

        native = Path(self.get_ext_fullpath(ext.name))
        package = native.parent
        package.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.built_extension(build_dir), native)
        (package / "bin").mkdir(exist_ok=True)
        shutil.copy2(build_dir / "tools" / "saring" / "saring", package / "bin" / "saring")

        run(["bash", ROOT / "scripts" / "fetch-model.sh"])
        (package / "data").mkdir(exist_ok=True)
        # resolve(): data/lid.176.ftz may be a symbolic link; the package gets the file.
        shutil.copyfile((ROOT / "data" / MODEL).resolve(), package / "data" / MODEL)
        shutil.copyfile(MODEL_NOTICE, package / "data" / MODEL_NOTICE.name)

    def cmake_build_dir(self) -> Path:
        if REUSED_BUILD_DIR:
            build_dir = Path(REUSED_BUILD_DIR).resolve()
            if not (build_dir / "CMakeCache.txt").is_file():
                sys.exit(f"setup.py: SARING_CMAKE_BUILD_DIR={build_dir} is not a configured CMake build")
            return build_dir
        build_dir = Path(self.build_temp).resolve() / "cmake"
        run(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
             "-DSARING_BUILD_TESTS=OFF", f"-DPYTHON_EXECUTABLE={sys.executable}"])
        return build_dir

    @staticmethod
    def built_extension(build_dir: Path) -> Path:
        """The extension CMake built, checked to be for this interpreter."""
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = glob.glob(str(build_dir / "python" / "saring" / "_native*.so"))
        matching = [path for path in built if path.endswith(suffix)]
        if len(matching) != 1:
            sys.exit(f"setup.py: expected one _native{suffix} in {build_dir}/python/saring, "
                     f"found {built or 'none'} (a build for another Python?)")
        return Path(matching[0])


SETUPTOOLS_DIR.mkdir(parents=True, exist_ok=True)
setup(
    version=project_version(),
    package_dir={"": "python"},
    packages=["saring"],
    package_data={"saring": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("saring._native", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={
        # Out of the source tree's top level and of python/.
        "build": {"build_base": str(SETUPTOOLS_DIR)},
        "egg_info": {"egg_base": str(SETUPTOOLS_DIR)},
    },
)
