"""Small text rules shared by several normalisation steps (the whitespace
collapse every layer shares is ``lexicon.text``)."""

from __future__ import annotations

import re

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


def join_continuation(before: str, after: str) -> str:
    """Join text split by a page break: one space, none around a slash."""
    if not before:
        return after
    if not after:
        return before
    if before.endswith("/") or after.startswith("/"):
        return before.rstrip() + after.lstrip()
    return f"{before} {after}"
