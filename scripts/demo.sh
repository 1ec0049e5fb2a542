#!/usr/bin/env bash
# Installs dependencies, builds, and runs saring's main job on the sample that
# ships with the repo: `saring run` turns a small crawl (WARC of pages we
# wrote, several languages, with near-duplicates) into a clean corpus, then
# shows what was kept, what was rejected and why.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
saring="$here/build/tools/saring/saring"
out="$here/build/demo-corpus"
rm -rf "$out"
"$saring" run "$here/tests/fixtures/corpus/sample.warc.gz" -o "$out"
echo "== kept documents ($out/*.jsonl.zst): id, language, url, first words"
zstdcat "$out"/*.jsonl.zst | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    lang = d.get("metadata", {}).get("language")
    print(f"{d.get(\"id\")}\t{lang}\t{d.get(\"url\")}\t{d.get(\"text\", \"\")[:70]!r}")'
echo "== rejected documents: stage, reason"
zstdcat "$out"/rejected/*.jsonl.zst 2>/dev/null | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(f"{d.get(\"url\")}\t{d.get(\"stage\")}\t{d.get(\"reason\")}")'
echo "== stats: $out/stats.json"
head -c 2000 "$out/stats.json"; echo
