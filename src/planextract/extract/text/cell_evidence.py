"""How well a reading of a one-cell-per-line export lines its cells up: the cells'
kinds, and their codes ``cell_choose`` tallies between widths (the evidence counted
from a reading's rows, ``homogeneity`` and ``blank_agreement``, is the tests'
reference, ``cells_reference``)."""

from __future__ import annotations

import re
from functools import lru_cache

from planextract.extract.text.cell_labels import DATE_LIKE, ROW_NUMBER

_DIGIT = re.compile(r"[0-9]")

# the kinds the split asks for remembered at most this many at a time: the repeated
# texts (statuses, owners, dates) stay; 16,384 entries (a 10 MB export's split fills
# them) held that many distinct texts and their entries to the split's end, 0.5 times
# the export in the read's high-water (issue 11); 256 turned too many repeats away
# (the read 5% slower at 10 MB)
_KINDS_KEPT = 1024


@lru_cache(maxsize=_KINDS_KEPT)
def _kind_of(text: str) -> str | None:
    """Remembered: every width tried weighs the same cells again."""
    if not text:
        return None  # an empty cell (a merged one) fits any column
    if ROW_NUMBER.match(text):
        return "number"
    if _may_be_date(text) and DATE_LIKE.search(text):
        return "date"
    # (at most four pieces split off: as many words, up to four, without a list of all)
    return "short" if len(text.split(maxsplit=3)) <= 3 else "long"


def _may_be_date(text: str) -> bool:
    """``DATE_LIKE`` can match: every form of it holds a digit but ``ongoing``, so
    ASCII text with neither is no date, found without its search (~8 us on a
    sentence, every cell of a one-cell-per-line export once; issue 11). For ASCII
    text ``\\d`` is ``[0-9]`` and its case-blind ``going`` is ``going`` lowered;
    other text is always searched."""
    return not text.isascii() or bool(_DIGIT.search(text)) or "going" in text.lower()


def kind_of(text: str) -> str | None:
    """``_kind_of`` looked up when asked (a test may put another in its place)."""
    return _kind_of(text)


# a kind as a byte, for the widths' tallies over bytes (``cell_choose``): 0 no kind
_CODES: dict[str | None, int] = {None: 0, "number": 1, "date": 2, "short": 3, "long": 4}
NUMBER_CODE = _CODES["number"]


def kind_code(kind: str | None) -> int:
    """``kind`` as a byte (a kind not named above, a test's, given the next one)."""
    code = _CODES.get(kind)
    if code is None:
        code = _CODES[kind] = len(_CODES)
    return code


def codes() -> range:
    """Every kind's code but no kind's."""
    return range(1, len(_CODES))


def forget() -> None:
    """Empty the remembered kinds once an export is read (see ``cell_labels.forget``)."""
    _kind_of.cache_clear()
