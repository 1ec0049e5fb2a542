"""The typed results of saring's functions: frozen dataclasses built from
what the native layer returns. Their fields, in order, are the fields of the
records saring writes (``saring extract --format json``, ``saring run``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def _from_native(cls: type[T], values: dict[str, Any]) -> T:
    """Lists become tuples, so a record stays immutable."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


class _Record:
    def as_dict(self) -> dict[str, Any]:
        """The fields as a dict in their order (tuples as lists), the shape
        ``json.dumps`` writes as saring's own JSON."""
        def plain(v: Any) -> Any:
            if isinstance(v, tuple):
                return [plain(x) for x in v]
            if isinstance(v, _Record):
                return v.as_dict()
            return v
        return {f.name: plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Document(_Record):
    """One page's main text and metadata: ``extract(..., output_format="python")``.

    A field the page lacks is None; ``date_source`` and ``language_score``
    are None when ``date`` and ``language`` are."""

    url: str | None
    title: str | None
    author: str | None
    date: str | None  # ISO 8601, with the time zone when known
    date_source: str | None  # which signal gave the date: "json-ld", "meta:...", "url", ...
    sitename: str | None
    sources: tuple[str, ...]  # news agencies the text credits ("Reuters", "ANTARA", ...)
    description: str | None
    language: str | None  # ISO 639 code, None when the text is too short to tell
    language_score: float | None
    tags: tuple[str, ...]
    image: str | None
    page_type: str | None
    extraction_stage: str  # which extractor found the text
    charset: str  # what the bytes were decoded as
    text: str  # plain text or Markdown


@dataclass(frozen=True)
class Metadata(_Record):
    """A page's metadata without its text: ``extract_metadata()``."""

    url: str | None  # the URL given, else the page's canonical URL
    title: str | None
    author: str | None
    date: str | None
    date_source: str | None
    sitename: str | None
    description: str | None
    tags: tuple[str, ...]
    image: str | None
    page_type: str | None
    language_hint: str | None  # the page's <html lang>, as written


@dataclass(frozen=True)
class Source(_Record):
    """Where a record was read: ``path``, the item's ``index`` in its input
    (from 0, errors counted), for WARC the decoded byte ``offset`` of its
    ``WARC/1.x`` line and the file offset of its gzip member or zstd frame
    (``member_offset``, the ``offset`` saring run writes), for JSONL its
    1-based ``line`` (0 otherwise)."""

    path: str
    index: int
    offset: int
    member_offset: int
    line: int


@dataclass(frozen=True)
class Record(_Record):
    """One input record as io's readers yield it: ``read_records()``.

    ``kind`` is "html" (``html`` holds the bytes as served, any charset) or
    "text" (``text`` holds UTF-8 text: WET conversion records, JSONL
    ``text``). The HTTP fields are None when the record did not come from an
    HTTP response."""

    id: str  # WARC-Record-ID, JSONL `id`, or the file path
    url: str | None
    kind: str
    html: bytes | None
    text: str | None
    http_status: int | None
    content_type: str | None  # lower-case media type, "text/html"
    http_charset: str | None  # charset parameter of Content-Type
    warc_date: str | None
    # Every header field in file order, names as written, as (name, value)
    # pairs: the WARC record's, and its HTTP response's (empty for other
    # inputs). header() looks one up.
    warc_headers: tuple[tuple[str, str], ...]
    http_headers: tuple[tuple[str, str], ...]
    source: Source

    def header(self, name: str) -> str | None:
        """The first WARC header field, else HTTP header field, called
        ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        for key, value in (*self.warc_headers, *self.http_headers):
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Progress(_Record):
    """Where a ``run()`` is, as its ``progress`` callback sees it."""

    items: int
    kept: int
    rejected: int
    raw_bytes: int
    elapsed_seconds: float
    input_bytes_done: int  # on-disk bytes of the inputs, approximately
    input_bytes_total: int  # 0 when unknown (standard input)
    resumed: bool


@dataclass(frozen=True)
class RunResult(_Record):
    """What a ``run()`` did: the counts of OUTDIR/stats.json and how the
    run went (stats.json holds the same counts)."""

    items: int
    kept: int
    rejected: int
    read_errors: int
    first_read_errors: tuple[str, ...]  # "path@offset: message", the first few
    raw_bytes: int
    html_bytes: int
    text_bytes_out: int
    rejected_by_stage: dict[str, dict[str, int]]  # stage -> reason -> documents
    skipped_by_reader: dict[str, int]  # "warc-type:request" -> records
    seconds: dict[str, float]
    resumed: bool  # continued a run that was stopped
    already_complete: bool  # the output directory already held this run
    kept_shards: int
    rejected_shards: int
