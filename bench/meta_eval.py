#!/usr/bin/python3
"""Title / author / date exact-match rates of saring's metadata on WCXB.

Usage:
  bench/meta_eval.py DATASET_DIR [--probe build/bench/probes/meta_probe]
                     [--pages per_page.jsonl] [--show title|author|date]

DATASET_DIR is a WCXB split folder (e.g. ../shared/datasets/wcxb/dev) holding
html/NNNN.html.gz and ground-truth/NNNN.json. The page URL given to saring is
the `url` field of the ground-truth file (the page's address, as `saring
extract --url` would get it); no gold value is passed to saring.

Matching (what this script does, exactly):
  * title and author: both sides have runs of white space collapsed to one
    space, are trimmed and case-folded (str.casefold); then compared for
    equality. Nothing else is normalised (quotes, punctuation stay).
  * date: the first 10 characters (YYYY-MM-DD) of both sides are compared.
  * Two rates are printed per field:
      - "gold pages": over pages whose gold value is not null (a missing
        prediction counts as a miss). Title gold is never null.
      - "all pages": over every page, where a null prediction for a null gold
        value counts as a match and any prediction for a null gold value as a
        miss.
The peer figures we compare with (trafilatura 2.2: 0.49 / 0.56 / 0.82) come
from ../shared/datasets/README.md, which does not say which of the two
denominators was used; both are printed.
"""
import argparse
import ast
import glob
import json
import os
import subprocess
import sys


def norm(s):
    if s is None:
        return None
    s = " ".join(str(s).split()).casefold()
    return s or None


def norm_date(s):
    if s is None:
        return None
    s = str(s).strip()
    return s[:10] or None


def load_gold(dataset):
    gold = {}
    for path in sorted(glob.glob(os.path.join(dataset, "ground-truth", "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        g = d.get("ground_truth")
        if isinstance(g, str):  # some copies store a Python-dict-like string
            g = ast.literal_eval(g)
        fid = d.get("file_id") or os.path.basename(path)[:-5]
        gold[fid] = {
            "url": d.get("url") or "",
            "title": g.get("title"),
            "author": g.get("author"),
            "date": g.get("publish_date"),
            "page_type": ((d.get("_internal") or {}).get("page_type") or {}).get("primary"),
        }
    return gold


def run_probe(probe, dataset, gold):
    lines = []
    for fid, g in gold.items():
        path = os.path.join(dataset, "html", fid + ".html.gz")
        lines.append(f"{fid}\t{path}\t{g['url']}")
    res = subprocess.run([probe], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True)
    sys.stderr.write(res.stderr)
    out = {}
    # Split on "\n" only: str.splitlines() also breaks on U+2028 inside texts.
    for line in res.stdout.split("\n"):
        if not line:
            continue
        r = json.loads(line)
        out[r["id"]] = r
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--probe", default="build/bench/probes/meta_probe")
    ap.add_argument("--pages", help="write per-page results (JSONL) here")
    ap.add_argument("--show", choices=["title", "author", "date"],
                    help="print the misses of one field")
    args = ap.parse_args()

    gold = load_gold(args.dataset)
    pred = run_probe(args.probe, args.dataset, gold)

    fields = {"title": norm, "author": norm, "date": norm_date}
    stats = {f: {"gold_n": 0, "gold_hit": 0, "all_n": 0, "all_hit": 0} for f in fields}
    rows = []
    for fid, g in gold.items():
        p = pred.get(fid, {})
        row = {"id": fid, "page_type": g["page_type"]}
        for f, fn in fields.items():
            gv, pv = fn(g[f]), fn(p.get(f))
            hit = gv == pv
            st = stats[f]
            st["all_n"] += 1
            st["all_hit"] += hit
            if gv is not None:
                st["gold_n"] += 1
                st["gold_hit"] += hit
            row[f] = {"gold": g[f], "pred": p.get(f), "hit": hit}
            if f == "date":
                row[f]["source"] = p.get("date_source")
            if args.show == f and not hit:
                print(f"{fid} [{g['page_type']}] gold={g[f]!r} pred={p.get(f)!r}"
                      + (f" src={p.get('date_source')}" if f == "date" else ""))
        rows.append(row)

    if args.pages:
        with open(args.pages, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    print(f"pages: {len(gold)}")
    print(f"{'field':8} {'gold pages':>22} {'all pages':>22}")
    for f, st in stats.items():
        a = st["gold_hit"] / st["gold_n"] if st["gold_n"] else 0.0
        b = st["all_hit"] / st["all_n"] if st["all_n"] else 0.0
        print(f"{f:8} {a:8.3f} ({st['gold_hit']:4}/{st['gold_n']:4}) "
              f"{b:8.3f} ({st['all_hit']:4}/{st['all_n']:4})")


if __name__ == "__main__":
    main()
