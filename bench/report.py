#!/usr/bin/python3
"""Writes a bench run's report: Markdown, a PNG bar chart and the summary JSON.

    bench/report.py RUN_DIR [--results bench/results] [--name YYYY-MM-DD-MACHINE]

RUN_DIR holds accuracy.json and/or speed.json (from run_accuracy.py and
run_speed.py with the same --out). The report goes to
bench/results/<YYYY-MM-DD>-<machine>/ (report.md, chart.png, summary.json):
small files, no page text, meant to be committed so progress can be followed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import machine  # noqa: E402
import run_accuracy  # noqa: E402
import run_speed  # noqa: E402
import tools as tl  # noqa: E402

TOOL_COLORS = {
    "saring": "#c0392b",
    "trafilatura": "#e67e22",
    "readability-lxml": "#2980b9",
    "readability-js": "#8e44ad",
    "boilerpipe": "#27ae60",
    "baseline": "#7f8c8d",
}


def load(path: str):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def chart(accuracy: dict | None, speed: dict | None, png: str, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [p for p in (accuracy, speed) if p]
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.6), squeeze=False)
    axes = list(axes[0])
    if accuracy:
        ax = axes.pop(0)
        sets = accuracy["sets"]
        tools = [t for t in accuracy["tools"] if t in accuracy["scores"]]
        width = 0.8 / max(1, len(tools))
        for i, t in enumerate(tools):
            vals = [accuracy["scores"][t].get(s, {}).get("f1", 0.0) for s in sets]
            xs = [j + (i - (len(tools) - 1) / 2) * width for j in range(len(sets))]
            bars = ax.bar(xs, vals, width, label=t, color=TOOL_COLORS.get(t))
            for b, v in zip(bars, vals):
                ax.text(b.get_x() + b.get_width() / 2, v + 0.01, f"{v:.2f}", ha="center",
                        va="bottom", fontsize=6.5, rotation=90)
        ax.set_xticks(range(len(sets)))
        ax.set_xticklabels(sets)
        ax.set_ylim(0, 1.12)
        ax.set_ylabel("F1 (each set's own metric)")
        ax.set_title("Accuracy")
        ax.legend(fontsize=7, loc="upper center", ncol=len(tools), frameon=False)
    if speed:
        ax = axes.pop(0)
        names = speed.get("tool_order") or list(speed["tools"])
        vals = [speed["tools"][n]["pages_per_s"] for n in names]
        bars = ax.barh(names, vals, color=[TOOL_COLORS.get(n) for n in names])
        ax.set_xscale("log")
        ax.invert_yaxis()
        for b, v in zip(bars, vals):
            ax.text(v * 1.05, b.get_y() + b.get_height() / 2, f"{v:,.1f}", va="center", fontsize=8)
        if vals:
            import math
            ax.set_xlim(left=10 ** math.floor(math.log10(max(min(vals), 1e-3))), right=max(vals) * 4)
        sets = "+".join(speed["sets"])
        ax.set_xlabel(f"pages/s on one core ({sets}, log scale)")
        ax.set_title("Speed")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run_dir")
    ap.add_argument("--results", default=os.path.join(tl.BENCH, "results"))
    ap.add_argument("--name", default=None, help="result folder name (default <date>-<machine>)")
    ap.add_argument("--saring", default=None)
    args = ap.parse_args()

    accuracy = load(os.path.join(args.run_dir, "accuracy.json"))
    speed = load(os.path.join(args.run_dir, "speed.json"))
    if not accuracy and not speed:
        print(f"nothing to report in {args.run_dir}", file=sys.stderr)
        return 2
    desc = (speed or {}).get("machine") or machine.describe(args.saring)
    name = args.name or f"{time.strftime('%Y-%m-%d', time.gmtime())}-{machine.short_name(desc)}"
    outdir = os.path.join(args.results, name)
    os.makedirs(outdir, exist_ok=True)

    md = [f"# saring bench: {name}", "", "## Machine", "", machine.markdown(desc), ""]
    if accuracy:
        pages = ", ".join(f"{s} {n}" for s, n in accuracy["pages"].items())
        md += ["## Accuracy", "", f"Pages: {pages}. Datasets: `{accuracy['datasets']}`.", "",
               run_accuracy.markdown_summary(accuracy), ""]
        if accuracy.get("skipped"):
            md += ["Not run: " + "; ".join(f"{k} ({v})" for k, v in accuracy["skipped"].items()), ""]
    if speed:
        md += ["## Speed", "", run_speed.markdown_speed(speed), ""]
        if speed.get("skipped"):
            md += ["Not run: " + "; ".join(f"{k} ({v})" for k, v in speed["skipped"].items()), ""]
    md += ["![F1 per set and pages/s per tool](chart.png)", "",
           "Made by `bench/run_all.sh` (see docs/benchmarks.md for the metrics and caveats)."]
    with open(os.path.join(outdir, "report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")

    summary = {"machine": desc}
    if accuracy:
        summary["accuracy"] = {k: accuracy[k] for k in ("date", "sets", "pages", "tools", "scores", "runs", "skipped")}
    if speed:
        summary["speed"] = {k: v for k, v in speed.items() if k != "machine"}
    with open(os.path.join(outdir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
    chart(accuracy, speed, os.path.join(outdir, "chart.png"), f"saring bench {name}: {desc['cpu']}")
    print(outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
