"""Scrutiny and oversight bodies: one cell into a list of bodies."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:/|,|’|;)\s*")
_CAPS = re.compile(r"^[A-Z][A-Z&]*$")


def pieces(text: str | None) -> list[str]:
    """The cell split on ``/ , ’ ;``, empty pieces dropped."""
    return [" ".join(p.split()) for p in _SPLIT.split(text or "") if p.strip()]


def split_bodies(text: str | None, known: set[str]) -> list[str]:
    """Bodies in printed order. A piece of capitalised abbreviations is split on
    spaces when each is a known body (``HRC DSG``) and re-joined when its
    fragments only make a known body together (``D SG`` -> ``DSG``)."""
    out: list[str] = []
    for piece in pieces(text):
        words = piece.split()
        if len(words) > 1 and all(w in known for w in words):
            pass  # "HRC DSG", "Board Board": bodies side by side
        elif len(words) > 1 and all(_CAPS.match(w) for w in words) \
                and "".join(words) in known:
            words = ["".join(words)]  # "D SG": one body broken by a line wrap
        else:
            words = [piece]
        for word in words:
            if word not in out:
                out.append(word)
    return out
