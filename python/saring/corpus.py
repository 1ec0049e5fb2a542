"""Corpora: ``saring run`` as a call, and io's record readers as iterators."""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator, Literal, Union

from . import _native
from ._options import documented
from .errors import BadInputError, RecordError
from .records import Progress, Record, RunResult, Source, _from_native

Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def _paths(inputs: Paths) -> list[str]:
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)]
    return [os.fspath(p) for p in inputs]


@documented("run", explicit=("threads", "config", "shard"))
def run(inputs: Paths, output_dir: str | os.PathLike[str], *, threads: int | None = None,
        config: str | os.PathLike[str] | None = None, shard: tuple[int, int] | None = None,
        progress: Callable[[Progress], Any] | None = None, **options: Any) -> RunResult:
    """``saring run INPUT... -o OUTPUT_DIR`` as a library call (not the
    binary): WARC, WET, JSONL and HTML in; OUTPUT_DIR/part-*.jsonl.zst,
    rejected/ and stats.json out, byte for byte what the command writes.

    The command's semantics: calling again with the same inputs and options
    after an interruption resumes where the last commit left off, and after
    completion does nothing (``already_complete``); ``overwrite=True``
    starts afresh. ``threads`` (default all cores) does not change the
    output. ``config`` is a TOML file as for ``--config`` (the keywords
    override it); ``shard=(i, n)`` takes the i-th (0-based) of n contiguous
    parts of the input list. ``progress`` is called with a
    :class:`saring.Progress` about twice a second and once at the end, on
    the calling thread; an exception from it, or Ctrl-C, stops the run as
    a kill would (resumable) and is raised here.

    Returns a :class:`saring.RunResult`. Records that cannot be read are
    counted (``read_errors``) and written to rejected/, not raised. Raises
    BadInputError (no inputs, bad options, a missing input), FileError
    (an unusable output directory, a failing disk), ModelError.
    """
    if threads is not None:
        options["threads"] = threads
    if config is not None:
        options["config"] = os.fspath(config)
    if shard is not None:
        if (not isinstance(shard, tuple) or len(shard) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in shard)):
            raise BadInputError(f"shard must be a pair (i, n) of ints, not {shard!r}")
        options["shard"] = f"{shard[0]}/{shard[1]}"
    callback = None if progress is None else (lambda d: progress(Progress(**d)))
    result = _native.run(_paths(inputs), os.fspath(output_dir), options, callback)
    return _from_native(RunResult, result)


class RecordReader:
    """The records of some inputs, in order: an iterator of
    :class:`saring.Record` (see ``read_records()``)."""

    def __init__(self, inputs: Paths, errors: Literal["raise", "skip"], options: dict[str, Any]) -> None:
        if errors not in ("raise", "skip"):
            raise BadInputError(f"errors must be 'raise' or 'skip', not {errors!r}")
        self._native = _native.RecordReader(_paths(inputs), options)
        self._errors = errors
        self.errors_skipped = 0
        """Records that could not be read and were skipped (``errors="skip"``)."""

    def __iter__(self) -> Iterator[Record]:
        return self

    def __next__(self) -> Record:
        while True:
            try:
                values = next(self._native)
            except RecordError:
                if self._errors == "raise":
                    raise
                self.errors_skipped += 1
                continue
            values["source"] = Source(**values["source"])
            return Record(**values)

    @property
    def skipped(self) -> dict[str, int]:
        """What the readers passed over on purpose, by reason
        ("warc-type:request", "http-status:404", ...), for the inputs
        finished so far."""
        return self._native.skipped


@documented("read_records")
def read_records(inputs: Paths, *, errors: Literal["raise", "skip"] = "raise",
                 **options: Any) -> RecordReader:
    """The records of WARC (.warc, .warc.gz, .warc.zst), WET, JSONL and HTML
    files as :class:`saring.Record` objects, in order, read by the readers
    ``saring run`` uses, so saring can be one step of another pipeline:

        for record in saring.read_records("crawl.warc.gz"):
            if record.kind == "html":
                doc = saring.extract(record.html, record.url, output_format="python")

    ``inputs`` is a path, "-" (standard input) or a list of them;
    directories are read recursively in sorted order. Each record's
    ``source`` gives its offsets, as saring run reports them. WARC
    ``request``, ``metadata`` and non-2xx records are skipped
    (``RecordReader.skipped`` counts them). A record that cannot be read
    raises :class:`saring.RecordError` (``errors="raise"``; the next
    ``next()`` goes on after it) or is counted and passed over
    (``errors="skip"``).

    Raises BadInputError for a path that does not exist.
    """
    return RecordReader(inputs, errors, options)


def report(run_dirs: Paths, *, output: str | os.PathLike[str] | None = None) -> str:
    """``saring report OUTDIR... -o OUTPUT``: writes one self-contained HTML
    page of what a run kept and removed, and why, from the ``stats.json`` of
    one run folder or of several (the shards of a multi-machine run, added
    up); nothing is re-run and no shard is read. ``output`` defaults to
    ``report.html`` in the first folder. Returns the path written.

    Raises BadInputError (a folder without a usable stats.json) and
    FileError (the page cannot be written).
    """
    target = "" if output is None else os.fspath(output)
    return str(_native.report(_paths(run_dirs), target))
