"""saring: clean, structured, deduplicated text from web captures.

    import saring

    text = saring.extract(html, "https://example.org/story")          # str
    doc = saring.extract(html, output_format="python")                # saring.Document
    for doc in saring.extract_many(pages, threads=4, output_format="python"):
        ...
    saring.run(["crawl.warc.gz"], "corpus/")                          # = saring run
    for record in saring.read_records("crawl.warc.gz"):
        ...

Keyword options have the names of the command-line flags with '-' as '_'
(``--max-bytes`` is ``max_bytes``), and each function's help() lists them.
docs/python.md describes every function.
"""

import os as _os

from . import _native
from .corpus import RecordReader, read_records, report, run
from .errors import BadInputError, Error, FileError, ModelError, RecordError
from .pages import clean, extract, extract_many, extract_metadata, identify_language
from .records import Document, Metadata, Progress, Record, RunResult, Source

__version__: str = _native.__version__

__all__ = [
    "extract", "extract_many", "extract_metadata", "clean", "identify_language",
    "run", "read_records", "RecordReader", "report",
    "Document", "Metadata", "Record", "Source", "Progress", "RunResult",
    "Error", "BadInputError", "RecordError", "ModelError", "FileError",
]


def _use_packaged_model() -> None:
    """An installed package carries the language model in data/; C++ uses it
    unless SARING_LID_MODEL names another."""
    path = _os.path.join(_os.path.dirname(__file__), "data", "lid.176.ftz")
    if _os.path.exists(path):
        _native._set_default_model_path(path)


_use_packaged_model()
