"""Loaders for the three gold sets, read from their original location.

Each loader yields Page objects (set name, page id, path of the .html.gz, URL,
gold). Nothing here copies pages or gold text anywhere.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any, Optional

SETS = ("scrapinghub", "trafilatura-eval", "wcxb")

# Each set is split in two by a fixed hash of the page id: rules and thresholds
# are tuned on "tune" only, and a gain counts when it shows on "check" too.
HALVES = ("tune", "check")


@dataclass
class Page:
    """One gold page: where its HTML is and what the gold says."""
    set: str
    id: str
    path: str
    url: Optional[str]
    gold: Any


def default_datasets_dir() -> str:
    """$SARING_DATASETS, else ../shared/datasets relative to the repository root (bench/..)."""
    if os.environ.get("SARING_DATASETS"):
        return os.environ["SARING_DATASETS"]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.normpath(os.path.join(repo, "..", "shared", "datasets"))


def _read_index(root: str, set_dir: str, index_name: str) -> tuple[str, dict]:
    """A set's folder and its JSON index (gold file), read once."""
    base = os.path.join(root, set_dir)
    with open(os.path.join(base, index_name), encoding="utf-8") as f:
        return base, json.load(f)


def load_scrapinghub(root: str) -> list[Page]:
    base, gt = _read_index(root, "scrapinghub", "ground-truth.json")
    return [Page("scrapinghub", key, os.path.join(base, "html", key + ".html.gz"),
                 gt[key].get("url"), gt[key].get("articleBody") or "")
            for key in sorted(gt)]


def load_trafilatura_eval(root: str) -> list[Page]:
    base, data = _read_index(root, "trafilatura-eval", "evaldata.json")
    return [Page("trafilatura-eval", data[url]["file"],
                 os.path.join(base, "html", data[url]["file"] + ".gz"), url,
                 {"with": data[url].get("with") or [], "without": data[url].get("without") or []})
            for url in sorted(data)]


def load_wcxb(root: str) -> list[Page]:
    base = os.path.join(root, "wcxb", "dev")
    gt_dir = os.path.join(base, "ground-truth")
    pages = []
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
            data = json.load(f)
        gold = data.get("ground_truth") or {}
        page_id = name[:-len(".json")]
        internal = data.get("_internal")
        page_type = None
        if isinstance(internal, dict) and isinstance(internal.get("page_type"), dict):
            page_type = internal["page_type"].get("primary")
        gold = dict(gold)
        gold["page_type"] = page_type
        pages.append(Page("wcxb", page_id, os.path.join(base, "html", page_id + ".html.gz"),
                          data.get("url"), gold))
    return pages


LOADERS = {
    "scrapinghub": load_scrapinghub,
    "trafilatura-eval": load_trafilatura_eval,
    "wcxb": load_wcxb,
}


def half_of(page_id: str) -> str:
    """'tune' or 'check', from the first byte of the SHA-256 of the page id (fixed forever)."""
    return HALVES[hashlib.sha256(page_id.encode("utf-8")).digest()[0] & 1]


def load(root: str, sets=SETS, limit: Optional[int] = None,
         half: Optional[str] = None) -> dict[str, list[Page]]:
    """Loads the named sets, only the pages of one half when `half` is given;
    pages whose HTML file is missing are left out (and counted by the caller)."""
    out = {}
    for name in sets:
        pages = LOADERS[name](root)
        if half:
            pages = [p for p in pages if half_of(p.id) == half]
        if limit:
            pages = pages[:limit]
        out[name] = pages
    return out


def read_html_bytes(path: str) -> bytes:
    """Raw (decompressed) bytes of a page."""
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return f.read()
    with open(path, "rb") as f:
        return f.read()


def html_size(path: str) -> int:
    """Decompressed size in bytes (from the gzip trailer when possible)."""
    if path.endswith(".gz"):
        return len(read_html_bytes(path))
    return os.path.getsize(path)
