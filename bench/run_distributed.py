#!/usr/bin/python3
"""Scaling of a corpus run on Dask: one worker against two (one thread each).

    bench/run_distributed.py [DATASETS_DIR] [--saring PATH] [--workers 1,2] [--shards 8]
                             [--parts 1] [--repeat 3] [--out DIR] [-- RUN_OPTION...]

Packs every page under DATASETS_DIR into one .warc.gz (as bench/run_corpus.py
does; kept in bench/work/, never in the repo), which saring cuts between the
shards at gzip members. With --parts P > 1 it is first cut into P files of
whole members (the shards of saring before 2026-12-02 were whole files). Then, for each worker count W, starts a Dask LocalCluster of W
one-thread worker processes and runs python/saring/dask.py over it with
--shards S (each shard `saring run --threads 1`), --repeat times into fresh
folders; the cluster's start is not timed. For reference, `saring run
--threads N` on one machine over the same inputs, N = 1 and the largest W.
Reports the best wall time of each, documents/s and MB/s of HTML, the CPU
seconds of all saring processes (wait4), the largest peak RSS of one, the
time of the dedup merge and the CPU of the applies when they ran, and the
load average around each run (the machine may be shared). Prints
Markdown; every run goes to distributed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "python"))

import datasets as ds  # noqa: E402
import machine  # noqa: E402
import run_corpus  # noqa: E402
import tools as tl  # noqa: E402


def split_warc(path: str, parts: int, folder: str) -> list[str]:
    """Cuts a one-member-per-record .warc.gz into `parts` files of about equal
    bytes at member boundaries (for a saring that shards by whole files)."""
    with open(path, "rb") as f:
        data = f.read()
    # Each member is found by inflating it chunk by chunk, so that what is
    # left past its end (unused_data) is at most one chunk.
    view, members, pos = memoryview(data), [], 0
    while pos < len(data):
        d, end = zlib.decompressobj(31), pos
        while not d.eof:
            chunk = view[end:end + (1 << 16)]
            if not chunk:
                raise ValueError(f"{path}: truncated gzip member at byte {pos}")
            d.decompress(chunk)
            end += len(chunk)
        end -= len(d.unused_data)
        members.append(view[pos:end])
        pos = end
    chosen: list[list] = [[] for _ in range(parts)]
    start = 0
    for m in members:
        chosen[min(parts - 1, start * parts // max(1, len(data)))].append(m)
        start += len(m)
    paths = []
    for i, part in enumerate(chosen):
        p = os.path.join(folder, f"crawl-{i}.warc.gz")
        with open(p, "wb") as f:
            f.write(b"".join(part))
        paths.append(p)
    return paths


def html_and_documents(folders: list[str]) -> dict:
    html = docs = kept = 0
    for folder in folders:
        with open(os.path.join(folder, "stats.json"), encoding="utf-8") as f:
            s = json.load(f)
        html += s["bytes"]["html"]
        docs += s["documents"]["read"]
        kept += s["documents"]["kept"]
    return {"html_mb": html / 1e6, "documents": docs, "kept": kept}


def dask_run(sd, client, inputs, out, shards, run_options) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    summary = sd.run(inputs, out, shards=shards, threads=1, run_options=run_options, client=client,
                     progress=False)
    wall = time.perf_counter() - start
    res = {"wall_seconds": wall, "load_before": load_before, "load_after": os.getloadavg()[0],
           "cpu_seconds": summary["cpu_seconds"],
           "max_rss_mb": max(r["max_rss_mb"] for r in summary["shards"]),
           **html_and_documents([sd.shard_dir(out, i) for i in range(shards)])}
    if summary["dedup"]:
        res["merge_seconds"] = summary["dedup"]["merge"]["seconds"]
        res["merge_max_rss_mb"] = summary["dedup"]["merge"]["max_rss_mb"]
        res["apply_cpu_seconds"] = summary["dedup"]["apply_cpu_seconds"]
        res["cpu_seconds"] += summary["dedup"]["merge"]["cpu_seconds"] + res["apply_cpu_seconds"]
    return res


def one_machine_run(saring, inputs, out, threads, run_options) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    load_before = os.getloadavg()[0]
    m = tl.measure_child([saring, "run", *inputs, *run_options, "--threads", str(threads),
                          "--no-progress", "-o", out])
    if m["code"] != 0:
        raise SystemExit(f"saring run failed ({m['code']}): {m['stderr'][-2000:]}")
    return {"wall_seconds": m["wall_seconds"], "load_before": load_before,
            "load_after": os.getloadavg()[0], "cpu_seconds": m["cpu_seconds"],
            "max_rss_mb": m["max_rss_mb"], **html_and_documents([out])}


def main() -> int:
    argv = sys.argv[1:]
    run_options: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, run_options = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", nargs="?", default=ds.default_datasets_dir())
    ap.add_argument("--saring", default=None)
    ap.add_argument("--warc", default=os.path.join(tl.BENCH, "work", "datasets.warc.gz"))
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--parts", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)

    saring = os.path.abspath(args.saring or tl.default_saring())
    if not os.access(saring, os.X_OK):
        print("saring binary not found (build first or pass --saring)", file=sys.stderr)
        return 2
    os.environ["SARING_BIN"] = saring  # the workers inherit it
    os.environ["PYTHONPATH"] = os.path.join(REPO, "python") + os.pathsep + os.environ.get("PYTHONPATH", "")
    import saring.dask as sd
    from distributed import Client, LocalCluster

    workers = [int(w) for w in args.workers.split(",")]
    out = args.out or os.path.join(tl.BENCH, "work", time.strftime("distributed-%Y%m%d-%H%M%S"))
    os.makedirs(out, exist_ok=True)
    run_corpus.build_warc(args.datasets, args.warc)
    inputs = [args.warc]
    if args.parts > 1:
        parts_dir = os.path.join(os.path.dirname(args.warc), f"parts-{args.parts}")
        os.makedirs(parts_dir, exist_ok=True)
        inputs = split_warc(args.warc, args.parts, parts_dir)

    runs = []
    for w in workers:
        with LocalCluster(n_workers=w, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            for r in range(args.repeat):
                res = dask_run(sd, client, inputs, os.path.join(out, f"dask-{w}w"), args.shards,
                               run_options)
                res.update({"kind": "dask", "workers": w, "repeat": r})
                runs.append(res)
                print(f"dask {w} workers, repeat {r}: {res['wall_seconds']:.2f} s", file=sys.stderr)
    for n in sorted({1, max(workers)}):
        for r in range(args.repeat):
            res = one_machine_run(saring, inputs, os.path.join(out, f"one-{n}t"), n, run_options)
            res.update({"kind": "one machine", "threads": n, "repeat": r})
            runs.append(res)
            print(f"one machine, {n} threads, repeat {r}: {res['wall_seconds']:.2f} s", file=sys.stderr)

    def best(kind, key, n):
        return min((x for x in runs if x["kind"] == kind and x.get(key) == n),
                   key=lambda x: x["wall_seconds"])

    rows = [(f"Dask, {w} worker{'s' if w > 1 else ''} x 1 thread, {args.shards} shards",
             best("dask", "workers", w)) for w in workers]
    rows += [(f"one `saring run --threads {n}`", best("one machine", "threads", n))
             for n in sorted({1, max(workers)})]
    report = {"machine": machine.describe(saring), "inputs": inputs, "shards": args.shards,
              "run_options": run_options, "runs": runs}
    with open(os.path.join(out, "distributed.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, sort_keys=True)

    first = rows[0][1]
    print(f"{first['documents']} documents, {first['html_mb']:.1f} MB of HTML in {len(inputs)} "
          f"input files; options {' '.join(run_options) or '(defaults)'}; best of {args.repeat} runs\n")
    print("| run | wall s | docs/s | MB/s HTML | CPU s (all processes) | peak RSS MB (one process) "
          "| dedup merge s | dedup apply CPU s | load avg before/after |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, b in rows:
        merge = f"{b['merge_seconds']:.2f}" if "merge_seconds" in b else "-"
        apply = f"{b['apply_cpu_seconds']:.2f}" if "apply_cpu_seconds" in b else "-"
        print(f"| {name} | {b['wall_seconds']:.2f} | {b['documents'] / b['wall_seconds']:.0f} | "
              f"{b['html_mb'] / b['wall_seconds']:.1f} | {b['cpu_seconds']:.2f} | "
              f"{b['max_rss_mb']:.0f} | {merge} | {apply} | "
              f"{b['load_before']:.1f} / {b['load_after']:.1f} |")
    if len(workers) > 1:
        one, two = best("dask", "workers", workers[0]), best("dask", "workers", workers[-1])
        print(f"\nSpeed-up {workers[0]} -> {workers[-1]} workers: "
              f"{one['wall_seconds'] / two['wall_seconds']:.2f}x")
    print(f"\nResults: {out}/distributed.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
