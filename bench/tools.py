"""The tools the bench runs, each as one long-running process over a list of pages.

Every tool reads a list file (one ``PATH<TAB>URL`` per line) and writes one JSON
record per input, in input order, with at least ``source`` and ``text`` (and
``error`` when the page failed). Peers also print ``{"bench_stats": {"pages":
N, "seconds": T}}`` on stderr: the time spent in their page loop, start-up left
out.

- saring: ``saring extract --format jsonl --input-list LIST``
- readability-lxml, trafilatura, baseline: bench/peers/py_runner.py (in-process for
  accuracy); trafilatura 2.2 lives outside the repository, set up by
  ../shared/peers/setup-trafilatura.sh [DIR] (found through DIR/env.sh, DIR being
  $TRAFILATURA_PEER or /tmp/trafilatura-peer)
- readability-js: node bench/peers/readability_runner.js (npm deps in bench/node_modules)
- boilerpipe: java BoilerpipeRunner, compiled into bench/work/classes at bench time
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable, Optional

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
PEERS = os.path.join(BENCH, "peers")
PYTHON = "/usr/bin/python3"

ALL_TOOLS = ("saring", "trafilatura", "readability-lxml", "readability-js", "boilerpipe", "baseline")

BOILERPIPE_JARS = ("boilerpipe.jar", "nekohtml.jar", "xercesImpl.jar")
JAVA_DIR = "/usr/share/java"


class ToolUnavailable(RuntimeError):
    """A tool cannot run here (not installed, not built); the message says how to fix it."""


def default_saring() -> str:
    """SARING_BIN from the environment, else build/tools/saring/saring in the repo."""
    return os.environ.get("SARING_BIN") or os.path.join(REPO, "build", "tools", "saring", "saring")


def saring_help(binary: str) -> str:
    """Text of ``saring extract --help`` ('' when it cannot run)."""
    try:
        res = subprocess.run([binary, "extract", "--help"], capture_output=True, text=True, timeout=30)
    except OSError:
        return ""
    return (res.stdout or "") + (res.stderr or "")


def ensure_node() -> None:
    """npm ci into bench/node_modules when it is missing (package-lock.json pins the versions)."""
    if shutil.which("node") is None:
        raise ToolUnavailable("node not found: run scripts/install-deps.sh")
    marker = os.path.join(BENCH, "node_modules", "@mozilla", "readability", "package.json")
    marker2 = os.path.join(BENCH, "node_modules", "linkedom", "package.json")
    if os.path.exists(marker) and os.path.exists(marker2):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise ToolUnavailable("npm not found: run scripts/install-deps.sh")
    sys.stderr.write("bench: installing Node peers (npm ci in bench/)\n")
    res = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH)
    if res.returncode != 0:
        raise ToolUnavailable("npm ci failed in bench/")


def ensure_trafilatura() -> None:
    """Makes trafilatura importable here and in child processes, from the PYTHONPATH
    that setup-trafilatura.sh wrote into DIR/env.sh, unless it already is."""
    import importlib.util
    if importlib.util.find_spec("trafilatura") is not None:
        return
    peer = os.environ.get("TRAFILATURA_PEER", "/tmp/trafilatura-peer")
    env_sh = os.path.join(peer, "env.sh")
    if not os.path.exists(env_sh):
        raise ToolUnavailable(f"trafilatura not found: run ../shared/peers/setup-trafilatura.sh {peer} "
                              "(or set TRAFILATURA_PEER to its folder)")
    with open(env_sh, encoding="utf-8") as f:
        for word in f.read().split():
            if word.startswith("PYTHONPATH="):
                paths = word[len("PYTHONPATH="):].split(":")
                sys.path[:0] = paths
                os.environ["PYTHONPATH"] = ":".join(paths + [p for p in [os.environ.get("PYTHONPATH")] if p])
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    if importlib.util.find_spec("trafilatura") is None:
        raise ToolUnavailable(f"trafilatura not importable with {env_sh}: rerun setup-trafilatura.sh")


def boilerpipe_classpath() -> str:
    """Compiles BoilerpipeRunner.java into bench/work/classes when needed; returns the classpath."""
    jars = [os.path.join(JAVA_DIR, j) for j in BOILERPIPE_JARS]
    missing = [j for j in jars if not os.path.exists(j)]
    if missing:
        raise ToolUnavailable(f"missing {', '.join(missing)}: run scripts/install-deps.sh (libboilerpipe-java)")
    if shutil.which("java") is None or shutil.which("javac") is None:
        raise ToolUnavailable("java/javac not found: run scripts/install-deps.sh (openjdk-17-jdk-headless)")
    classes = os.path.join(WORK, "classes")
    src = os.path.join(PEERS, "BoilerpipeRunner.java")
    cls = os.path.join(classes, "BoilerpipeRunner.class")
    if not os.path.exists(cls) or os.path.getmtime(cls) < os.path.getmtime(src):
        os.makedirs(classes, exist_ok=True)
        res = subprocess.run(["javac", "-nowarn", "-d", classes, "-cp", jars[0], src],
                             capture_output=True, text=True)
        if res.returncode != 0:
            raise ToolUnavailable("javac failed:\n" + res.stderr)
    return ":".join([classes] + jars)


@dataclass
class Tool:
    """How to run one tool over a list file."""
    name: str
    argv: Callable[[str], list[str]]          # list path -> command line
    in_process: Optional[Callable] = None     # (path, url) -> record, for Python peers
    reports_loop_time: bool = True            # prints bench_stats on stderr
    threads_flag: bool = False                # saring only: accepts --threads N


def make_tool(name: str, saring: Optional[str] = None) -> Tool:
    """Builds (and prepares: npm ci, javac) the named tool; raises ToolUnavailable."""
    if name == "saring":
        binary = saring or default_saring()
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            raise ToolUnavailable(f"no saring binary at {binary}: build it (cmake --build build --target saring)")
        helptext = saring_help(binary)
        if "--input-list" not in helptext:
            raise ToolUnavailable(f"{binary} has no 'extract --input-list' yet")
        return Tool(name, lambda lst: [binary, "extract", "--format", "jsonl", "--input-list", lst],
                    reports_loop_time=False, threads_flag="--threads" in helptext)
    if name in ("readability-lxml", "trafilatura", "baseline"):
        if name == "trafilatura":
            ensure_trafilatura()
        sys.path.insert(0, PEERS)
        import py_runner  # noqa: E402
        script = os.path.join(PEERS, "py_runner.py")
        return Tool(name, lambda lst: [PYTHON, script, name, "--input-list", lst],
                    in_process=lambda path, url: py_runner.run_one(name, path, url))
    if name == "readability-js":
        ensure_node()
        script = os.path.join(PEERS, "readability_runner.js")
        return Tool(name, lambda lst: ["node", script, "--input-list", lst])
    if name == "boilerpipe":
        cp = boilerpipe_classpath()
        return Tool(name, lambda lst: ["java", "-Xss16m", "-cp", cp, "BoilerpipeRunner", "--input-list", lst])
    raise ValueError(f"unknown tool {name!r}; known: {', '.join(ALL_TOOLS)}")


def write_list(path: str, pages, repeat: int = 1) -> None:
    """Writes a PATH<TAB>URL list of pages (optionally repeated)."""
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(repeat):
            for p in pages:
                url = (p.url or "").replace("\t", " ").replace("\n", " ")
                f.write(f"{p.path}\t{url}\n")


def measure_child(argv: list[str], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) -> dict:
    """Runs argv to completion: its exit code, its stderr when piped (text,
    else ""), wall time from here, CPU seconds and peak RSS of the child (wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=stderr)
    # Read stderr while the child runs (a full pipe would block it), then reap it.
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"code": proc.returncode, "stderr": err, "wall_seconds": wall,
            "cpu_seconds": ru.ru_utime + ru.ru_stime,
            "max_rss_mb": ru.ru_maxrss / 1024.0}  # KiB on Linux


def parse_stats(stderr_text: str) -> Optional[dict]:
    """The last bench_stats line a peer printed on stderr, if any."""
    for line in reversed(stderr_text.splitlines()):
        line = line.strip()
        if line.startswith("{") and "bench_stats" in line:
            try:
                return json.loads(line)["bench_stats"]
            except (ValueError, KeyError):
                return None
    return None


def read_records(path: str) -> list[dict]:
    """JSONL records of a tool's output file; a line that is not JSON becomes an error record."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                out.append({"source": None, "text": None, "error": f"bad JSON line: {exc}"})
    return out


def add_common_arguments(ap, default_sets: str) -> None:
    """The arguments every side-by-side script takes: datasets folder, tools, sets, output, saring binary, limit."""
    import datasets as ds
    ap.add_argument("datasets", nargs="?", default=ds.default_datasets_dir())
    ap.add_argument("--tools", default=",".join(ALL_TOOLS))
    ap.add_argument("--sets", default=default_sets)
    ap.add_argument("--out", default=None, help="output folder (default bench/work/<timestamp>)")
    ap.add_argument("--saring", default=None, help="saring binary (default $SARING_BIN or build/tools/saring/saring)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set (quick checks)")
    ap.add_argument("--skip-unavailable", action="store_true",
                    help="leave out a tool that cannot run here instead of failing")


def chosen_sets_and_outdir(args) -> Optional[tuple[list[str], str]]:
    """The sets named by --sets and the output folder (made here), or None when the datasets folder is missing."""
    import time
    import datasets as ds
    if not os.path.isdir(args.datasets):
        print(f"no datasets at {args.datasets}", file=sys.stderr)
        return None
    sets = [s for s in args.sets.split(",") if s]
    for s in sets:
        if s not in ds.SETS:
            raise SystemExit(f"unknown set {s}")
    outdir = args.out or os.path.join(WORK, time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(outdir, exist_ok=True)
    return sets, outdir
