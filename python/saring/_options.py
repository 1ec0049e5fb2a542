"""Keyword options: their names come from saring's option table (a flag
``--max-bytes`` is the keyword ``max_bytes``); trafilatura's names are taken
where users will type them. The native layer checks names and values."""

from __future__ import annotations

from typing import Any, Callable

from . import _native

# trafilatura's keyword -> the option table's.
TRAFILATURA_NAMES = {
    "include_comments": "comments",
    "include_tables": "tables",
    "include_links": "links",
    "include_images": "images",
    "include_formatting": "formatting",
    "favor_precision": "precision",
    "favor_recall": "recall",
}


def merge(options: dict[str, Any], **trafilatura: Any) -> dict[str, Any]:
    """The table's options with trafilatura's (those not None) renamed in;
    the same option under both names is an error."""
    merged = dict(options)
    for name, value in trafilatura.items():
        if value is None:
            continue
        table_name = TRAFILATURA_NAMES[name]
        if table_name in merged:
            raise TypeError(f"{name} and {table_name} are the same option: give one")
        merged[table_name] = value
    return merged


def documented(function: str, explicit: tuple[str, ...] = ()) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Appends the options `function` takes, from the table, to the
    docstring, so help() lists them with their defaults; `explicit` ones
    are parameters of their own, described above."""
    aliases = {table: trafilatura for trafilatura, table in TRAFILATURA_NAMES.items()}

    def add(f: Callable[..., Any]) -> Callable[..., Any]:
        lines = ["", "    Options (keyword arguments):", ""]
        for name, kind, default, help_text, choices in _native.options(function):
            if name in explicit:
                continue
            also = f" (or {aliases[name]})" if function == "extract" and name in aliases else ""
            what = kind + (f": {choices.replace(',', ', ')}" if choices else "")
            default = f"; default {default}" if default else ""
            lines.append(f"        {name}{also} ({what}{default})")
            lines.append(f"            {help_text}")
        f.__doc__ = (f.__doc__ or "").rstrip() + "\n" + "\n".join(lines) + "\n"
        return f

    return add
