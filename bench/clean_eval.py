#!/usr/bin/python3
"""Measure `saring clean` on careless text dumps made from public gold sets.

For every page of a gold set with `with`/`without` snippets (trafilatura-eval;
wcxb dev with --sets), the whole page's visible text is dumped the careless way
(lynx -dump -nolist, w3m -dump or html2text), then `saring clean` repairs the
dumps:

  raw            the dump as it is
  single         saring clean, one document at a time (conservative)
  single-aggr    saring clean --aggressive
  corpus-url     corpus mode, documents grouped by URL host
  corpus-lines   corpus mode without URLs (grouped by shared line sets)
  corpus-lines-aggr  the same with --aggressive

Each variant is scored with trafilatura-eval's pooled with/without snippet
metric (bench/metrics.py: TP = `with` snippet found, FP = `without` snippet
found after collapsing white space), overall and per language (saring's
`language` field on the cleaned text; the URL's country TLD when saring has
none). Speed is MB/s of dump text on one pinned core.

Every set is split in two halves by a fixed hash of the page id
(datasets.half_of): scores are reported for each half ("tune", "check") as well
as overall. Rules and thresholds are tuned looking at "tune" pages only; a gain
counts when it shows on "check" too. --half keeps only one half's pages (in
corpus mode the corpus is then that half only, so corpus scores differ from
the per-half groups of a whole-set run).

Dumps and outputs are written under --work (default bench/work/clean-eval/,
git-ignored), never into the tracked tree. DATASETS defaults to
$SARING_DATASETS, else ../shared/datasets next to the repository. Usage:

  bench/clean_eval.py --saring build/tools/saring/saring \
      --datasets ../shared/datasets --dumper lynx --out docs/clean-eval.json
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures
import gzip
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import datasets as ds  # noqa: E402
from metrics import trafilatura_page, trafilatura_summary  # noqa: E402

DUMPERS = {
    # Wide lines: a paragraph stays one line, as in most stored dumps.
    "lynx": ["lynx", "-dump", "-nolist", "-width=1024", "-assume_charset=utf-8",
             "-display_charset=utf-8", "-force_html", "{path}"],
    # lynx as most people run it: wrapped at 72 columns (saring clean rejoins).
    "lynx-wrapped": ["lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                     "-display_charset=utf-8", "-force_html", "{path}"],
    "w3m": ["w3m", "-dump", "-cols", "1000", "-O", "UTF-8", "-T", "text/html", "{path}"],
    "html2text": ["html2text", "-width", "1000", "-utf8", "{path}"],
}

VARIANTS = {
    "single": ["--no-corpus"],
    "single-aggr": ["--no-corpus", "--aggressive"],
    "corpus-url": ["--corpus"],
    "corpus-lines": ["--corpus", "--ignore-urls"],
    "corpus-lines-aggr": ["--corpus", "--ignore-urls", "--aggressive"],
}

TLD_LANG = {"de": "de", "at": "de", "ch": "de", "fr": "fr", "pl": "pl", "it": "it",
            "es": "es", "br": "pt", "pt": "pt", "nl": "nl", "ru": "ru", "jp": "ja",
            "id": "id", "my": "ms", "tr": "tr", "uk": "en", "us": "en", "au": "en"}


def load_pages(datasets: Path, name: str) -> list[dict]:
    """Pages of one gold set: id, url, html path, with[], without[]."""
    pages = []
    if name == "trafilatura-eval":
        root = datasets / "trafilatura-eval"
        gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
        for url, g in gold.items():
            path = root / "html" / (g["file"] + ".gz")
            if path.exists():
                pages.append({"id": g["file"], "url": url, "html": path,
                              "with": g.get("with", []), "without": g.get("without", [])})
    elif name == "wcxb":
        root = datasets / "wcxb" / "dev"
        for gt in sorted((root / "ground-truth").glob("*.json")):
            g = json.loads(gt.read_text(encoding="utf-8"))
            path = root / "html" / (gt.stem + ".html.gz")
            truth = g.get("ground_truth", g)
            if path.exists():
                pages.append({"id": gt.stem, "url": g.get("url", ""), "html": path,
                              "with": truth.get("with", []), "without": truth.get("without", [])})
    else:
        raise SystemExit(f"unknown set {name}")
    return pages


def dump_page(page: dict, dumper: str, cache: Path) -> str:
    out = cache / (page["id"].replace("/", "_") + ".txt")
    if out.exists():
        return out.read_text(encoding="utf-8", errors="replace")
    html = cache / (page["id"].replace("/", "_") + ".html")
    html.write_bytes(gzip.decompress(page["html"].read_bytes()))
    cmd = [a.replace("{path}", str(html)) for a in DUMPERS[dumper]]
    try:
        res = subprocess.run(cmd, capture_output=True, timeout=60)
        text = res.stdout.decode("utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        text = ""
    html.unlink()
    out.write_text(text, encoding="utf-8")
    return text


def run_saring(saring: str, docs: Path, extra: list[str], out: Path) -> list[dict]:
    cmd = [saring, "clean", "--jsonl", "--format", "jsonl", *extra, str(docs)]
    with out.open("wb") as f:
        res = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE)
    if res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {res.stderr.decode()[:500]}")
    # split on "\n" only: JSON strings may hold raw U+2028 or U+0085
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    return rows


def tld_language(url: str) -> str:
    host = urllib.parse.urlparse(url).hostname or ""
    return TLD_LANG.get(host.rsplit(".", 1)[-1], "")


def speed(saring: str, docs: Path, mb: float, repeats: int) -> dict:
    """Best of `repeats` runs on core 0: cleaning only (--stats) and whole command."""
    best_inner, best_wall, best_cpu = 0.0, 0.0, 0.0
    for _ in range(repeats):
        cmd = ["taskset", "-c", "0", saring, "clean", "--jsonl", "--no-corpus", "--no-language",
               "--stats", str(docs)]
        t0 = time.perf_counter()
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        m = re.search(r"([\d.]+) MB/s, [\d.]+ s CPU, ([\d.]+) MB/CPU-s", res.stderr.decode())
        if m:
            best_inner = max(best_inner, float(m.group(1)))
            best_cpu = max(best_cpu, float(m.group(2)))
        best_wall = max(best_wall, mb / wall)
    corpus_cmd = ["taskset", "-c", "0", saring, "clean", "--jsonl", "--corpus", "--ignore-urls",
                  "--no-language", str(docs)]
    t0 = time.perf_counter()
    subprocess.run(corpus_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    corpus_wall = mb / (time.perf_counter() - t0)
    return {"clean_mb_s": round(best_inner, 2), "clean_mb_per_cpu_s": round(best_cpu, 2),
            "command_mb_s": round(best_wall, 2),
            "corpus_command_mb_s": round(corpus_wall, 2), "mb": round(mb, 2)}


def evaluate(args, name: str) -> dict:
    pages = load_pages(Path(args.datasets), name)
    if args.half:
        pages = [p for p in pages if ds.half_of(p["id"]) == args.half]
    if args.limit:
        pages = pages[: args.limit]
    work = Path(args.work) / name / args.dumper
    cache = work / "dumps"
    cache.mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        texts = list(pool.map(lambda p: dump_page(p, args.dumper, cache), pages))
    docs = work / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as f:
        for p, t in zip(pages, texts):
            f.write(json.dumps({"id": p["id"], "url": p["url"], "text": t}, ensure_ascii=False) + "\n")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    outputs = {"raw": texts}
    languages = None
    for variant, extra in VARIANTS.items():
        rows = run_saring(args.saring, docs, extra + args.extra.split(), work / f"{variant}.jsonl")
        by_id = {r.get("id"): r for r in rows}
        outputs[variant] = [by_id.get(p["id"], {}).get("text", "") for p in pages]
        if variant == "single":
            languages = [by_id.get(p["id"], {}).get("language") or tld_language(p["url"]) or "?"
                         for p in pages]

    counts = collections.Counter(languages)
    major = [lang for lang, n in counts.most_common() if n >= args.min_lang_pages]
    result = {"set": name, "pages": len(pages), "dumper": args.dumper, "half": args.half,
              "languages": dict(counts), "scores": {}}
    for variant, outs in outputs.items():
        per = collections.defaultdict(list)
        for i, (p, out, lang) in enumerate(zip(pages, outs, languages)):
            c = trafilatura_page(p["with"], p["without"], out)
            per["all"].append(c)
            per[ds.half_of(p["id"])].append(c)
            per[lang if lang in major else "other"].append(c)
            if args.dev:
                per["dev" if i < args.dev else "held-out"].append(c)
        result["scores"][variant] = {k: trafilatura_summary(v) for k, v in per.items()}
    if args.repeats:
        result["speed"] = speed(args.saring, docs, mb, args.repeats)
    return result


def markdown(result: dict) -> str:
    variants = list(result["scores"])
    special = ["all", *ds.HALVES, "dev", "held-out"]
    groups = [g for g in special if g in result["scores"]["raw"]] + sorted(
        k for k in result["scores"]["raw"] if k not in special)
    half = f", {result['half']} half only" if result.get("half") else ""
    lines = [f"### {result['set']} ({result['pages']} pages{half}, dumps by {result['dumper']})", "",
             "| group | pages | " + " | ".join(variants) + " |",
             "|---|---:|" + "---:|" * len(variants)]
    for g in groups:
        n = result["scores"]["raw"][g]["pages"]
        cells = []
        for v in variants:
            s = result["scores"][v][g]
            cells.append(f"{s['f1']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f})")
        lines.append(f"| {g} | {n} | " + " | ".join(cells) + " |")
    sp = result.get("speed")
    if not sp:
        return "\n".join(lines)
    lines += ["", f"Speed on one core over {sp['mb']} MB of dumps: cleaning {sp['clean_mb_s']} MB/s "
              f"({sp['clean_mb_per_cpu_s']} MB per CPU-second), "
              f"whole command {sp['command_mb_s']} MB/s (single documents), "
              f"{sp['corpus_command_mb_s']} MB/s (corpus mode, two passes)."]
    return "\n".join(lines)


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", default=ds.default_datasets_dir())
    ap.add_argument("--saring", default=str(here.parent / "build" / "tools" / "saring" / "saring"))
    ap.add_argument("--dumper", choices=sorted(DUMPERS), default="lynx")
    ap.add_argument("--sets", default="trafilatura-eval", help="comma list: trafilatura-eval,wcxb")
    ap.add_argument("--work", default=str(here / "work" / "clean-eval"))
    ap.add_argument("--half", choices=ds.HALVES, default=None,
                    help="only the pages of this half of each set (datasets.half_of)")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (0: all)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel dump processes")
    ap.add_argument("--min-lang-pages", type=int, default=10, help="languages with fewer pages go to 'other'")
    ap.add_argument("--repeats", type=int, default=3, help="speed runs (0: no speed measurement)")
    ap.add_argument("--dev", type=int, default=0,
                    help="also score the first N pages (looked at while writing the rules) "
                         "apart from the rest (held out)")
    ap.add_argument("--out", help="write the results as JSON here")
    ap.add_argument("--extra", default="", help="more `saring clean` flags for every variant, e.g. --no-unwrap")
    args = ap.parse_args()
    if not Path(args.datasets).is_dir():
        print(f"datasets folder {args.datasets} not found: skipped", file=sys.stderr)
        return 0
    results = [evaluate(args, name) for name in args.sets.split(",") if name]
    for r in results:
        print(markdown(r))
        print()
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
