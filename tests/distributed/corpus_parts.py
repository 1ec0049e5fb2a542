#!/usr/bin/python3
"""Cuts a crawl file of one gzip member per record into several input files.

    corpus_parts.py WARC_GZ PARTS FOLDER     (prints the paths, one a line)

The distributed tests give saring several inputs, so that every shard reads
some and duplicates fall in different shards.
"""

from __future__ import annotations

import os
import sys
import zlib


def split_warc(path: str, parts: int, folder: str) -> list[str]:
    """Writes FOLDER/crawl-I.warc.gz, I < parts, each a run of whole members of `path`."""
    with open(path, "rb") as f:
        data = f.read()
    members, pos = [], 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        end = len(data) - len(d.unused_data)
        members.append(data[pos:end])
        pos = end
    paths = []
    for i in range(parts):
        p = os.path.join(folder, f"crawl-{i}.warc.gz")
        with open(p, "wb") as f:
            f.write(b"".join(members[len(members) * i // parts:len(members) * (i + 1) // parts]))
        paths.append(p)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip())
    print("\n".join(split_warc(sys.argv[1], int(sys.argv[2]), sys.argv[3])))
