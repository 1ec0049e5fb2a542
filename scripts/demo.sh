#!/usr/bin/env bash
# Installs dependencies, builds, and runs saring's main job on the sample that
# ships with the repo: `saring run` turns a small crawl (WARC of pages we
# wrote, several languages, with near-duplicates) into a clean corpus, then
# shows what was kept, what was rejected and why, and writes the report page.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
saring="$here/build/tools/saring/saring"
out="$here/build/demo-corpus"
rm -rf "$out"
"$saring" run "$here/tests/fixtures/corpus/sample.warc.gz" -o "$out"
/usr/bin/python3 "$here/scripts/show-corpus.py" "$out"
report="$("$saring" report "$out")"
echo "The report (open it in a browser): $report"
