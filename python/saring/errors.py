"""The errors saring raises: one class per kind of failure, all under
:class:`saring.Error`.

    try:
        saring.extract(html)
    except saring.BadInputError as e:   # also a ValueError
        ...
"""

from __future__ import annotations

from typing import Any

from .records import Source


class Error(Exception):
    """Any failure saring reports (a failure of its own is this class itself)."""


class BadInputError(Error, ValueError):
    """Input saring cannot use: an empty or oversized page, a damaged archive
    record, an option value it does not know."""


class RecordError(BadInputError):
    """One record of an input could not be read. ``source`` says where; the
    reader goes on with the next record."""

    def __init__(self, message: str, source: dict[str, Any] | Source | None = None) -> None:
        super().__init__(message)
        self.source: Source | None = Source(**source) if isinstance(source, dict) else source


class ModelError(Error):
    """The language-identification model is missing or unreadable. Install it
    (scripts/fetch-model.sh), point SARING_LID_MODEL at it, or pass
    ``language=False``."""


class FileError(Error, OSError):
    """A file or directory could not be read or written."""
