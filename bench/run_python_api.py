#!/usr/bin/python3
"""Throughput of saring.extract_many() against the command line.

    bench/run_python_api.py [DATASETS_DIR] [--sets scrapinghub,...] [--out DIR]
                            [--threads 1,2] [--rounds 3] [--saring PATH] [--limit N]
                            [--callgrind N]

The pages of the chosen sets are decompressed once into DIR/pages/*.html (so
neither side pays for gzip), then, for each thread count and round, timed
interleaved in one process each:

- cli: ``saring extract --format jsonl --threads N --input-list LIST``,
  output to a file (start-up and model load included);
- python-memory: ``saring.extract_many(pages, threads=N,
  output_format="json", with_metadata=True)`` over (html, url) pairs
  already in memory, each JSON line written to a file (interpreter start,
  import and model load left out: timed inside the process);
- python-files: the same, the pages read from the files inside the loop
  by a generator;
- python-paths: the same over (pathlib.Path, url) pairs, the files read by
  extract_many's C++ threads.

Wall and CPU seconds (all threads) are measured; the command's start-up
(a run over the first page alone, same round) is taken off its times, as
the Python side times its loop only. On a machine shared with other work,
CPU time is the steadier figure. With --callgrind N, both sides also run
under valgrind's callgrind over the first N pages (in memory for Python)
and the instructions per page are compared, which no other load on the
machine changes: the command's over N pages less its run over one page,
Python's loop less the same process without it. The records are checked to be
the CLI's (its lines without `source`). Writes python_api.json to DIR
(default bench/work/<timestamp>/) and prints Markdown. Needs the module
built (build/python, or PYTHONPATH).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import datasets as ds  # noqa: E402
import machine  # noqa: E402
import tools as tl  # noqa: E402

# What one python-* measurement runs, in a fresh interpreter: argv is
# MODE THREADS LIST OUT; prints the wall and CPU (all threads) seconds of
# the loop.
PYTHON_SIDE = r"""
import json, pathlib, sys, time
import saring
mode, threads, list_path, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(list_path, encoding="utf-8") as f:
    entries = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
def from_files():
    for path, url in entries:
        with open(path, "rb") as f:
            yield f.read(), url or None
pages = list(from_files()) if mode in ("memory", "setup") else None
if pages is not None:
    # Read every page's bytes once before the clock starts: on some VMs the
    # first user-space touch of memory the kernel has just filled costs a
    # hypervisor exit per 4 KiB page (0.9 s over these 591 MB, measured), a
    # cost of how the pages were loaded, not of extract_many.
    sum(html.count(b"<") for html, _ in pages)
saring.identify_language("load the model before the clock starts")
if mode == "setup":  # everything but the loop (callgrind's baseline)
    sys.exit(0)
if mode == "paths":
    pages = [(pathlib.Path(path), url or None) for path, url in entries]
start, cpu_start = time.perf_counter(), time.process_time()
with open(out_path, "w", encoding="utf-8") as out:
    for line in saring.extract_many(pages if pages is not None else from_files(), threads=threads,
                                    output_format="json", with_metadata=True, errors="return"):
        out.write(str(line) + "\n")
print(json.dumps({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu_start}))
"""


def decompress_pages(pages: list[ds.Page], directory: str) -> list[tuple[str, str, int]]:
    """(path of the plain .html, url, bytes) of every page, written once."""
    os.makedirs(directory, exist_ok=True)
    out = []
    for i, p in enumerate(pages):
        path = os.path.join(directory, f"{i:05d}.html")
        if not os.path.exists(path):
            data = ds.read_html_bytes(p.path)
            with open(path + ".tmp", "wb") as f:
                f.write(data)
            os.replace(path + ".tmp", path)
        out.append((path, (p.url or "").replace("\t", " ").replace("\n", " "), os.path.getsize(path)))
    return out


def same_records(cli_out: str, py_out: str) -> bool:
    with open(cli_out, encoding="utf-8") as a, open(py_out, encoding="utf-8") as b:
        cli = [json.loads(line) for line in a if line.strip()]
        py = [json.loads(line) for line in b if line.strip()]
    for record in cli:
        record.pop("source", None)
    return cli == py


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("datasets", nargs="?", default=ds.default_datasets_dir())
    ap.add_argument("--sets", default=",".join(ds.SETS))
    ap.add_argument("--out", default=None, help="output folder (default bench/work/<timestamp>)")
    ap.add_argument("--saring", default=None, help="saring binary (default $SARING_BIN or build/tools/saring/saring)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--callgrind", type=int, default=0, metavar="N",
                    help="also count instructions per page over the first N pages (valgrind)")
    args = ap.parse_args()
    args.tools = "saring"
    chosen = tl.chosen_sets_and_outdir(args)
    if chosen is None:
        return 1
    sets, outdir = chosen
    binary = args.saring or tl.default_saring()
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", os.path.join(tl.REPO, "build", "python"))

    pages = [p for s in ds.load(args.datasets, sets, args.limit).values() for p in s]
    plain = decompress_pages(pages, os.path.join(outdir, "pages"))
    list_path = os.path.join(outdir, "pages.list")
    with open(list_path, "w", encoding="utf-8") as f:
        for path, url, _ in plain:
            f.write(f"{path}\t{url}\n")
    html_mb = sum(size for _, _, size in plain) / 1e6

    first_page_list = os.path.join(outdir, "first-page.list")
    with open(first_page_list, "w", encoding="utf-8") as f:
        f.write(f"{plain[0][0]}\t{plain[0][1]}\n")

    def measure(side: str, threads: int) -> dict:
        """Wall and CPU seconds of one side."""
        out = os.path.join(outdir, f"{side}-{threads}.jsonl")
        if side in ("cli", "cli-startup"):
            pages_list = list_path if side == "cli" else first_page_list
            with open(out, "wb") as f:
                start = time.perf_counter()
                proc = subprocess.Popen([binary, "extract", "--format", "jsonl", "--threads", str(threads),
                                         "--input-list", pages_list], stdout=f, env=env)
                _, _, usage = os.wait4(proc.pid, 0)
                return {"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime}
        mode = side.split("-", 1)[1]
        res = subprocess.run([tl.PYTHON, "-c", PYTHON_SIDE, mode, str(threads), list_path, out],
                             capture_output=True, text=True, check=True, env=env)
        return json.loads(res.stdout.strip().splitlines()[-1])

    sides = ("cli", "python-memory", "python-files", "python-paths", "cli-startup")
    compared = sides[1:4]
    thread_counts = [int(t) for t in args.threads.split(",")]
    results = {t: {s: [] for s in sides} for t in thread_counts}
    for r in range(args.rounds):
        for t in thread_counts:
            for side in sides:
                results[t][side].append(measure(side, t))
                got = results[t][side][-1]
                print(f"round {r + 1} threads {t} {side}: {got['wall']:.2f} s wall, {got['cpu']:.2f} s CPU",
                      file=sys.stderr)
    checks = {t: {s: same_records(os.path.join(outdir, f"cli-{t}.jsonl"), os.path.join(outdir, f"{s}-{t}.jsonl"))
                  for s in compared} for t in thread_counts}

    instructions = {}
    if args.callgrind:
        n = min(args.callgrind, len(plain))
        # Every n-th page, so that each set is in the sample.
        sample = [plain[i * len(plain) // n] for i in range(n)]
        sample_list = os.path.join(outdir, "callgrind-pages.list")
        with open(sample_list, "w", encoding="utf-8") as f:
            for path, url, _ in sample:
                f.write(f"{path}\t{url}\n")

        def counted(argv: list[str]) -> int:
            out = os.path.join(outdir, "callgrind.out")
            res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
                                 capture_output=True, text=True, env=env)
            for line in res.stderr.splitlines():
                if "Collected :" in line:
                    return int(line.split(":")[-1].strip())
            raise SystemExit("callgrind gave no count: " + res.stderr[-500:])

        for t in thread_counts:
            cli_argv = [binary, "extract", "--format", "jsonl", "--threads", str(t), "--input-list"]
            py_argv = [tl.PYTHON, "-c", PYTHON_SIDE]
            scratch = os.path.join(outdir, "callgrind.jsonl")
            cli = counted(cli_argv + [sample_list]) - counted(cli_argv + [first_page_list])
            py = (counted(py_argv + ["memory", str(t), sample_list, scratch])
                  - counted(py_argv + ["setup", str(t), sample_list, scratch]))
            instructions[t] = {"pages": n, "cli_per_page": cli / (n - 1), "python_per_page": py / n}
            print(f"callgrind threads {t}: cli {cli / (n - 1):,.0f}, python {py / n:,.0f} instructions per page",
                  file=sys.stderr)

    report = {"machine": machine.describe(binary), "pages": len(plain), "html_mb": html_mb,
              "sets": sets, "rounds": args.rounds, "seconds": results, "same_records": checks,
              "instructions": instructions}
    with open(os.path.join(outdir, "python_api.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)

    print(f"{len(plain)} pages, {html_mb:.1f} MB of HTML ({', '.join(sets)}); {args.rounds} rounds, "
          "interleaved; medians. The command's times leave its start-up out (a run over one page).\n")
    print("| threads | side | wall s (range) | pages/s | rate / cli's | CPU s (range) | pages/CPU-s | "
          "CPU rate / cli's | same records |")
    print("|---|---|---|---|---|---|---|---|---|")
    for t in thread_counts:
        def median(side: str, what: str) -> float:
            return statistics.median(m[what] for m in results[t][side])
        startup = {what: median("cli-startup", what) for what in ("wall", "cpu")}
        cli = {what: median("cli", what) - startup[what] for what in ("wall", "cpu")}
        for side in ("cli",) + compared:
            values = {what: [m[what] - (startup[what] if side == "cli" else 0) for m in results[t][side]]
                      for what in ("wall", "cpu")}
            wall, cpu = (statistics.median(values[w]) for w in ("wall", "cpu"))
            same = "—" if side == "cli" else ("yes" if checks[t][side] else "NO")
            print(f"| {t} | {side} | {wall:.2f} ({min(values['wall']):.2f}-{max(values['wall']):.2f}) | "
                  f"{len(plain) / wall:.0f} | {cli['wall'] / wall:.3f} | "
                  f"{cpu:.2f} ({min(values['cpu']):.2f}-{max(values['cpu']):.2f}) | {len(plain) / cpu:.0f} | "
                  f"{cli['cpu'] / cpu:.3f} | {same} |")
        print(f"| {t} | cli start-up (left out above) | {startup['wall']:.2f} | | | {startup['cpu']:.2f} | | | |")
    if instructions:
        print("\nInstructions per page (callgrind, deterministic):\n")
        print("| threads | pages | cli | python-memory | python / cli |")
        print("|---|---|---|---|---|")
        for t, c in instructions.items():
            print(f"| {t} | {c['pages']} | {c['cli_per_page']:,.0f} | {c['python_per_page']:,.0f} | "
                  f"{c['python_per_page'] / c['cli_per_page']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
