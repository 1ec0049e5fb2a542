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
    """Writes FOLDER/crawl-I.warc.gz, I < parts: runs of whole members of `path`, of about equal bytes."""
    with open(path, "rb") as f:
        data = f.read()
    # Each member is found by inflating it chunk by chunk: what is left past
    # its end (unused_data) is then at most one chunk, not the rest of the file.
    view, members, pos = memoryview(data), [], 0
    while pos < len(data):
        d, end = zlib.decompressobj(31), pos
        while not d.eof:
            chunk = view[end:end + (1 << 16)]
            if not chunk:
                raise ValueError(f"{path}: truncated gzip member at byte {pos}")
            d.decompress(chunk)
            end += len(chunk)
        end -= len(d.unused_data)
        members.append(view[pos:end])
        pos = end
    # Cut by bytes, so the parts are about equally large.
    chosen: list[list] = [[] for _ in range(parts)]
    start = 0
    for m in members:
        chosen[min(parts - 1, start * parts // max(1, len(data)))].append(m)
        start += len(m)
    paths = []
    for i, part in enumerate(chosen):
        p = os.path.join(folder, f"crawl-{i}.warc.gz")
        with open(p, "wb") as f:
            f.write(b"".join(part))
        paths.append(p)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip())
    print("\n".join(split_warc(sys.argv[1], int(sys.argv[2]), sys.argv[3])))
