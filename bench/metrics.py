"""Accuracy metrics of the three public gold sets, written from their authors'
descriptions (no upstream code is copied).

scrapinghub (article-extraction-benchmark)
    Text is cut into ``\\w+`` tokens (case kept) and into 4-token shingles; a
    text shorter than four tokens gives one shorter shingle, an empty text none.
    Per page, shingle multisets of gold and prediction give TP (common count),
    FP (extra predicted), FN (missing); the three are divided by their sum so
    that long pages weigh no more than short ones. Over the set, precision is
    the mean of the per-page precisions over pages with TP+FP > 0, recall the
    mean of per-page recalls over pages with TP+FN > 0 (a page where FP = FN = 0
    scores 1), and F1 = 2PR/(P+R). This is what the upstream evaluation script
    computes. We also report the "summed fractions" variant (sum the normalised
    TP/FP/FN over pages, then P = TP/(TP+FP), ...) as ``*_summed``.

trafilatura-eval
    Each page has ``with`` snippets (must be in the output) and ``without``
    snippets (must not). After collapsing whitespace runs to one space in the
    snippets and in the output, a ``with`` snippet found is a TP, missing an FN;
    a ``without`` snippet found is an FP, absent a TN. Counts are pooled over
    all pages; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN). A failed
    extraction counts as empty output.

wcxb (dev)
    Per page, bag-of-words overlap of lowercase ``\\w+`` tokens between the
    output and ``main_content``: P = overlap/len(pred), R = overlap/len(gold),
    F1 harmonic mean; an empty gold scores 1 when the output is empty too,
    else 0; an empty output scores 0. The set's P, R, F1 are the means of the
    per-page values. Snippet rates: per page, the fraction of ``with`` snippets
    found in the output (lowercased, whitespace collapsed) and the same for
    ``without`` snippets (lower is better), each averaged over the pages that
    have such snippets. Metadata: title, author and date "exact match" rates over the
    pages whose gold value is non-empty; title and author compare after
    Unicode NFKC, case folding and whitespace collapsing; the date compares
    the first 10 characters (YYYY-MM-DD) of the output with the gold date (or
    the gold's length when the gold is only YYYY-MM).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+", re.UNICODE)

SHINGLE_SIZE = 4


def collapse_ws(text: Optional[str]) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text or "").strip()


def tokens(text: Optional[str]) -> list[str]:
    """``\\w+`` tokens of text, case kept."""
    return _WORD_RE.findall(text or "")


# --------------------------------------------------------------------------- scrapinghub


def shingles(text: Optional[str], n: int = SHINGLE_SIZE) -> Counter:
    """Multiset of n-token shingles; a text of 1..n-1 tokens gives one short shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class ShingleScore:
    """One page's TP/FP/FN fractions (summing to 1, or all 0 when both texts are empty)."""
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> Optional[float]:
        """Per-page precision, None when the page has no predicted shingle (TP+FP == 0)."""
        if self.tp + self.fp <= 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> Optional[float]:
        """Per-page recall, None when the page has no gold shingle (TP+FN == 0)."""
        if self.tp + self.fn <= 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1 (for looking at worst pages; the set score is not the mean of these)."""
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom > 0 else 1.0


def scrapinghub_page(gold: Optional[str], pred: Optional[str]) -> ShingleScore:
    """TP/FP/FN fractions of 4-word shingles for one page."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return ShingleScore(0.0, 0.0, 0.0)
    return ShingleScore(tp / total, fp / total, fn / total)


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def scrapinghub_summary(scores: Sequence[ShingleScore]) -> dict:
    """Set-level precision/recall/F1 as upstream (means of per-page values), plus the summed variant."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    ps = tp / (tp + fp) if tp + fp > 0 else 0.0
    rs = tp / (tp + fn) if tp + fn > 0 else 0.0
    return {
        "pages": len(scores),
        "precision": p,
        "recall": r,
        "f1": _harmonic(p, r),
        "precision_summed": ps,
        "recall_summed": rs,
        "f1_summed": _harmonic(ps, rs),
    }


# --------------------------------------------------------------------------- trafilatura-eval


@dataclass(frozen=True)
class SnippetCounts:
    """Confusion counts of with/without snippets."""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: "SnippetCounts") -> "SnippetCounts":
        return SnippetCounts(self.tp + other.tp, self.fp + other.fp,
                             self.fn + other.fn, self.tn + other.tn)


def trafilatura_page(with_snippets: Iterable[str], without_snippets: Iterable[str],
                     pred: Optional[str]) -> SnippetCounts:
    """Whitespace-collapsed substring matching of the page's snippets in the output."""
    out = collapse_ws(pred)
    with_l = [collapse_ws(s) for s in with_snippets]
    without_l = [collapse_ws(s) for s in without_snippets]
    tp = sum(1 for s in with_l if out and s in out)
    fp = sum(1 for s in without_l if out and s in out)
    return SnippetCounts(tp=tp, fp=fp, fn=len(with_l) - tp, tn=len(without_l) - fp)


def trafilatura_summary(counts: Iterable[SnippetCounts]) -> dict:
    """Pooled precision/recall/accuracy/F1 over all pages."""
    total = SnippetCounts()
    n = 0
    for c in counts:
        total = total + c
        n += 1
    tp, fp, fn, tn = total.tp, total.fp, total.fn, total.tn
    all_ = tp + fp + fn + tn
    return {
        "pages": n,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / all_ if all_ else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0,
    }


# --------------------------------------------------------------------------- wcxb


def word_prf(gold: Optional[str], pred: Optional[str]) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 on lowercase \\w+ tokens."""
    g = Counter(tokens((gold or "").lower()))
    p = Counter(tokens((pred or "").lower()))
    if not g:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return (0.0, 0.0, 0.0)
    overlap = sum((g & p).values())
    precision = overlap / sum(p.values())
    recall = overlap / sum(g.values())
    return precision, recall, _harmonic(precision, recall)


def snippet_rate(snippets: Sequence[str], pred: Optional[str]) -> float:
    """Fraction of snippets found in pred (lowercased, whitespace collapsed); 1.0 when there are none."""
    if not snippets:
        return 1.0
    out = collapse_ws(pred).lower()
    found = sum(1 for s in snippets if collapse_ws(s).lower() in out)
    return found / len(snippets)


def norm_field(value: Optional[str]) -> str:
    """Normalisation for title/author comparison: NFKC, case fold, collapsed whitespace."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return collapse_ws(unicodedata.normalize("NFKC", value).casefold())


def field_match(gold: Optional[str], pred) -> Optional[bool]:
    """Exact match after norm_field; None when the gold value is empty (not counted)."""
    g = norm_field(gold)
    if not g:
        return None
    if isinstance(pred, list):  # some tools give a list of authors
        pred = ", ".join(str(x) for x in pred)
    return norm_field(pred) == g


def date_match(gold: Optional[str], pred) -> Optional[bool]:
    """Compares the calendar date: gold YYYY-MM-DD (or YYYY-MM) against the output's leading part."""
    g = (gold or "").strip()
    if not g:
        return None
    p = (pred or "").strip() if isinstance(pred, str) else ""
    return len(p) >= len(g) and p[:len(g)] == g[:10]


@dataclass
class WcxbPage:
    """One wcxb page's scores."""
    precision: float
    recall: float
    f1: float
    with_rate: Optional[float]
    without_rate: Optional[float]
    title: Optional[bool] = None
    author: Optional[bool] = None
    date: Optional[bool] = None


def wcxb_page(gold: dict, record: dict) -> WcxbPage:
    """Scores one page: gold is the wcxb ``ground_truth`` object, record the tool's JSON record."""
    text = record.get("text") or ""
    p, r, f = word_prf(gold.get("main_content") or "", text)
    return WcxbPage(
        precision=p, recall=r, f1=f,
        with_rate=(snippet_rate(gold["with"], text) if gold.get("with") else None),
        without_rate=(snippet_rate(gold["without"], text) if gold.get("without") else None),
        title=field_match(gold.get("title"), record.get("title")),
        author=field_match(gold.get("author"), record.get("author")),
        date=date_match(gold.get("publish_date"), record.get("date")),
    )


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _rate(xs: Iterable[Optional[bool]]) -> tuple[Optional[float], int]:
    vals = [x for x in xs if x is not None]
    return (sum(vals) / len(vals) if vals else None), len(vals)


def wcxb_summary(pages: Sequence[WcxbPage]) -> dict:
    """Means of per-page word P/R/F1 and snippet rates; metadata match rates."""
    out = {
        "pages": len(pages),
        "precision": _mean([x.precision for x in pages]),
        "recall": _mean([x.recall for x in pages]),
        "f1": _mean([x.f1 for x in pages]),
        "with_rate": _mean([x.with_rate for x in pages if x.with_rate is not None]),
        "without_rate": _mean([x.without_rate for x in pages if x.without_rate is not None]),
    }
    for name in ("title", "author", "date"):
        rate, n = _rate(getattr(x, name) for x in pages)
        out[f"{name}_match"] = rate
        out[f"{name}_pages"] = n
    return out
