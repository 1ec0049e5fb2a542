#!/usr/bin/env python3
"""Pathological inputs: time and memory of `saring extract` and `saring clean`.

Generates pages built to make an HTML parser slow or fat (repeated
<html>/<body>/<head> with distinct attributes, misnested formatting elements
for the adoption agency, 100,000-deep nesting of each element kind, 100,000
attributes on one element, huge tables, millions of <br>, 700,000
<div><p>) and runs `saring extract --format jsonl` on each, and text dumps
of millions of short lines for `saring clean --max-bytes 1000000000`, under
an address-space cap (prlimit --as) and a wall-time bound. Prints, per
input: its size, wall time, CPU time, peak RSS (from /usr/bin/time -v), the
ratio of peak RSS to the input's bytes (all inputs are ASCII, so bytes are
decoded UTF-8 bytes), whether the work budget stopped it (an error line
naming the budget) or it failed otherwise (cap, time, crash), and whether
it kept the product's memory bound: peak RSS at most 16 times its bytes
plus BASE_MIB, or stopped by the work budget.

    bench/pathological.py [--saring BIN] [--only NAME,...] [--cap-mb 4096]
                          [--timeout 120] [--out DIR] [--scale 1.0]

--out writes the pages' table as results.md and results.json into DIR
(kept as bench/results/<date>-<machine>-pathological/).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import machine
import tools as tl


def repeated(n: int, fmt: str) -> str:
    return "".join(fmt.format(i=i) for i in range(n))


def nested(n: int, open_tag: str, close_tag: str = "", text: str = "x") -> str:
    return open_tag * n + text + close_tag * n


# The fixed base of the memory bound, in MiB. The process itself peaks at
# about 15 MiB on a tiny page (the language model is most of it), and a
# page's work budget allows work_base (100,000) units within that base
# before its size counts; a unit costs about 150 bytes at the peak (a DOM
# node, then its parser stack entry or extraction's records: 100,000-unit
# pages measured 13-17 MiB above the process), so 15 MiB more.
BASE_MIB = 30
BOUND_PER_BYTE = 16


def numbered_lines(n: int, fmt: str) -> str:
    return "".join(fmt.format(i=i) for i in range(n))


# name -> (description, generator taking a scale factor[, command])
PAGES: dict[str, tuple] = {
    "html-attrs": ("100,000 <html aN=x> (distinct attributes)",
                   lambda s: "<!doctype html>" + repeated(int(100000 * s), "<html a{i}=x>") + "<p>text</p>"),
    "body-attrs": ("100,000 <body bN=y> (distinct attributes)",
                   lambda s: "<!doctype html><p>text</p>" + repeated(int(100000 * s), "<body b{i}=y>")),
    "head-repeat": ("100,000 <head hN=z> (ignored after the first)",
                    lambda s: "<!doctype html>" + repeated(int(100000 * s), "<head h{i}=z>") + "<p>text</p>"),
    "adoption": ("100,000 misnested <a><b><i>x</a>y</b>z</i><div>",
                 lambda s: "<!doctype html><body>" + repeated(int(100000 * s),
                                                                "<a><b><i>x<div>w</a>y</b>z</i></div>")),
    "adoption-deep": ("50,000 open <b> then <div>...</b> x 1,000",
                      lambda s: "<!doctype html><body>" + "<b>" * int(50000 * s) +
                      repeated(int(1000 * s), "<div>x</b>y</div>")),
    "deep-div": ("100,000-deep <div>", lambda s: nested(int(100000 * s), "<div>", "</div>")),
    "deep-table": ("100,000-deep <table><tr><td>",
                   lambda s: nested(int(100000 * s), "<table><tr><td>", "</td></tr></table>")),
    "deep-list": ("100,000-deep <ul><li>", lambda s: nested(int(100000 * s), "<ul><li>", "</li></ul>")),
    "deep-a": ("100,000-deep <a>", lambda s: nested(int(100000 * s), "<a href=#>", "</a>")),
    "deep-b": ("100,000-deep <b>", lambda s: nested(int(100000 * s), "<b>", "</b>")),
    "deep-select": ("100,000-deep <select><option>",
                    lambda s: nested(int(100000 * s), "<select><option>", "</option></select>")),
    "deep-svg": ("100,000-deep <svg><g>", lambda s: nested(int(100000 * s), "<svg><g>", "</g></svg>")),
    "deep-math": ("100,000-deep <math><mi>", lambda s: nested(int(100000 * s), "<math><mi>", "</mi></math>")),
    "deep-template": ("100,000-deep <template>",
                      lambda s: nested(int(100000 * s), "<template>", "</template>")),
    "many-attrs": ("100,000 attributes on one <div>",
                   lambda s: "<div " + " ".join(f"a{i}=v{i}" for i in range(int(100000 * s))) + ">x</div>"),
    "huge-table": ("table of 1,000,000 cells (1,000 x 1,000)",
                   lambda s: "<table>" + repeated(int(1000 * s), "<tr>" + "<td>c</td>" * 1000 + "</tr>") +
                   "</table>"),
    "br-flood": ("5,000,000 <br>", lambda s: "<p>" + "<br>" * int(5000000 * s) + "</p>"),
    "div-p": ("700,000 <div><p>text</p></div> blocks",
              lambda s: "<!doctype html><title>t</title><body>" +
              repeated(int(700000 * s), "<div><p>Paragraph {i} of the page.</p></div>\n")),
    "card-grid": ("500,000 cards: a linked name, then a text (the grid rule reads the body)",
                  lambda s: "<!doctype html><title>t</title><body>" +
                  repeated(int(500000 * s),
                           "<div><a href=\"/i{i}\">Item {i}</a><p>Paragraph {i} of the page.</p></div>\n")),
    "aria-panels": ("200,000 buttons naming panels (aria-controls), then 200,000 hidden panels",
                    lambda s: "<!doctype html><title>t</title><body><p>text</p>" +
                    repeated(int(200000 * s), "<button aria-controls=\"p{i}\">open</button>") +
                    repeated(int(200000 * s), "<div id=\"p{i}\" hidden>panel {i}</div>")),
    # Text dumps for saring clean: one document, a line record each.
    "clean-lines-1m": ("1,000,000 lines `line N of it` (clean)",
                       lambda s: numbered_lines(int(1000000 * s), "line {i} of it\n"), "clean"),
    "clean-lines": ("10,000,000 lines `line N of it` (clean)",
                    lambda s: numbered_lines(int(10000000 * s), "line {i} of it\n"), "clean"),
    "clean-removed": ("10,000,000 lines `Share this`, all removed (clean)",
                      lambda s: "Share this\n" * int(10000000 * s), "clean"),
    "clean-blank": ("100,000,000 blank lines (clean)", lambda s: "\n" * int(100000000 * s), "clean"),
}


def peak_rss_kb(time_output: str) -> int:
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_output)
    return int(m.group(1)) if m else 0


def cpu_seconds(time_output: str) -> float:
    total = 0.0
    for what in ("User", "System"):
        m = re.search(what + r" time \(seconds\): ([\d.]+)", time_output)
        total += float(m.group(1)) if m else 0.0
    return total


def run_one(saring: str, command: str, path: str, size: int, cap_mb: int, timeout: float) -> dict:
    if command == "clean":
        args = ["clean", "--max-bytes", "1000000000", path]
    else:
        args = ["extract", "--format", "jsonl", path]
    argv = ["/usr/bin/time", "-v", "prlimit", f"--as={cap_mb * 1024 * 1024}", saring] + args
    env = dict(os.environ)
    start = time.monotonic()
    try:
        res = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
        seconds = time.monotonic() - start
        timed_out = False
    except subprocess.TimeoutExpired as e:
        seconds = time.monotonic() - start
        res = None
        timed_out = True
        err = (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
    rss_kb = peak_rss_kb(res.stderr if res else err)
    cpu = cpu_seconds(res.stderr if res else err)
    error = ""
    if command == "extract":
        line = res.stdout.strip().splitlines()[0] if res and res.stdout.strip() else ""
        record = json.loads(line) if line.startswith("{") else {}
        error = record.get("error", "")
    elif res and res.returncode != 0:
        error = res.stderr.strip().splitlines()[0] if res.stderr.strip() else ""
    if timed_out:
        outcome = "timeout"
    elif error and "budget" in error:
        outcome = "budget"
    elif error:
        outcome = "error"
    elif res.returncode != 0:
        outcome = f"failed (exit {res.returncode})"
    else:
        outcome = "parsed" if command == "extract" else "cleaned"
    bound_mib = BOUND_PER_BYTE * size / 2**20 + BASE_MIB
    peak_mib = rss_kb / 1024
    if outcome in ("parsed", "cleaned"):
        verdict = "pass" if peak_mib <= bound_mib else "FAIL"
    elif outcome == "budget":
        verdict = "pass (budget)"
    else:
        verdict = "FAIL"
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(peak_mib, 1), "bound_mb": round(bound_mib, 1),
            "rss_per_byte": round(rss_kb * 1024 / size, 1) if size else 0.0,
            "outcome": outcome, "verdict": verdict, "error": error}


def write_markdown(path: str, meta: dict, rows: list[dict]) -> None:
    with open(path, "w") as f:
        f.write(f"# Pathological inputs: `saring extract` and `saring clean`, {meta['cap_mb']} MB "
                f"address-space cap, {meta['timeout']:g} s bound\n\n")
        f.write(f"Bound: peak RSS at most {BOUND_PER_BYTE} x the input's bytes + {BASE_MIB} MiB, "
                "or the work budget stops the page. MB columns are MiB.\n\n")
        f.write("| page | what | MB | seconds | CPU s | peak RSS MB | bound MB | RSS / byte | outcome "
                "| bound kept |\n")
        f.write("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n")
        for r in rows:
            f.write(f"| {r['page']} | `{r['description']}` | {r['bytes'] / 2**20:.1f} | {r['seconds']:.2f} | "
                    f"{r['cpu_seconds']:.2f} | {r['peak_rss_mb']:.1f} | {r['bound_mb']:.1f} | "
                    f"{r['rss_per_byte']:.1f} | {r['outcome']} | {r['verdict']} |\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saring", default=tl.default_saring())
    ap.add_argument("--only", default="", help="comma-separated page names")
    ap.add_argument("--cap-mb", type=int, default=4096, help="address-space cap (prlimit --as)")
    ap.add_argument("--timeout", type=float, default=120.0, help="wall-time bound per page")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every page's repeat count")
    ap.add_argument("--out", default="", help="directory for results.md and results.json")
    args = ap.parse_args()

    names = [n for n in args.only.split(",") if n] or list(PAGES)
    rows = []
    header = (f"{'page':<15} {'MB':>7} {'seconds':>8} {'CPU s':>7} {'peak MB':>8} {'bound MB':>9} "
              f"{'RSS/byte':>9}  outcome  bound kept")
    print(header)
    with tempfile.TemporaryDirectory(prefix="saring-pathological-") as tmp:
        for name in names:
            description, make, *rest = PAGES[name]
            command = rest[0] if rest else "extract"
            page = make(args.scale)
            path = os.path.join(tmp, name + (".txt" if command == "clean" else ".html"))
            with open(path, "w", encoding="ascii") as f:
                f.write(page)
            size = len(page)
            del page
            r = run_one(args.saring, command, path, size, args.cap_mb, args.timeout)
            os.unlink(path)
            r.update({"page": name, "description": description, "bytes": size})
            rows.append(r)
            print(f"{name:<15} {size / 2**20:>7.1f} {r['seconds']:>8.2f} {r['cpu_seconds']:>7.2f} "
                  f"{r['peak_rss_mb']:>8.1f} {r['bound_mb']:>9.1f} {r['rss_per_byte']:>9.1f}  "
                  f"{r['outcome']}  {r['verdict']}", flush=True)

    if args.out:
        os.makedirs(args.out, exist_ok=True)
        meta = {"machine": machine.describe(args.saring), "cap_mb": args.cap_mb,
                "timeout": args.timeout, "scale": args.scale, "base_mib": BASE_MIB,
                "bound_per_byte": BOUND_PER_BYTE}
        with open(os.path.join(args.out, "results.json"), "w") as f:
            json.dump({"meta": meta, "pages": rows}, f, indent=1)
        write_markdown(os.path.join(args.out, "results.md"), meta, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
