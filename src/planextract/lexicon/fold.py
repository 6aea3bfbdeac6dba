"""A word folded to the form the role vocabulary is compared in."""

from __future__ import annotations

import re
import unicodedata

from planextract.memo import vocabulary
from planextract.settings import DEFAULT

_JOINERS = re.compile(r"[-'.]")


@vocabulary(DEFAULT.memo.words)
def fold(word: str) -> str:
    """Lower case, NFKC, hyphens inside a word joined, plural folded."""
    word = unicodedata.normalize("NFKC", word).casefold().replace("’", "'")
    word = _JOINERS.sub("", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
