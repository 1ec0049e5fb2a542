#!/usr/bin/python3
"""Throughput of `saring run` on a crawl file made of the dataset pages.

    bench/run_corpus.py [DATASETS_DIR] [--saring PATH] [--warc PATH] [--out DIR]
                        [--threads 1,2] [--repeat 3]

Packs every page under DATASETS_DIR into one .warc.gz (one gzip member per
record, scripts/make-sample-corpus.sh --from-dir; kept in bench/work/, never
in the repo), then runs `saring run` on it with 1, 2, ... threads, each
pinned to as many cores (taskset -c 0-(n-1)), into a fresh output folder.
Per run: wall and CPU seconds of the process, peak RSS (wait4), MB/s of
HTML (the decompressed record bodies, from stats.json) per wall second and
per CPU second, docs/s, the stage shares saring itself reports (per-thread
CPU time in each stage) and the dedup index's bytes per document. The best
(lowest wall time) of --repeat runs is reported; all runs go to corpus.json.
Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import datasets as ds  # noqa: E402
import machine  # noqa: E402
import tools as tl  # noqa: E402

REPO = os.path.dirname(tl.BENCH)


def build_warc(datasets_dir: str, path: str) -> None:
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    subprocess.run([os.path.join(REPO, "scripts", "make-sample-corpus.sh"), "--from-dir",
                    datasets_dir, tmp], check=True)
    os.replace(tmp, path)


def one_run(saring: str, warc: str, threads: int, out_dir: str) -> dict:
    shutil.rmtree(out_dir, ignore_errors=True)
    cores = "0" if threads == 1 else f"0-{threads - 1}"
    argv = ["taskset", "-c", cores, saring, "run", "--threads", str(threads), warc, "-o", out_dir]
    m = tl.measure_child(argv)
    if m["code"] != 0:
        raise SystemExit(f"saring run failed ({m['code']}): {m['stderr'][-2000:]}")
    with open(os.path.join(out_dir, "stats.json"), encoding="utf-8") as f:
        stats = json.load(f)
    wall, cpu = m["wall_seconds"], m["cpu_seconds"]
    html_mb = stats["bytes"]["html"] / 1e6
    docs = stats["documents"]["read"]
    dedup = stats.get("dedup", {})
    return {
        "threads": threads,
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "max_rss_mb": m["max_rss_mb"],
        "documents": docs,
        "kept": stats["documents"]["kept"],
        "html_mb": html_mb,
        "html_mb_per_wall_second": html_mb / wall,
        "html_mb_per_cpu_second": html_mb / cpu if cpu > 0 else None,
        "docs_per_second": docs / wall,
        "stage_share": stats.get("stage_share", {}),
        "dedup_bytes_per_document": dedup.get("bytes_per_document"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", nargs="?", default=ds.default_datasets_dir())
    ap.add_argument("--saring", default=None)
    ap.add_argument("--warc", default=os.path.join(tl.BENCH, "work", "datasets.warc.gz"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--threads", default=None, help="comma list, default 1..nproc")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    saring = args.saring or tl.default_saring()
    if not os.access(saring, os.X_OK):
        print("saring binary not found (build first or pass --saring)", file=sys.stderr)
        return 2
    ncpu = os.cpu_count() or 1
    threads = [int(t) for t in args.threads.split(",")] if args.threads else list(range(1, ncpu + 1))
    out = args.out or os.path.join(tl.BENCH, "work", time.strftime("corpus-%Y%m%d-%H%M%S"))
    os.makedirs(out, exist_ok=True)
    build_warc(args.datasets, args.warc)

    runs = []
    for n in threads:
        for r in range(args.repeat):
            res = one_run(saring, args.warc, n, os.path.join(out, f"run-{n}t"))
            res["repeat"] = r
            runs.append(res)
            print(f"threads {n} repeat {r}: {res['wall_seconds']:.2f} s wall, "
                  f"{res['cpu_seconds']:.2f} s CPU", file=sys.stderr)
    best = {n: min((x for x in runs if x["threads"] == n), key=lambda x: x["wall_seconds"])
            for n in threads}
    report = {"machine": machine.describe(saring), "warc": args.warc,
              "warc_bytes": os.path.getsize(args.warc), "runs": runs,
              "best": {str(k): v for k, v in best.items()}}
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, sort_keys=True)

    print(f"`saring run` on {args.warc} ({report['warc_bytes'] / 1e6:.1f} MB compressed, "
          f"{best[threads[0]]['html_mb']:.1f} MB of HTML, {best[threads[0]]['documents']} documents); "
          f"best of {args.repeat} runs\n")
    print("| threads (cores) | wall s | CPU s | MB/s HTML | MB/s HTML per CPU-s | docs/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for n in threads:
        b = best[n]
        print(f"| {n} | {b['wall_seconds']:.2f} | {b['cpu_seconds']:.2f} | "
              f"{b['html_mb_per_wall_second']:.1f} | {b['html_mb_per_cpu_second']:.1f} | "
              f"{b['docs_per_second']:.0f} | {b['max_rss_mb']:.0f} |")
    b = best[threads[0]]
    shares = sorted(b["stage_share"].items(), key=lambda kv: -kv[1])
    print("\nStage shares (" + str(threads[0]) + " thread): " +
          ", ".join(f"{k} {v * 100:.1f}%" for k, v in shares if v > 0))
    if b.get("dedup_bytes_per_document") is not None:
        print(f"Dedup index: {b['dedup_bytes_per_document']:.0f} bytes per document in memory")
    print(f"\nResults: {out}/corpus.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
