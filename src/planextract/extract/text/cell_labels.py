"""What the cells and lone lines of a one-cell-per-line export read as: a
column label, a row number, a heading, a table's title. Pure predicates on
text, shared by the row grouping (``cell_rows``) and the readers."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from planextract.memo import shared_strings

ROW_NUMBER = re.compile(
    r"^\s*[A-Za-z]?\s?(?:\d{1,3}(?:(?:\.\s?|\s)\d{1,3}){0,2}|\d{4}\.\d{1,3})\.?\s*$")
_WORDS = re.compile(r"[\s/]+")
DATE_LIKE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\bon-?going\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{2}|\d{4})\b",
    re.I)
_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")
# a line that titles what follows: a grouping word with its number or letter (or a
# colon): "Section 2", "OBJECTIVE 4 - ACCESS", "Theme A:", "Strand: Race"; a word
# alone ("Area Manager", "Outcome lead") is text, an owner's title most often
_HEADING_WORD = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:section|objective|theme|part|priority|strand|outcome|"
    r"aim|goal|area|year|chapter|appendix|annex|workstream)"
    r"(?:\s*:|\s+(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b)", re.I)
# the answers a reading's memos keep (``word_set``, ``word_tuple``, ``_is_label``,
# ``is_title``, cell_rows' ``_header_row`` and ``_role``): the widths tried ask about
# the cells near each other, so a small memo still answers nearly every repeat. At
# 16,384 (4,096, 8,192) they grew all through a 1 MB read and filled at 10 MB: the
# read's high-water 2.6 -> 2.0x a 10 MB export bounded, its CPU level (issue 11,
# s19-cellsread). ``is_heading_line`` keeps its own: csv asks it of every line.
ANSWERS_KEPT = 1024
MIN_CAPITAL_WORDS = 3  # "RACE EQUALITY SCHEME" titles; "ACO HR" is an owner
MAX_HEADING_WORDS = 14
MAX_TITLE_WORDS = 10
_ABBREVIATED = re.compile(r"(?:^|\s)[A-Za-z]{1,4}\.$")  # "No.", "Ref.", "Dept.": not a sentence
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60
_DIGIT = re.compile(r"\d")
_ENDS_CLAUSE = re.compile(r"[.,;]$")
_ENDS_SENTENCE = re.compile(r"[.,;:]$")
_MD_HEADING = re.compile(r"^#{1,6}\s")


def words(text: str) -> list[str]:
    return [w for w in _WORDS.split(text.lower()) if w]


@lru_cache(maxsize=ANSWERS_KEPT)
def word_set(text: str) -> frozenset[str]:
    """``words`` as a set, remembered: a repeated header is matched cell by cell
    against every width tried."""
    return frozenset(words(text))


_SHARED = shared_strings()
INTERN = False  # the reference: sys.intern, as before (the tests swap it in)


@lru_cache(maxsize=ANSWERS_KEPT)
def word_tuple(text: str) -> tuple[str, ...]:
    """``words`` as a tuple, remembered, for a cell matched against a header's
    label sets (``issuperset``): every short cell a row start shows is asked, and
    a set an answer held 1.0 times a 1 MB export at the reader's peak, a tuple
    0.3 (issue 11; ``word_set`` kept for the labels and as the reference). Asked with
    the cell's own label (``words`` lowers its case: no lowered copy kept as a key),
    its words one string each (owners, dates and statuses repeat them) from a dict
    emptied with the memos, not ``sys.intern``: the warmed worker's intern table
    doubled on these words, 0.94 MiB kept (issue 11, ``memo.shared_strings``)."""
    found = words(text)
    if INTERN:
        return tuple(map(sys.intern, found))
    return tuple(map(_SHARED.setdefault, found, found))


def is_label(text: str) -> bool:
    """A column label: a few words, not opening in small letters (the rest of
    a sentence), no digits, no full stop, not a date."""
    return len(text) <= MAX_LABEL_CHARS and _is_label(text)


@lru_cache(maxsize=ANSWERS_KEPT)
def _is_label(text: str) -> bool:
    """``is_label`` of label-sized text, remembered: every width tried asks again."""
    return (bool(text) and not text[:1].islower() and len(text.split()) <= MAX_LABEL_WORDS
            and len(text) <= MAX_LABEL_CHARS
            and (not text.endswith(".") or _ABBREVIATED.search(text))
            and not _DIGIT.search(text)
            and not DATE_LIKE.search(text))


@lru_cache(maxsize=1 << 14)
def is_heading_line(text: str) -> bool:
    """A short title line: a markdown heading, a grouping word with its
    number or letter, or three words or more all in capitals."""
    text = " ".join(text.split())
    found = text.split()
    if not found or len(found) > MAX_HEADING_WORDS or _ENDS_CLAUSE.search(text):
        return False
    if _MD_HEADING.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    capitals = (len(letters) >= 4 and all(c.isupper() for c in letters)
                and len(found) >= MIN_CAPITAL_WORDS)
    return capitals or bool(_HEADING_WORD.match(text))


@lru_cache(maxsize=ANSWERS_KEPT)
def is_title(text: str) -> bool:
    """A line that can title a table: a heading line, or a few words starting
    with a capital and not ending as a sentence or a list does."""
    text = " ".join(text.split())
    return is_heading_line(text) or (
        text[:1].isupper() and len(text.split()) <= MAX_TITLE_WORDS
        and not _ENDS_SENTENCE.search(text) and not is_date_line(text))


def is_date_line(text: str) -> bool:
    """``text`` prints a date and nothing a title would say besides: a word of three
    letters or more left once its dates are taken out (``Feb 2013``, ``Ongoing``,
    ``By 31.3.12``, ``April 2011 - March 2012`` are dates; ``Action Plan 2013`` is a
    title). A stacked cell's last date printed on a line of its own is no title."""
    rest, found = DATE_LIKE.subn(" ", text)
    return bool(found) and not _TITLE_WORD.search(rest)


def forget() -> None:
    """Empty the remembered answers once an export is read: they are there for the
    widths tried on one file, not to stay in memory while it is normalised."""
    for remembered in (word_set, word_tuple, _is_label, is_heading_line, is_title):
        remembered.cache_clear()
    _SHARED.clear()
