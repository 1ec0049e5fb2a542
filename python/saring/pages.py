"""One page or one text at a time, or many pages on C++ threads."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Iterable, Iterator, Literal, Union, overload

from . import _native
from ._options import documented, merge
from .errors import BadInputError, Error
from .records import Document, Metadata, _from_native

# HTML as str or bytes, or a file (os.PathLike, read on a C++ thread); alone
# or with its URL.
Html = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
Page = Union[Html, tuple[Html, Union[str, None]]]

# output_format -> (Markdown text, the native layer's shape).
_FORMATS = {
    "txt": (False, "text"),
    "markdown": (True, "text"),
    "md": (True, "text"),
    "json": (False, "json"),
    "python": (False, "record"),
}


def _format(output_format: str) -> tuple[bool, str]:
    try:
        return _FORMATS[output_format]
    except (KeyError, TypeError):
        raise BadInputError(f"output_format must be one of {', '.join(_FORMATS)}, "
                            f"not {output_format!r}") from None


def _result(value: Any, shape: str) -> str | Document:
    if shape == "record":
        return _from_native(Document, value)
    assert isinstance(value, str)
    return value


@overload
def extract(html: str | bytes, url: str | None = ..., *, output_format: Literal["python"],
            **options: Any) -> Document: ...
@overload
def extract(html: str | bytes, url: str | None = ..., *,
            output_format: Literal["txt", "markdown", "md", "json"] = ..., **options: Any) -> str: ...


@documented("extract", trafilatura=True)
def extract(html: str | bytes, url: str | None = None, *, output_format: str = "txt",
            with_metadata: bool = False, include_comments: bool | None = None,
            include_tables: bool | None = None, include_links: bool | None = None,
            include_images: bool | None = None, include_formatting: bool | None = None,
            favor_precision: bool | None = None, favor_recall: bool | None = None,
            **options: Any) -> str | Document:
    """The main text of one HTML page, and its metadata.

    ``html`` is str or bytes in any charset (declared or detected); ``url``
    is the page's address (dates in URLs, relative links), else the page's
    canonical URL is used. ``output_format``:

    - "txt" (default): the text, paragraphs separated by a blank line;
    - "markdown" (or "md"): the text as Markdown;
    - "json": one line of JSON, the fields of ``saring extract --format
      json`` without ``source`` (only ``url`` and ``text`` unless
      ``with_metadata``);
    - "python": a :class:`saring.Document` with every field.

    ``with_metadata`` puts a YAML header of the known fields before txt and
    Markdown text (values written as JSON), and the fields into JSON.
    trafilatura's ``include_*`` and ``favor_*`` names are accepted for the
    options below. A page without main text gives empty text.

    Raises BadInputError (empty or oversized page, a bad option value),
    ModelError (no language model while ``language`` is on).
    """
    markdown, shape = _format(output_format)
    options = merge(options, include_comments=include_comments, include_tables=include_tables,
                    include_links=include_links, include_images=include_images,
                    include_formatting=include_formatting, favor_precision=favor_precision,
                    favor_recall=favor_recall)
    return _result(_native.extract(html, url, options, markdown, shape, with_metadata), shape)


@documented("extract", trafilatura=True)
def extract_many(pages: Iterable[Page], *, threads: int = 0, output_format: str = "txt",
                 with_metadata: bool = False, errors: Literal["raise", "return"] = "raise",
                 batch_size: int = 0, include_comments: bool | None = None,
                 include_tables: bool | None = None, include_links: bool | None = None,
                 include_images: bool | None = None, include_formatting: bool | None = None,
                 favor_precision: bool | None = None, favor_recall: bool | None = None,
                 **options: Any) -> Iterator[Any]:
    """``extract()`` over many pages on ``threads`` C++ threads (0: all
    cores), with the GIL released; yields one result per page, in input
    order, as ``extract()`` returns it for ``output_format``.

    ``pages`` is any iterable of HTML (str or bytes) or (html, url) pairs;
    html may also be a file's path as an ``os.PathLike`` (``pathlib.Path``),
    read on the C++ threads as ``saring extract FILE`` reads it (a file that
    cannot be read is that page's FileError);
    it is read lazily, ``batch_size`` pages at a time (default: 32 per
    thread), at most two batches ahead of the results taken, so memory stays
    bounded for any number of pages. A page that
    fails raises its error (``errors="raise"``) or, with
    ``errors="return"``, its :class:`saring.Error` takes its place and the
    rest go on. Options and the language model are checked at the call.
    """
    if isinstance(pages, (str, bytes)):
        raise TypeError("pages must be an iterable of pages; extract() takes one page")
    markdown, shape = _format(output_format)
    if errors not in ("raise", "return"):
        raise BadInputError(f"errors must be 'raise' or 'return', not {errors!r}")
    if not isinstance(threads, int) or threads < 0:
        raise BadInputError("threads must be a number >= 0 (0: all cores)")
    options = merge(options, include_comments=include_comments, include_tables=include_tables,
                    include_links=include_links, include_images=include_images,
                    include_formatting=include_formatting, favor_precision=favor_precision,
                    favor_recall=favor_recall)
    # An empty batch checks the options and the model now, not at the first page.
    _native.extract_many([], options, markdown, shape, with_metadata, threads)
    size = batch_size or 32 * (threads or os.cpu_count() or 1)

    def results() -> Iterator[Any]:
        # Three batches overlap, as in the command line's pipeline: while a
        # helper thread extracts one (waiting in C++ without the GIL), the
        # caller's thread reads the next from `pages` (which may read files)
        # and then hands out the previous one's results.
        page_iter = iter(pages)

        def take() -> list[Any]:
            return list(itertools.islice(page_iter, size))

        def submit(pool: ThreadPoolExecutor, batch: list[Any]) -> Future[list[Any]] | None:
            if not batch:
                return None
            return pool.submit(_native.extract_many, batch, options, markdown, shape, with_metadata, threads)

        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = submit(pool, take())
            while pending is not None:
                following = take()
                done = pending.result()
                pending = submit(pool, following)
                for value in done:
                    if isinstance(value, Error):
                        if errors == "raise":
                            raise value
                        yield value
                    else:
                        yield _result(value, shape)

    return results()


@documented("extract")
def extract_metadata(html: str | bytes, url: str | None = None, **options: Any) -> Metadata:
    """The metadata of one HTML page without its text (no extraction, no
    language identification, so faster than ``extract()``): a
    :class:`saring.Metadata`. Of the options, ``parser`` and ``max_bytes``
    matter here.

    Raises BadInputError for an empty or oversized page.
    """
    return _from_native(Metadata, _native.extract_metadata(html, url, options))


@documented("clean")
def clean(text: str, **options: Any) -> dict[str, Any]:
    """Repairs one text dump (what a careless extractor left): a dict with
    the kept ``text``, the ``title``, ``date``, ``dateline``, ``author``,
    ``sources`` and ``language`` found, and every ``removed`` line as
    {"line", "reason", "text"}.

    Raises BadInputError (text over ``max_bytes``), ModelError (no language
    model while ``language`` is on).
    """
    return _native.clean(text, options)


def identify_language(text: str) -> tuple[str, float] | None:
    """(ISO 639 code, probability) of the text's language, or None when the
    text is too short to tell. Raises ModelError without the model."""
    return _native.identify_language(text)
