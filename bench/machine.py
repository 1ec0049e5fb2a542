"""Description of the machine and tool versions a bench run used."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess

import tools as tl


def _run(argv: list[str]) -> str:
    try:
        res = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return ((res.stdout or "") + (res.stderr or "")).strip()


def _dpkg_version(pkg: str) -> str:
    return _run(["dpkg-query", "-W", "-f=${Version}", pkg])


def _npm_version(name: str) -> str:
    try:
        with open(os.path.join(tl.BENCH, "node_modules", name, "package.json"), encoding="utf-8") as f:
            return json.load(f).get("version", "")
    except OSError:
        return ""


def describe(saring: str | None = None) -> dict:
    """CPU model, cores, memory, OS, and the versions of every tool."""
    cpu = ""
    for line in _run(["lscpu"]).splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    mem_kb = 0
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kb = int(line.split()[1])
    except OSError:
        pass
    os_name = ""
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    binary = saring or tl.default_saring()
    commit = _run(["git", "-C", tl.REPO, "rev-parse", "--short", "HEAD"])
    dirty = _run(["git", "-C", tl.REPO, "status", "--porcelain", "--untracked-files=no"])
    if os.environ.get("SARING_COMMIT"):  # the binary was built from another checkout
        commit, dirty = os.environ["SARING_COMMIT"], ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "os": os_name,
        "kernel": platform.release(),
        "hostname": platform.node(),
        "repo_commit": commit + ("+uncommitted" if dirty else ""),
        "versions": {
            "saring": _run([binary, "--version"]).splitlines()[0] if os.path.exists(binary) else "",
            "python3": platform.python_version(),
            "python3-readability": _dpkg_version("python3-readability"),
            "python3-lxml": _dpkg_version("python3-lxml"),
            "node": _run(["node", "--version"]),
            "@mozilla/readability": _npm_version("@mozilla/readability"),
            "linkedom": _npm_version("linkedom"),
            "java": (_run(["java", "-version"]).splitlines() or [""])[0],
            "libboilerpipe-java": _dpkg_version("libboilerpipe-java"),
            "trafilatura": _trafilatura_version(),
        },
    }


def _trafilatura_version() -> str:
    """trafilatura's version as the bench imports it (tl.ensure_trafilatura), or ''."""
    try:
        tl.ensure_trafilatura()
        import trafilatura
        return trafilatura.__version__
    except Exception:  # not set up here: the report says n/a
        return ""


def short_name(desc: dict) -> str:
    """A short machine label for result folders, e.g. 'xeon-2c-24g'."""
    cpu = desc.get("cpu", "").lower()
    family = "cpu"
    for word in ("xeon", "epyc", "ryzen", "core", "neoverse", "graviton", "apple"):
        if word in cpu:
            family = word
            break
    mem = int(round(desc.get("memory_gib") or 0))
    return re.sub(r"[^a-z0-9-]", "", f"{family}-{desc.get('cores')}c-{mem}g")


def markdown(desc: dict) -> str:
    v = desc["versions"]
    lines = [
        f"- CPU: {desc['cpu']}, {desc['cores']} cores; memory {desc['memory_gib']} GiB; "
        f"{desc['os']}, Linux {desc['kernel']}",
        f"- saring built from commit {desc['repo_commit']} (Release); `saring --version`: {v['saring'] or 'n/a'}",
        f"- peers: readability-lxml {v['python3-readability']} (Python {v['python3']}, lxml {v['python3-lxml']}); "
        f"@mozilla/readability {v['@mozilla/readability']} on linkedom {v['linkedom']} (Node {v['node']}); "
        f"boilerpipe {v['libboilerpipe-java']} ({v['java']}); "
        f"trafilatura {v.get('trafilatura') or 'n/a'} (outside the repository: ../shared/peers/setup-trafilatura.sh)",
    ]
    return "\n".join(lines)
