#!/usr/bin/python3
"""Quality gate: saring's F1 on each gold set must not drop below the floor
pinned in bench/floors.json.

    bench/gate.py [DATASETS_DIR] [--saring PATH] [--floors bench/floors.json]

Runs saring alone, as one process over the pages of every set that has a
floor, scores each set with its own metric (bench/metrics.py), prints one line
per set and then "N passed, N failed"; exits 1 when any set is below its floor
or saring cannot run. Outputs are kept in bench/work/gate/ for inspection.
When the datasets folder is missing it says the gate was skipped and exits 0
(bench/gate.sh does that check before Python starts).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import datasets as ds  # noqa: E402
import run_accuracy  # noqa: E402
import tools as tl  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", nargs="?", default=ds.default_datasets_dir())
    ap.add_argument("--saring", default=None)
    ap.add_argument("--floors", default=os.path.join(tl.BENCH, "floors.json"))
    args = ap.parse_args()

    if not os.path.isdir(args.datasets):
        print(f"quality gate: SKIPPED (no datasets at {args.datasets})")
        return 0
    with open(args.floors, encoding="utf-8") as f:
        floors = json.load(f)["f1_floors"]
    sets = [s for s in ds.SETS if s in floors]
    try:
        tool = tl.make_tool("saring", args.saring)
    except tl.ToolUnavailable as exc:
        print(f"quality gate: FAILED, saring cannot run: {exc}")
        print(f"0 passed, {len(sets)} failed")
        return 1

    loaded = ds.load(args.datasets, sets)
    pages = [p for s in sets for p in loaded[s]]
    outdir = os.path.join(tl.WORK, "gate")
    os.makedirs(outdir, exist_ok=True)
    start = time.perf_counter()
    records, info = run_accuracy.run_tool(tool, pages, outdir)
    seconds = time.perf_counter() - start

    passed = failed = 0
    offset = 0
    report = {}
    for s in sets:
        n = len(loaded[s])
        summary, _ = run_accuracy.score_set(s, loaded[s], records[offset:offset + n])
        offset += n
        f1, floor = summary["f1"], float(floors[s])
        ok = round(f1, 4) >= floor
        passed += ok
        failed += not ok
        report[s] = {"f1": f1, "floor": floor, "ok": ok, "errors": summary["errors"]}
        print(f"quality gate: {s:<17} F1 {f1:.4f}  floor {floor:.4f}  "
              f"{'ok' if ok else 'BELOW FLOOR'}  ({n} pages, {summary['errors']} errors)")
    if info.get("exit_code"):
        print(f"quality gate: note: saring exited with code {info['exit_code']} "
              f"(some inputs failed; they count as empty output)")
    print(f"quality gate: saring took {seconds:.1f} s for {len(pages)} pages; outputs in {outdir}")
    with open(os.path.join(outdir, "gate.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
