#!/usr/bin/python3
"""Prints a short view of a `saring run` output folder: kept documents,
rejected ones with their stage and reason, and the stage counts."""
import glob
import json
import subprocess
import sys


def records(pattern):
    for path in sorted(glob.glob(pattern)):
        out = subprocess.run(["zstdcat", path], check=True, capture_output=True).stdout
        for line in out.decode("utf-8").splitlines():
            yield json.loads(line)


def main(outdir):
    print(f"== kept ({outdir}/*.jsonl.zst): language, url, first words")
    for d in records(f"{outdir}/*.jsonl.zst"):
        lang = d.get("metadata", {}).get("language")
        print(f"  {lang}\t{d.get('url')}\t{d.get('text', '')[:60]!r}")
    print(f"== rejected ({outdir}/rejected/*.jsonl.zst): stage, reason, url")
    for d in records(f"{outdir}/rejected/*.jsonl.zst"):
        extra = f" (duplicate of {d['dup_of']})" if d.get("dup_of") else ""
        print(f"  {d.get('stage')}\t{d.get('reason')}\t{d.get('url')}{extra}")
    with open(f"{outdir}/stats.json", encoding="utf-8") as f:
        stats = json.load(f)
    print(f"== stats ({outdir}/stats.json)")
    print(json.dumps(stats, indent=1)[:1500])


if __name__ == "__main__":
    main(sys.argv[1])
