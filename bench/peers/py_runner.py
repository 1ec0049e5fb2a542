#!/usr/bin/python3
"""Python peers of the bench: readability-lxml (Debian's python3-readability),
trafilatura 2.2 (set up outside the repository by
../shared/peers/setup-trafilatura.sh, found through its env.sh's PYTHONPATH)
and the whole-page-text baseline, all on lxml.

Used in-process by run_accuracy.py (extract_* functions) and as a process by
run_speed.py:  py_runner.py TOOL --input-list LIST  writes one JSON record per
input line (PATH<TAB>URL) to stdout, in input order, and at the end one line
``{"bench_stats": {"pages": N, "seconds": T, "cpu_seconds": C}}`` on stderr,
T and C being the wall and CPU time spent in the page loop (reading,
decompressing, extracting, writing).

Charset: both tools get text decoded the same way (BOM, then a declared
charset in the first bytes, then strict UTF-8, then cp1252), so neither is
penalised by libxml2's latin-1 default for undeclared pages.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time

import lxml.html
from lxml import etree

logging.getLogger("readability").setLevel(logging.CRITICAL)

# Elements whose content is never visible text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "iframe", "object", "embed", "svg", "math", "canvas", "select", "option",
})
# Elements that start a new line of text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def decode_html(raw: bytes) -> str:
    """Bytes to text: BOM, declared charset (first 4 KB), UTF-8, then cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = m.group(1).decode("ascii", "ignore").lower()
        if label in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            label = "cp1252"  # as browsers do
        try:
            return raw.decode(label, "replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def parse_html(text: str):
    """lxml document from text (an XML declaration would make lxml refuse a str)."""
    text = _XML_DECL.sub("", text, count=1)
    return lxml.html.document_fromstring(text)


def element_text(root) -> str:
    """Visible text under root: skips non-visible elements, one line per block, paragraphs kept apart."""
    parts: list[str] = []
    # explicit stack: pages can nest deeper than Python's recursion limit
    stack = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None
        if closing:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if tag is None:  # comment or processing instruction: only its tail is text
            if el.tail:
                parts.append(el.tail)
            continue
        tag = tag.lower()
        if tag in SKIP_TAGS or el.get("hidden") is not None:
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        for child in reversed(el):
            stack.append((child, False))
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def extract_baseline(raw: bytes, url: str | None = None) -> dict:
    """Whole-page visible text (the lower bound every extractor should beat)."""
    doc = parse_html(decode_html(raw))
    title_el = doc.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    body = doc.find("body")
    return {"title": title, "text": element_text(body if body is not None else doc)}


def extract_readability(raw: bytes, url: str | None = None) -> dict:
    """readability-lxml: summary() HTML turned into text the same way as the baseline."""
    from readability import Document
    doc = Document(decode_html(raw), url=url)
    summary = doc.summary(html_partial=True)
    text = element_text(lxml.html.fragment_fromstring(summary, create_parent="div")) if summary else ""
    return {"title": doc.short_title() or None, "text": text}


def extract_trafilatura(raw: bytes, url: str | None = None) -> dict:
    """trafilatura with its defaults (precision and recall balanced, no comments,
    tables kept), metadata on; it reads the bytes and decodes them itself."""
    import trafilatura
    result = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False)
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    if not result:
        return {"title": None, "text": "", "author": None, "date": None}
    return {"title": result.get("title"), "text": result.get("text") or "",
            "author": result.get("author"), "date": result.get("date")}


EXTRACTORS = {
    "baseline": extract_baseline,
    "readability-lxml": extract_readability,
    "trafilatura": extract_trafilatura,
}


sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from datasets import read_html_bytes as read_input  # noqa: E402  (bench/datasets.py)


def run_one(tool: str, path: str, url: str | None) -> dict:
    """One record, with ``error`` instead of text when the page failed."""
    rec = {"source": path, "url": url}
    try:
        rec.update(EXTRACTORS[tool](read_input(path), url))
    except (Exception, RecursionError) as exc:  # a peer failing on a page is a scored miss
        rec.update({"title": None, "text": None, "error": f"{type(exc).__name__}: {exc}"})
    return rec


def read_list(list_path: str):
    with open(list_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            path, _, url = line.partition("\t")
            yield path, (url or None)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] != "--input-list" or argv[0] not in EXTRACTORS:
        sys.stderr.write("usage: py_runner.py {baseline|readability-lxml|trafilatura} --input-list LIST\n")
        return 2
    tool, list_path = argv[0], argv[2]
    out = sys.stdout
    n = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for path, url in read_list(list_path):
        out.write(json.dumps(run_one(tool, path, url), ensure_ascii=False) + "\n")
        n += 1
    out.flush()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    sys.stderr.write(json.dumps({"bench_stats": {"pages": n, "seconds": seconds, "cpu_seconds": cpu}}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
