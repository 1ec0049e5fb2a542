"""Checks an installed saring package from outside the source tree (run by
install_checks.sh with the interpreter of a virtual environment, cwd a
temporary folder): the module, its packaged command and model, and the
`saring` command on PATH. SARING_FIXTURES_DIR names tests/fixtures."""

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

import saring

PACKAGE = pathlib.Path(saring.__file__).parent
FIXTURES = pathlib.Path(os.environ["SARING_FIXTURES_DIR"])
ENGLISH = ("The weather today is sunny and warm, with a light breeze from the west "
           "in the afternoon and clear skies expected through the evening.")
PAGE = f"<html><head><title>Weather</title></head><body><article><p>{ENGLISH}</p></article></body></html>"


def without_model_override() -> dict:
    return {key: value for key, value in os.environ.items() if key != "SARING_LID_MODEL"}


def test_imported_from_the_environment_not_the_checkout():
    assert PACKAGE.parent == pathlib.Path(sysconfig.get_paths()["purelib"]).resolve() or \
        PACKAGE.parent == pathlib.Path(sysconfig.get_paths()["platlib"]).resolve()
    assert pathlib.Path(saring._native.__file__).parent == PACKAGE


def test_package_carries_command_model_and_notice():
    assert os.access(PACKAGE / "bin" / "saring", os.X_OK)
    assert (PACKAGE / "data" / "lid.176.ftz").stat().st_size > 100_000
    notice = (PACKAGE / "data" / "lid.176.ftz.NOTICE").read_text()
    assert "CC BY-SA 3.0" in notice


def test_version_is_the_distributions_and_the_commands():
    import importlib.metadata
    assert saring.__version__ == importlib.metadata.version("saring")
    shown = subprocess.run([str(PACKAGE / "bin" / "saring"), "--version"], capture_output=True,
                           text=True, check=True).stdout
    assert shown.split() == ["saring", saring.__version__]


def test_extract():
    text = saring.extract(PAGE, "https://example.org/weather")
    assert "sunny and warm" in text


def test_clean():
    result = saring.clean(ENGLISH + "\n\nShare this article on Facebook\n")
    assert "sunny and warm" in result["text"]
    assert result["language"] == "en"


def test_identify_language_with_the_packaged_model():
    # A fresh interpreter without SARING_LID_MODEL: the package's own model.
    code = "import saring; print(saring.identify_language(%r)[0])" % ENGLISH
    out = subprocess.run([sys.executable, "-c", code], env=without_model_override(),
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "en"


def test_saring_command_on_path(tmp_path):
    command = shutil.which("saring")
    assert command and pathlib.Path(command).parent == pathlib.Path(sys.executable).parent
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    done = subprocess.run([command, "extract", "--format", "jsonl", str(page)],
                          env=without_model_override(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '"language":"en"' in done.stdout and "sunny and warm" in done.stdout


def test_saring_run_over_the_sample_corpus(tmp_path):
    done = subprocess.run(["saring", "run", str(FIXTURES / "corpus" / "sample.warc.gz"),
                           "-o", str(tmp_path / "out")],
                          env=without_model_override(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "part-00000.jsonl.zst").stat().st_size > 0


def test_model_override_still_wins(tmp_path):
    env = dict(os.environ, SARING_LID_MODEL=str(tmp_path / "missing.ftz"))
    done = subprocess.run(["saring", "extract", str(FIXTURES / "corpus" / "sample.warc.gz")],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "missing.ftz" in done.stderr
