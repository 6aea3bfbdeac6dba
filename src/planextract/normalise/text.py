"""Small text rules shared by several normalisation steps (the whitespace
collapse every layer shares is ``lexicon.text``)."""

from __future__ import annotations

import re

from planextract.normalise.dates import RANGE_GLUE_WORDS

_SMALL_WORDS = {"and", "of", "the", "to", "for", "in", "on", "a", "an", "or", "with", "by"}
_WORD_START = re.compile(r"(^|[\s/\-–(])([A-Za-z])([A-Za-z']*)")


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def smart_title(text: str) -> str:
    """Title case for text printed in capitals: small words lower case except
    the first; typography is not content, so ``LEADERSHIP AND GOVERNANCE``
    becomes ``Leadership and Governance``."""
    first = True

    def fix(match: re.Match[str]) -> str:
        nonlocal first
        lead, head, rest = match.groups()
        word = (head + rest).lower()
        if not first and word in _SMALL_WORDS and lead in ("", " "):
            out = word
        else:
            out = head.upper() + rest.lower()
        first = False
        return lead + out

    return _WORD_START.sub(fix, text.lower())


# what a line that runs on to the next ends with: a joining mark, a small word or
# the word between a range's dates
_RUNS_ON = re.compile(r"(?:[,;&/:+\-–—]|\b(?:{}))\s*$".format(
    "|".join(sorted({*_SMALL_WORDS, *RANGE_GLUE_WORDS}))), re.I)


def lines_each(parts: list[str], count: int) -> list[str] | None:
    """The printed lines of a cell beside ``count`` stacked actions, one an action
    (as a CSV cell prints them), when there are exactly ``count`` and none but the
    last runs on: a line ending in a joining mark, a small word or a range's glue
    (``March 2012 and`` / ``March 2013``, ``Interim June 2012;`` / ``final
    December 2012``, ``Sept 2011 until`` / ``March 2012``) is one value with the
    next, printed once for the actions beside it."""
    lines = [ln for ln in "\n".join(parts).split("\n") if ln.strip()]
    return None if len(lines) != count or runs_on(lines) else lines


def runs_on(lines: list[str]) -> bool:
    """A line but the last ends in a joining mark, a small word or a range's glue:
    the lines are one value printed over several (``lines_each``)."""
    return any(_RUNS_ON.search(line) for line in lines[:-1])


def join_continuation(before: str, after: str) -> str:
    """Join text split by a page break: one space, none around a slash."""
    if not before:
        return after
    if not after:
        return before
    if before.endswith("/") or after.startswith("/"):
        return before.rstrip() + after.lstrip()
    return f"{before} {after}"
