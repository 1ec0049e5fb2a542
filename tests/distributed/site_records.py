#!/usr/bin/python3
"""Writes JSONL text records of a few sites for corpus-mode tests.

    site_records.py FOLDER [FILES] [PER_FILE]

Each site's documents share some furniture lines (a line in 2, 3 or more of
them), spread over the files, so that a shard alone does not see the counts
that a run over all the files sees. Deterministic: the same files each time.
"""

from __future__ import annotations

import json
import os
import random
import sys

WORDS = ("river market council garden school bread library village morning volunteers "
         "weather harvest bridge station neighbours teacher children water summer project").split()
FURNITURE = (
    "Readers of this site support the work of our reporters every single week.",
    "Our weekend edition brings the long stories of the valley to your door.",
    "Letters to the editor are read by the whole team before each issue goes out.",
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 15))]
    return "The " + " ".join(words[:len(words) // 2]) + " and the " + " ".join(words[len(words) // 2:]) + "."


def write(folder: str, files: int = 4, per_file: int = 10) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(7)
    paths = []
    for f in range(files):
        path = os.path.join(folder, f"part{f}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for k in range(per_file):
                g = f * per_file + k
                site = "abcd"[g % 4]
                paragraphs = [" ".join(sentence(rng) for _ in range(3)) for _ in range(2)]
                for line, text in enumerate(FURNITURE):
                    if (g // 4 + line) % (line + 2) == 0:
                        paragraphs.append(text)
                out.write(json.dumps({"id": f"doc-{g}", "url": f"https://www.site{site}.example/story/{g}",
                                      "text": "\n\n".join(paragraphs)}) + "\n")
        paths.append(path)
    return paths


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    write(args[0], *(int(a) for a in args[1:3]))
