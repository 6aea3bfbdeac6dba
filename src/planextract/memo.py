"""The normaliser's memo caches: each bounded, and those keyed by one document's
text emptied when the document is done (issue 11).

Its rules ask the same pure questions of the same cells and owner pieces again and
again (every rule squashes a cell, every pass reads the owners), so the answers are
remembered. Kept without care, they held 9.5-12.6 times a 1 MB text export once it
was done, and a worker kept a finished document's strings into the next one. So:

- ``per_document(size)``: answers about a document's own cells, pieces and words,
  which no later document asks for; bounded while it is read, emptied by
  ``forget_document`` when ``run_one`` is done with it;
- ``vocabulary(size)``: answers about words and headers any plan prints (a
  header's role, a word folded): bounded, kept across documents.

The bounds are in ``MemoSettings`` (read once, at import: a cache's bound is fixed
when its function is defined). The functions are pure, so emptying a cache changes no
answer: a Dask worker's thread ending a document while another reads one only makes
the other ask again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_DOCUMENT: list[Any] = []  # the per-document caches, emptied together
_VOCABULARY: list[Any] = []


def per_document(size: int) -> Callable[[F], F]:
    """An ``lru_cache`` of at most ``size`` answers, emptied by ``forget_document``."""
    def remember(function: F) -> F:
        cached = lru_cache(maxsize=size)(function)
        _DOCUMENT.append(cached)
        return cached  # type: ignore[return-value]
    return remember


def vocabulary(size: int) -> Callable[[F], F]:
    """An ``lru_cache`` of at most ``size`` answers, kept across documents."""
    def remember(function: F) -> F:
        cached = lru_cache(maxsize=size)(function)
        _VOCABULARY.append(cached)
        return cached  # type: ignore[return-value]
    return remember


def forget_document(modules: frozenset[str] | None = None) -> None:
    """Empty every per-document cache (or those defined in ``modules``, by module
    name): the document's strings go with it."""
    for cached in _DOCUMENT:
        if modules is None or cached.__module__ in modules:
            cached.cache_clear()


def caches() -> dict[str, tuple[Any, ...]]:
    """Every registered cache by kind (for the tests and the benchmarks)."""
    return {"document": tuple(_DOCUMENT), "vocabulary": tuple(_VOCABULARY)}
