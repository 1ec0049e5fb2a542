#!/usr/bin/python3
"""Speed of saring and its peers on one pinned core, in the same run.

    bench/run_speed.py [DATASETS_DIR] [--tools ...] [--sets scrapinghub] [--out DIR]
                       [--min-seconds 5] [--core 0] [--no-scaling] [--saring PATH]
                       [--rounds N]

Each tool runs as one process over all pages of the chosen sets, pinned with
``taskset -c CORE``; stdout goes to a file. Measured per tool:
  - wall time of the whole process (start-up included), from this script;
  - loop time, when the tool reports it (peers print bench_stats: the time in
    their page loop, interpreter/JVM start-up and imports left out);
  - peak resident memory (ru_maxrss of the child, from wait4);
  - pages/s and MB/s of decompressed HTML.
A tool whose first pass takes less than --min-seconds is run again over the
list repeated enough times, so start-up and timer noise stay small.
Ratios saring/peer divide saring's wall-time rate by the peer's loop-time rate
(conservative for saring: its start-up counts, the peers' does not).
If ``saring extract --help`` lists --threads, saring is also run on 1..nproc
cores (taskset -c 0-(n-1), --threads n) for a scaling table.
With --rounds N the tools are timed N times, interleaved (saring, peer,
saring, peer, ...), each round with the first round's repeat count, so that
slow drifts of a shared machine hit every tool alike; the report then gives
each round's ratios, their median and the ratio of the median rates.
Writes speed.json to DIR (default bench/work/<timestamp>/) and prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import datasets as ds  # noqa: E402
import machine  # noqa: E402
import tools as tl  # noqa: E402


def timed_run(argv: list[str], out_path: str, err_path: str) -> dict:
    """Runs argv to completion; wall time, CPU time and peak RSS of the child."""
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        m = tl.measure_child(argv, stdout=out, stderr=err)
    with open(err_path, encoding="utf-8", errors="replace") as f:
        stats = tl.parse_stats(f.read())
    return {
        "wall_seconds": m["wall_seconds"],
        "loop_seconds": (stats or {}).get("seconds"),
        "loop_cpu_seconds": (stats or {}).get("cpu_seconds"),
        "cpu_seconds": m["cpu_seconds"],
        "max_rss_mb": m["max_rss_mb"],
        "exit_code": m["code"],
    }


def count_output(out_path: str) -> tuple[int, int]:
    """(records, records with an error) in a JSONL output file."""
    n = errors = 0
    with open(out_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            n += 1
            if '"error"' in line:
                try:
                    if json.loads(line).get("error"):
                        errors += 1
                except ValueError:
                    errors += 1
    return n, errors


def measure(tool: tl.Tool, pages: list, total_bytes: int, workdir: str, core: str,
            min_seconds: float, extra: list[str] | None = None, label: str | None = None,
            repeat: int | None = None) -> dict:
    label = label or tool.name
    reps = repeat or 1
    while True:
        list_path = os.path.join(workdir, f"list-{label}.tsv")
        tl.write_list(list_path, pages, reps)
        argv = ["taskset", "-c", core] + tool.argv(list_path) + (extra or [])
        out_path = os.path.join(workdir, f"out-{label}.jsonl")
        err_path = os.path.join(workdir, f"err-{label}.txt")
        r = timed_run(argv, out_path, err_path)
        basis = r["loop_seconds"] if r["loop_seconds"] else r["wall_seconds"]
        if repeat is not None or basis >= min_seconds or reps > 1:
            break
        reps = min(500, max(2, math.ceil(min_seconds / max(basis, 1e-3) * 1.1)))
    n_pages = len(pages) * reps
    n_bytes = total_bytes * reps
    records, errors = count_output(out_path)
    r.update({
        "tool": tool.name, "label": label, "repeat": reps, "pages": n_pages, "bytes": n_bytes,
        "records": records, "errors": errors, "core": core,
        "pages_per_s_wall": n_pages / r["wall_seconds"],
        # CPU-time rate: the peers' page loop when they report it, else the whole process
        "pages_per_cpu_s": n_pages / max(r.get("loop_cpu_seconds") or r["cpu_seconds"], 1e-9),
        "mb_per_s_wall": n_bytes / 1e6 / r["wall_seconds"],
    })
    if r["loop_seconds"]:
        r["pages_per_s_loop"] = n_pages / r["loop_seconds"]
        r["mb_per_s_loop"] = n_bytes / 1e6 / r["loop_seconds"]
    # the rate used for comparisons: loop time where the tool reports it
    r["pages_per_s"] = r.get("pages_per_s_loop", r["pages_per_s_wall"])
    r["mb_per_s"] = r.get("mb_per_s_loop", r["mb_per_s_wall"])
    if records != n_pages:
        sys.stderr.write(f"warning: {label}: {records} records for {n_pages} pages (exit {r['exit_code']})\n")
    return r


def startup(tool: tl.Tool, workdir: str) -> float:
    """Best of three whole-process times on an empty input list."""
    list_path = os.path.join(workdir, "list-empty.tsv")
    open(list_path, "w").close()
    best = float("inf")
    for _ in range(3):
        r = timed_run(tool.argv(list_path), os.devnull, os.path.join(workdir, "err-empty.txt"))
        best = min(best, r["wall_seconds"])
    return best


def markdown_speed(result: dict) -> str:
    lines = []
    sets = ", ".join(f"{s} ({result['pages'][s]} pages)" for s in result["sets"])
    lines.append(f"Pages: {sets}; {result['bytes'] / 1e6:.1f} MB of HTML (decompressed) per pass; "
                 f"one process per tool pinned to core {result['core']}.")
    lines.append("")
    lines.append("| tool | pages/s | MB/s | wall s (passes) | pages/s incl. start-up | pages per CPU-s | peak RSS MB | errors | saring ÷ tool | saring ÷ tool (CPU) |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    saring = result["tools"].get("saring")
    for name in result.get("tool_order") or list(result["tools"]):
        r = result["tools"][name]
        ratio = ratio_cpu = "–"
        if saring and name != "saring":
            ratio = f"{saring['pages_per_s_wall'] / r['pages_per_s']:.1f}×"
            if r.get("pages_per_cpu_s") and saring.get("pages_per_cpu_s"):
                ratio_cpu = f"{saring['pages_per_cpu_s'] / r['pages_per_cpu_s']:.1f}×"
        lines.append(f"| {name} | {r['pages_per_s']:.1f} | {r['mb_per_s']:.2f} | {r['wall_seconds']:.2f} ({r['repeat']}) | "
                     f"{r['pages_per_s_wall']:.1f} | {r.get('pages_per_cpu_s', 0):.1f} | {r['max_rss_mb']:.0f} | {r['errors']} | {ratio} | {ratio_cpu} |")
    lines.append("")
    lines.append("pages/s and MB/s: time in the tool's page loop where it reports it (peers), else the whole "
                 "process (saring). saring ÷ tool uses saring's whole-process rate. pages per CPU-s: pages over "
                 "user+system CPU time (the peers' page loop, saring's whole process), less sensitive than wall "
                 "time to other load on the machine; the last column compares those.")
    if saring and saring.get("startup_seconds") is not None:
        lines.append(f"saring start-up (empty input list): {saring['startup_seconds'] * 1000:.0f} ms.")
    before, after = result.get("load_average_before"), result.get("load_average_after")
    if before and after:
        busy = max(before[0], after[0]) > 0.5 * (result.get("machine", {}).get("cores") or 1)
        lines.append("")
        lines.append(f"Load average (1/5/15 min) before the speed run: {before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f}, "
                     f"after: {after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f}."
                     + (" **Other work was running on this machine: wall-time rates are low and the "
                        "multi-core figures are not meaningful; compare the CPU-time columns.**" if busy else ""))
    scaling = result.get("scaling")
    if scaling:
        lines.append("")
        lines.append("| saring threads (cores) | pages/s | MB/s | speed-up | peak RSS MB |")
        lines.append("|---|---|---|---|---|")
        base = scaling[0]["pages_per_s_wall"]
        for r in scaling:
            lines.append(f"| {r['threads']} | {r['pages_per_s_wall']:.1f} | {r['mb_per_s_wall']:.2f} | "
                         f"{r['pages_per_s_wall'] / base:.2f}× | {r['max_rss_mb']:.0f} |")
    elif result.get("scaling_note"):
        lines.append("")
        lines.append(f"Multi-core scaling: {result['scaling_note']}")
    return "\n".join(lines)


def median(values: list[float]) -> float:
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def summarize_rounds(rounds: list[dict]) -> dict:
    """Per peer: saring's ratio in each round, their median, min and max, and
    the ratio of the median rates (saring's whole-process wall rate over the
    peer's loop rate, as in the single-round table)."""
    out = {}
    for name in rounds[0]:
        if name == "saring" or "saring" not in rounds[0]:
            continue
        ratios = [r["saring"]["pages_per_s_wall"] / r[name]["pages_per_s"] for r in rounds]
        out[name] = {
            "ratios": ratios,
            "median_ratio": median(ratios),
            "min_ratio": min(ratios),
            "max_ratio": max(ratios),
            "ratio_of_medians": median([r["saring"]["pages_per_s_wall"] for r in rounds]) /
                                median([r[name]["pages_per_s"] for r in rounds]),
        }
    return out


def markdown_rounds(result: dict) -> str:
    rounds, summary = result["rounds"], result["round_summary"]
    names = [n for n in (result.get("tool_order") or list(rounds[0])) if n in rounds[0]]
    peers = [n for n in names if n != "saring"]
    lines = ["", f"Rounds ({len(rounds)}, interleaved; pages/s as above):", ""]
    lines.append("| round | " + " | ".join(names) + "".join(f" | saring ÷ {p}" for p in peers) + " |")
    lines.append("|---" * (1 + len(names) + len(peers)) + "|")
    for k, r in enumerate(rounds, 1):
        cells = [f"{r[n]['pages_per_s_wall' if n == 'saring' else 'pages_per_s']:.1f}" for n in names]
        cells += [f"{r['saring']['pages_per_s_wall'] / r[p]['pages_per_s']:.1f}×" for p in peers]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    lines.append("")
    for p in peers:
        s = summary[p]
        lines.append(f"saring ÷ {p}: median of the rounds {s['median_ratio']:.1f}× (range {s['min_ratio']:.1f}× "
                     f"to {s['max_ratio']:.1f}×); ratio of the median rates {s['ratio_of_medians']:.1f}×.")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    tl.add_common_arguments(ap, "scrapinghub")
    ap.add_argument("--min-seconds", type=float, default=5.0)
    ap.add_argument("--core", default="0")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--rounds", type=int, default=1,
                    help="time every tool this many times, interleaved (default 1)")
    args = ap.parse_args()

    chosen = tl.chosen_sets_and_outdir(args)
    if chosen is None:
        return 2
    sets, outdir = chosen
    workdir = os.path.join(outdir, "speed")
    os.makedirs(workdir, exist_ok=True)
    loaded = ds.load(args.datasets, sets, args.limit)
    pages = [p for s in sets for p in loaded[s]]
    total_bytes = sum(len(ds.read_html_bytes(p.path)) for p in pages)  # also warms the page cache

    result = {"sets": sets, "pages": {s: len(loaded[s]) for s in sets}, "bytes": total_bytes,
              "load_average_before": os.getloadavg(),
              "core": args.core, "min_seconds": args.min_seconds, "tools": {}, "skipped": {},
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "machine": machine.describe(args.saring)}
    saring_tool = None
    tools = {}
    for name in [t for t in args.tools.split(",") if t]:
        try:
            tool = tl.make_tool(name, args.saring)
        except tl.ToolUnavailable as exc:
            if not args.skip_unavailable:
                print(f"{name}: {exc}", file=sys.stderr)
                return 2
            result["skipped"][name] = str(exc)
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        print(f"timing {name} ...", file=sys.stderr, flush=True)
        r = measure(tool, pages, total_bytes, workdir, args.core, args.min_seconds)
        print(f"  {name}: {r['pages_per_s']:.1f} pages/s, {r['max_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
        result["tools"][name] = r
        tools[name] = tool
        result.setdefault("tool_order", []).append(name)
        if name == "saring":
            saring_tool = tool
            r["startup_seconds"] = startup(tool, workdir)

    if args.rounds > 1:
        rounds = [dict(result["tools"])]
        for k in range(2, args.rounds + 1):
            this = {}
            for name, tool in tools.items():
                r = measure(tool, pages, total_bytes, workdir, args.core, args.min_seconds,
                            repeat=result["tools"][name]["repeat"])
                print(f"  round {k}: {name}: {r['pages_per_s']:.1f} pages/s", file=sys.stderr, flush=True)
                this[name] = r
            rounds.append(this)
        result["rounds"] = rounds
        result["round_summary"] = summarize_rounds(rounds)

    if saring_tool and not args.no_scaling:
        if saring_tool.threads_flag:
            n_cpu = os.cpu_count() or 1
            reps = result["tools"]["saring"]["repeat"]
            scaling = []
            for n in range(1, n_cpu + 1):
                r = measure(saring_tool, pages, total_bytes, workdir, f"0-{n - 1}", args.min_seconds,
                            extra=["--threads", str(n)], label=f"saring-t{n}", repeat=reps)
                r["threads"] = n
                scaling.append(r)
                print(f"  saring --threads {n}: {r['pages_per_s_wall']:.1f} pages/s", file=sys.stderr, flush=True)
            result["scaling"] = scaling
        else:
            result["scaling_note"] = "skipped: `saring extract` has no --threads option yet."

    result["load_average_after"] = os.getloadavg()
    with open(os.path.join(outdir, "speed.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    print(markdown_speed(result))
    if result.get("rounds"):
        print(markdown_rounds(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
