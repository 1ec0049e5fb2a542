#!/usr/bin/python3
"""Cost and effect of corpus mode in `saring run` over text records.

    bench/run_corpus_mode.py [--docs DOCS.jsonl] [--datasets DIR] [--set wcxb]
                             [--saring PATH] [--threads 2] [--repeat 3] [--shards 2]
                             [--work DIR] [--out FILE.json]

DOCS.jsonl holds text records ({"id", "url", "text"}): the careless dumps
that bench/clean_eval.py makes of a gold set (default
bench/work/clean-eval/wcxb/lynx/docs.jsonl, from `bench/clean_eval.py --sets
wcxb --dumper lynx`; never in the repo). Runs, into folders under --work:

  plain    saring run DOCS --no-filter --no-dedup
  corpus   the same with --corpus (the count pass, then the run)
  sharded  --corpus over --shards shards: count-only per shard, saring
           corpus merge, then each shard with --corpus-lines (run one after
           another here; the records must equal `corpus`'s)

Filter and dedup are off so every page stays in the output to be scored.
Per run: wall and CPU seconds (wait4), peak RSS, and from stats.json the
count pass's seconds and lines. Each page's kept text is scored with
trafilatura-eval's pooled with/without snippet metric (bench/metrics.py), as
clean_eval.py scores `saring clean`. Wall and CPU times are the medians of
--repeat runs (peak RSS: the largest). Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clean_eval  # noqa: E402
import datasets as ds  # noqa: E402
import tools as tl  # noqa: E402
from metrics import trafilatura_page, trafilatura_summary  # noqa: E402

HERE = Path(__file__).resolve().parent
STAGES = ["--no-filter", "--no-dedup", "--no-progress"]


def call(argv: list[str]) -> dict:
    m = tl.measure_child(argv)
    if m["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({m['code']}): {m['stderr'][-2000:]}")
    return {k: m[k] for k in ("wall_seconds", "cpu_seconds", "max_rss_mb")}


def records(folders: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for folder in folders:
        for sub in ("", "rejected"):
            for path in sorted(Path(folder, sub).glob("part-*.jsonl.zst")):
                text = subprocess.run(["zstd", "-dcq", str(path)], check=True,
                                      stdout=subprocess.PIPE).stdout.decode("utf-8")
                for line in text.split("\n"):
                    if line:
                        r = json.loads(line)
                        out[("rejected " if sub else "") + r["id"]] = r
    return out


def score(kept: dict[str, dict], pages: list[dict]) -> dict:
    counts = [trafilatura_page(p["with"], p["without"], kept.get(p["id"], {}).get("text", ""))
              for p in pages]
    s = trafilatura_summary(counts)
    return {k: s[k] for k in ("pages", "precision", "recall", "f1")}


def one(saring: str, docs: str, out: str, threads: int, extra: list[str]) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    r = call([saring, "run", docs, *STAGES, "--threads", str(threads), *extra, "-o", out])
    with open(os.path.join(out, "stats.json"), encoding="utf-8") as f:
        stats = json.load(f)
    r["corpus"] = stats.get("corpus")
    r["documents"] = stats["documents"]
    return r


def sharded(saring: str, docs: str, work: str, shards: int, threads: int) -> dict:
    folders = [os.path.join(work, f"shard-{i}") for i in range(shards)]
    for f in folders:
        shutil.rmtree(f, ignore_errors=True)
    steps = {"count": [], "merge": None, "run": []}
    for i, f in enumerate(folders):
        steps["count"].append(call([saring, "run", docs, *STAGES, "--threads", str(threads),
                                    "--corpus-count-only", "--shard", f"{i}/{shards}", "-o", f]))
    merged = os.path.join(work, "lines.scx")
    steps["merge"] = call([saring, "corpus", "merge", *folders, "-o", merged])
    for i, f in enumerate(folders):
        steps["run"].append(call([saring, "run", docs, *STAGES, "--threads", str(threads),
                                  "--shard", f"{i}/{shards}", "--corpus-lines", merged, "-o", f]))
    return {"steps": steps, "folders": folders, "merged_bytes": os.path.getsize(merged),
            "wall_seconds": sum(s["wall_seconds"] for s in steps["count"] + steps["run"]) +
            steps["merge"]["wall_seconds"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", default=str(HERE / "work" / "clean-eval" / "wcxb" / "lynx" / "docs.jsonl"))
    ap.add_argument("--datasets", default=ds.default_datasets_dir())
    ap.add_argument("--set", default="wcxb", help="the gold set the dumps were made of (for scoring)")
    ap.add_argument("--saring", default=str(HERE.parent / "build" / "tools" / "saring" / "saring"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shards", type=int, default=2)
    ap.add_argument("--work", default=str(HERE / "work" / "run-corpus-mode"))
    ap.add_argument("--out", help="write the results as JSON here")
    args = ap.parse_args()
    if not os.path.exists(args.docs):
        print(f"{args.docs} not found: run bench/clean_eval.py --sets {args.set} --dumper lynx first",
              file=sys.stderr)
        return 2
    os.makedirs(args.work, exist_ok=True)
    pages = clean_eval.load_pages(Path(args.datasets), args.set)
    mb = os.path.getsize(args.docs) / 1e6
    result: dict = {"docs": os.path.relpath(args.docs, HERE.parent), "mb": mb, "threads": args.threads, "runs": {}}
    # Every timed run first: a child's peak RSS (wait4) starts from this
    # process's, so the outputs are read only afterwards.
    for name, extra in (("plain", []), ("corpus", ["--corpus"])):
        runs = [one(args.saring, args.docs, os.path.join(args.work, name), args.threads, extra)
                for _ in range(args.repeat)]
        # Medians: on a shared machine single runs vary a lot in wall time.
        summary = dict(runs[0])
        summary["wall_seconds"] = statistics.median(r["wall_seconds"] for r in runs)
        summary["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in runs)
        summary["max_rss_mb"] = max(r["max_rss_mb"] for r in runs)
        if summary["corpus"]:
            summary["corpus"]["count_seconds"] = statistics.median(r["corpus"]["count_seconds"] for r in runs)
            summary["corpus"]["count_cpu_seconds"] = statistics.median(
                r["corpus"]["count_cpu_seconds"] for r in runs)
        summary["all_wall_seconds"] = [r["wall_seconds"] for r in runs]
        summary["all_cpu_seconds"] = [r["cpu_seconds"] for r in runs]
        result["runs"][name] = summary
    sh = sharded(args.saring, args.docs, args.work, args.shards, args.threads)
    for name in result["runs"]:
        held = records([os.path.join(args.work, name)])
        result["runs"][name]["score"] = score(
            {k: v for k, v in held.items() if not k.startswith("rejected ")}, pages)
    same = records(sh["folders"]) == records([os.path.join(args.work, "corpus")])
    result["sharded"] = {**{k: v for k, v in sh.items() if k != "folders"}, "same_as_corpus": same}

    p, c = result["runs"]["plain"], result["runs"]["corpus"]
    cc = c["corpus"]
    print(f"### saring run over {len(pages)} {args.set} lynx dumps ({mb:.1f} MB of text records), "
          f"{args.threads} threads, medians of {args.repeat} runs\n")
    print("| run | wall s | CPU s | peak RSS MB | count pass s (CPU s) | F1 | P | R |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in (("plain", p), ("--corpus", c)):
        cp = r["corpus"]
        count = f"{cp['count_seconds']:.2f} ({cp['count_cpu_seconds']:.2f})" if cp else "-"
        s = r["score"]
        print(f"| {name} | {r['wall_seconds']:.2f} | {r['cpu_seconds']:.2f} | {r['max_rss_mb']:.0f} | "
              f"{count} | {s['f1']:.4f} | {s['precision']:.4f} | {s['recall']:.4f} |")
    print(f"\nCount pass: {cc['lines_counted']:,} lines of {cc['documents_counted']:,} documents; "
          f"{cc['entries']:,} (site, line) keys in >= {cc['min_documents']} documents "
          f"({cc['file_bytes']:,} bytes). Corpus mode costs "
          f"{c['wall_seconds'] / p['wall_seconds']:.2f}x the wall time and "
          f"{c['cpu_seconds'] / p['cpu_seconds']:.2f}x the CPU time of the plain run.")
    steps = sh["steps"]
    print(f"\n{args.shards} shards one after another: counts "
          f"{sum(s['wall_seconds'] for s in steps['count']):.2f} s, merge "
          f"{steps['merge']['wall_seconds']:.3f} s ({sh['merged_bytes']:,} bytes), runs "
          f"{sum(s['wall_seconds'] for s in steps['run']):.2f} s; records "
          f"{'identical to' if same else 'DIFFERENT FROM'} the one-machine --corpus run.")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
