#!/usr/bin/python3
"""Accuracy of saring and its peers on the public gold sets.

    bench/run_accuracy.py [DATASETS_DIR] [--tools saring,trafilatura,readability-lxml,readability-js,boilerpipe,baseline]
                          [--sets scrapinghub,trafilatura-eval,wcxb] [--out DIR] [--saring PATH]
                          [--half tune|check]

Each tool runs as ONE process over all pages of all sets (the Python peers run
inside this process). Writes to DIR (default bench/work/<timestamp>/):
  outputs/<tool>.jsonl      the tool's records, in page order
  scores/<set>.csv          per-page scores, one row per (page, tool)
  accuracy.json             per-set summaries per tool, and per half of each set
and prints a Markdown summary. Each set is split in two halves by a fixed
hash of the page id (datasets.half_of): tune rules on "tune", and trust a
gain only when it shows on "check" too; --half runs one half only. DATASETS_DIR defaults to ../shared/datasets
relative to the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import datasets as ds  # noqa: E402
import metrics  # noqa: E402
import tools as tl  # noqa: E402


def run_tool(tool: tl.Tool, pages: list, outdir: str) -> tuple[list[dict], dict]:
    """Runs one tool over all pages; returns records aligned with pages, and run info."""
    os.makedirs(os.path.join(outdir, "outputs"), exist_ok=True)
    out_path = os.path.join(outdir, "outputs", f"{tool.name}.jsonl")
    info = {"tool": tool.name, "pages": len(pages)}
    start = time.perf_counter()
    if tool.in_process is not None:
        records = []
        with open(out_path, "w", encoding="utf-8") as f:
            for p in pages:
                rec = tool.in_process(p.path, p.url)
                records.append(rec)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        info["seconds"] = time.perf_counter() - start
    else:
        list_path = os.path.join(outdir, f"list-{tool.name}.tsv")
        tl.write_list(list_path, pages)
        err_path = os.path.join(outdir, f"stderr-{tool.name}.txt")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            res = subprocess.run(tool.argv(list_path), stdout=out, stderr=err)
        info["seconds"] = time.perf_counter() - start
        info["exit_code"] = res.returncode
        with open(err_path, encoding="utf-8", errors="replace") as f:
            stats = tl.parse_stats(f.read())
        if stats:
            info["loop_seconds"] = stats.get("seconds")
        records = tl.read_records(out_path)
    return align(records, pages, tool.name), info


def align(records: list[dict], pages: list, name: str) -> list[dict]:
    """Records in page order; a page without a record gets an error record."""
    if len(records) == len(pages) and all(r.get("source") == p.path for r, p in zip(records, pages)):
        return records
    by_source = {}
    for r in records:
        by_source.setdefault(r.get("source"), r)
    out = []
    missing = 0
    for p in pages:
        r = by_source.get(p.path)
        if r is None:
            missing += 1
            r = {"source": p.path, "text": None, "error": "no record in the tool's output"}
        out.append(r)
    if missing:
        sys.stderr.write(f"warning: {name}: {missing} of {len(pages)} pages had no record\n")
    return out


def score_set(set_name: str, pages: list, records: list[dict]) -> tuple[dict, list[dict]]:
    """Set summary and per-page rows for one tool."""
    rows = []
    if set_name == "scrapinghub":
        scores = []
        for p, r in zip(pages, records):
            s = metrics.scrapinghub_page(p.gold, r.get("text"))
            scores.append(s)
            rows.append({"id": p.id, "f1": s.f1, "precision": s.precision, "recall": s.recall,
                         "tp": s.tp, "fp": s.fp, "fn": s.fn})
        summary = metrics.scrapinghub_summary(scores)
    elif set_name == "trafilatura-eval":
        counts = []
        for p, r in zip(pages, records):
            c = metrics.trafilatura_page(p.gold["with"], p.gold["without"], r.get("text"))
            counts.append(c)
            n_with = c.tp + c.fn
            rows.append({"id": p.id, "tp": c.tp, "fp": c.fp, "fn": c.fn, "tn": c.tn,
                         "f1": (2 * c.tp / (2 * c.tp + c.fp + c.fn)) if (2 * c.tp + c.fp + c.fn) else 1.0,
                         "with_found": f"{c.tp}/{n_with}", "without_found": f"{c.fp}/{c.fp + c.tn}"})
        summary = metrics.trafilatura_summary(counts)
    elif set_name == "wcxb":
        wp = []
        for p, r in zip(pages, records):
            s = metrics.wcxb_page(p.gold, r)
            wp.append(s)
            rows.append({"id": p.id, "page_type": p.gold.get("page_type"), "f1": s.f1,
                         "precision": s.precision, "recall": s.recall,
                         "with_rate": s.with_rate, "without_rate": s.without_rate,
                         "title": s.title, "author": s.author, "date": s.date})
        summary = metrics.wcxb_summary(wp)
        by_type = {}
        for p, s in zip(pages, wp):
            by_type.setdefault(p.gold.get("page_type") or "unknown", []).append(s.f1)
        summary["f1_by_type"] = {k: sum(v) / len(v) for k, v in sorted(by_type.items())}
    else:
        raise ValueError(set_name)
    errors = sum(1 for r in records if r.get("error"))
    summary["errors"] = errors
    for row, r in zip(rows, records):
        row["error"] = r.get("error") or ""
    return summary, rows


def score_halves(set_name: str, pages: list, records: list[dict]) -> dict:
    """score_set's summary for each half of the set (datasets.half_of) that has pages."""
    out = {}
    for h in ds.HALVES:
        part = [(p, r) for p, r in zip(pages, records) if ds.half_of(p.id) == h]
        if part:
            out[h] = score_set(set_name, [p for p, _ in part], [r for _, r in part])[0]
    return out


def fmt(x, digits=3) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table: header row, rule, one line per row."""
    return (["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
            + ["| " + " | ".join(r) + " |" for r in rows])


def markdown_summary(result: dict) -> str:
    """The Markdown tables of an accuracy.json object."""
    sets = result["sets"]
    tools = [t for t in result["tools"] if t in result["scores"]]
    lines = []
    head = "| tool | " + " | ".join(f"{s} F1" for s in sets)
    if "wcxb" in sets:
        head += " | wcxb with | wcxb without"
    lines.append(head + " | errors |")
    lines.append("|---" * (head.count("|")) + "|---|")
    for t in tools:
        sc = result["scores"][t]
        row = f"| {t} | " + " | ".join(fmt(sc[s]["f1"]) if s in sc else "–" for s in sets)
        if "wcxb" in sets:
            w = sc.get("wcxb", {})
            row += f" | {fmt(w.get('with_rate'))} | {fmt(w.get('without_rate'))}"
        errs = sum(sc[s].get("errors", 0) for s in sets if s in sc)
        lines.append(row + f" | {errs} |")
    lines.append("")
    lines.append("F1: scrapinghub 4-word-shingle F1 (upstream: mean per-page P and R); "
                 "trafilatura-eval pooled with/without snippets; wcxb mean per-page word F1. "
                 "wcxb with = share of wanted snippets found (higher is better), "
                 "without = share of unwanted snippets found (lower is better).")
    if "wcxb" in sets:
        lines.append("")
        lines += table(["tool", "wcxb title", "wcxb author", "wcxb date"],
                       [[t, fmt(w.get("title_match")), fmt(w.get("author_match")), fmt(w.get("date_match"))]
                        for t in tools if (w := result["scores"][t].get("wcxb"))])
        w = next((result["scores"][t]["wcxb"] for t in tools if "wcxb" in result["scores"][t]), None)
        if w:
            lines.append("")
            lines.append(f"Exact-match rates over the pages whose gold value is set "
                         f"(title {w['title_pages']}, author {w['author_pages']}, date {w['date_pages']} pages).")
    if "wcxb" in sets:
        types = []
        for t in tools:
            for k in result["scores"][t].get("wcxb", {}).get("f1_by_type", {}):
                if k not in types:
                    types.append(k)
        if types:
            lines.append("")
            lines += table(["tool"] + [f"wcxb {k}" for k in types],
                           [[t] + [fmt(result["scores"][t].get("wcxb", {}).get("f1_by_type", {}).get(k))
                                   for k in types] for t in tools])
            lines.append("")
            lines.append("wcxb word F1 by page type.")
    if result.get("halves"):
        lines.append("")
        lines += table(["tool"] + [f"{s} {h}" for s in sets for h in ds.HALVES],
                       [[t] + [fmt(result["halves"][t].get(s, {}).get(h, {}).get("f1"))
                               for s in sets for h in ds.HALVES] for t in tools if t in result["halves"]])
        if "wcxb" in sets:
            lines.append("")
            lines += table(["tool"] + [f"wcxb title {h}" for h in ds.HALVES]
                           + [f"wcxb date {h}" for h in ds.HALVES],
                           [[t] + [fmt(result["halves"][t].get("wcxb", {}).get(h, {}).get(f"{k}_match"))
                                   for k in ("title", "date") for h in ds.HALVES]
                            for t in tools if t in result["halves"]])
        lines.append("")
        lines.append("F1 on each half of each set (a fixed hash of the page id): a gain that shows on "
                     "one half only is noise.")
    if "scrapinghub" in sets:
        lines.append("")
        lines += table(["tool", "scrapinghub P", "R", "F1", "F1 (summed fractions)"],
                       [[t, fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"]), fmt(s["f1_summed"])]
                        for t in tools if (s := result["scores"][t].get("scrapinghub"))])
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    tl.add_common_arguments(ap, ",".join(ds.SETS))
    ap.add_argument("--jobs", type=int, default=1, help="tools run at the same time (default 1)")
    ap.add_argument("--half", choices=ds.HALVES, default=None, help="only the pages of this half of each set")
    args = ap.parse_args()

    chosen = tl.chosen_sets_and_outdir(args)
    if chosen is None:
        return 2
    sets, outdir = chosen

    loaded = ds.load(args.datasets, sets, args.limit, args.half)
    all_pages = [p for s in sets for p in loaded[s]]

    tools = []
    skipped = {}
    for name in [t for t in args.tools.split(",") if t]:
        try:
            tools.append(tl.make_tool(name, args.saring))
        except tl.ToolUnavailable as exc:
            if not args.skip_unavailable:
                print(f"{name}: {exc}", file=sys.stderr)
                return 2
            skipped[name] = str(exc)
            print(f"skipping {name}: {exc}", file=sys.stderr)

    def one(tool):
        print(f"running {tool.name} on {len(all_pages)} pages ...", file=sys.stderr, flush=True)
        recs, info = run_tool(tool, all_pages, outdir)
        print(f"  {tool.name}: {info['seconds']:.1f} s", file=sys.stderr, flush=True)
        return tool.name, recs, info

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(one, tools))

    # Relative to the repository, so committed results name no machine's folders.
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = {"datasets": os.path.relpath(args.datasets, repo), "sets": sets,
              "pages": {s: len(loaded[s]) for s in sets}, "tools": [t.name for t in tools],
              "skipped": skipped, "runs": {}, "scores": {}, "halves": {}, "half": args.half,
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.join(outdir, "scores"), exist_ok=True)
    per_set_rows = {s: [] for s in sets}
    for name, recs, info in results:
        result["runs"][name] = info
        result["scores"][name] = {}
        result["halves"][name] = {}
        offset = 0
        for s in sets:
            pages = loaded[s]
            set_recs = recs[offset:offset + len(pages)]
            summary, rows = score_set(s, pages, set_recs)
            offset += len(pages)
            result["scores"][name][s] = summary
            result["halves"][name][s] = score_halves(s, pages, set_recs)
            for row in rows:
                row["tool"] = name
            per_set_rows[s].extend(rows)
    for s, rows in per_set_rows.items():
        if not rows:
            continue
        fields = ["id", "tool"] + [k for k in rows[0] if k not in ("id", "tool")]
        with open(os.path.join(outdir, "scores", f"{s}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    with open(os.path.join(outdir, "accuracy.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    print(markdown_summary(result))
    print(f"\nper-page scores: {os.path.join(outdir, 'scores')}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
