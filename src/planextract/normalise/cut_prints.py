"""The fingerprints ``_cut_roles`` asks of the cells' roles and of the pieces it
tries (issue 11).

Cutting a document's role spellings tries thousands of pieces (every run of
words of a role, both sides of each ``and``), most of them once and the rest
mostly while the same cell is cut. Remembering each piece's ``Expansion`` in the
``Expander``, its fingerprint in the ``role_text`` memo and both in a memo of
their own held every piece three times for the document: 0.2-0.4x a 1 MB
export at owner resolution's peak. Here a piece is spelt out
(``Expander.read``) and fingerprinted afresh (``fingerprint_afresh``), and its
answer is kept until the next cell is cut (``forget``).
"""

from __future__ import annotations

from planextract.normalise.role_text import Expander, fingerprint_afresh


class CutPrints:
    """A text's fingerprint, spelt out by ``expander``; answers held until
    ``forget``."""

    __slots__ = ("_expander", "_stop_words", "_held")

    def __init__(self, expander: Expander, stop_words: frozenset[str]) -> None:
        self._expander, self._stop_words = expander, stop_words
        self._held: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self._held.get(text)
        if found is None:
            found = self._held[text] = fingerprint_afresh(self._expander.read(text).words,
                                                          self._stop_words)
        return found

    def forget(self) -> None:
        """The answers go: the pieces of the cell cut next are mostly new."""
        self._held.clear()
