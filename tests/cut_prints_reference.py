"""``cut_prints.CutPrints`` as it was before session 18 (issue 11): every answer kept
for the document, the expansion by the ``Expander`` and the fingerprint by
``role_text``'s memo too. The reference the tests swap in."""

from __future__ import annotations

from planextract.normalise.role_text import Expander, fingerprint


class ReferenceCutPrints:
    """Before: every answer kept for the document, the expansion by ``expander``
    and the fingerprint by its memo too (the reference the tests swap in)."""

    def __init__(self, expander: Expander, stop_words: frozenset[str]) -> None:
        self._expander, self._stop_words = expander, stop_words
        self._held: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self._held.get(text)
        if found is None:
            found = self._held[text] = fingerprint(self._expander.expand(text).words,
                                                   self._stop_words)
        return found

    def forget(self) -> None:
        """Nothing forgotten."""
