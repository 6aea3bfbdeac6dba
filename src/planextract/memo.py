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

import gc
from collections.abc import Callable
from functools import _CacheInfo, lru_cache, update_wrapper
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_DOCUMENT: list[Any] = []  # the per-document caches, emptied together
_VOCABULARY: list[Any] = []
_STRINGS: list[dict[str, str]] = []  # the documents' shared words, emptied at its end


def shared_strings() -> dict[str, str]:
    """A document's one string per distinct word: ``strings.setdefault(w, w)``, in
    place of ``sys.intern``, emptied by ``forget_document()`` at the document's end.

    Why not intern: a warmed worker's intern table has room for about 350 more
    strings; the next one doubles it, 0.94 MiB held for the process, and a 1 MB
    text-cells export's words did so (issue 11: a fixed part of its peak). Only
    equal strings are shared, so no answer changes."""
    strings: dict[str, str] = {}
    _STRINGS.append(strings)
    return strings


def per_document(size: int) -> Callable[[F], F]:
    """An ``lru_cache`` of at most ``size`` answers, emptied by ``forget_document``."""
    def remember(function: F) -> F:
        cached = lru_cache(maxsize=size)(function)
        _DOCUMENT.append(cached)
        return cached  # type: ignore[return-value]
    return remember


def per_document_lean(size: int) -> Callable[[F], F]:
    """``per_document`` for a function of a varying first argument and a few fixed
    others (a vocabulary, a flag), asked with positional arguments.

    Its answers sit in one dict per fixed rest, keyed by the first argument alone,
    and all go when ``size`` are held: no ``lru_cache`` link node per answer and no
    key tuple (issue 11: those cost ~1x a 1 MB text export in the owner memos). The
    same answers as ``lru_cache`` (the function is pure); only which are remembered
    once the bound is reached differs."""
    def remember(function: F) -> F:
        cached = _lean(function, size)
        _DOCUMENT.append(cached)
        return cached  # type: ignore[return-value]
    return remember


_MISSING = object()


def _lean(function: Callable[..., Any], size: int) -> Callable[..., Any]:
    """The memo of ``per_document_lean``, with ``lru_cache``'s ``cache_clear``,
    ``cache_info``, ``cache_parameters`` and ``__wrapped__``."""
    store: dict[tuple, dict[Any, Any]] = {}
    counts = [0, 0, 0]  # hits, misses, answers held

    def cached(first: Any, *rest: Any) -> Any:
        answers = store.get(rest)
        if answers is not None:
            answer = answers.get(first, _MISSING)
            if answer is not _MISSING:
                counts[0] += 1
                return answer
        counts[1] += 1
        answer = function(first, *rest)
        if counts[2] >= size:
            store.clear()
            counts[2] = 0
        answers = store.get(rest)  # looked up again: the call may have emptied the store
        if answers is None:
            answers = store[rest] = {}
        if first not in answers:
            counts[2] += 1
        answers[first] = answer
        return answer

    def cache_clear() -> None:
        store.clear()
        counts[:] = [0, 0, 0]

    update_wrapper(cached, function)
    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    cached.cache_info = lambda: _CacheInfo(counts[0], counts[1], size,  # type: ignore[attr-defined]
                                           sum(map(len, store.values())))
    cached.cache_parameters = lambda: {"maxsize": size, "typed": False}  # type: ignore[attr-defined]
    return cached


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
    if modules is None:
        for strings in _STRINGS:
            strings.clear()


# the one switch of the drains (``drain_free_lists``' three call sites: the end of a long
# text-cells read, ``extract/text/cells.py``; a long document's owners, before its cells
# are cut and once they are, ``normalise/owners.py``), each call site reading it when it
# decides; False, the reference: no drain anywhere (tests swap it in over whole documents)
DRAIN = True


def drain_free_lists() -> None:
    """Give the interpreter's free lists back to its allocator: a full collection
    empties them, and nothing else does.

    Why: a freed tuple of up to 20 items is not freed but kept for the next tuple of
    its size, 2,000 a size, for the process's life. The memos' answers emptied at
    their bounds and ``forget_cuts`` fill those lists, and what comes next reuses few
    of them: a 1 MB text-cells export's read left about 9,000 (660 KiB) held through
    owner resolution's peak (issue 11). Emptied, their memory serves any object of
    their size. It costs a pass over the objects made since the worker's
    ``gc.freeze`` (2-3 ms at 1 MB; 40-76 ms where nothing was frozen)."""
    gc.collect()


def caches() -> dict[str, tuple[Any, ...]]:
    """Every registered cache by kind (for the tests and the benchmarks)."""
    return {"document": tuple(_DOCUMENT), "vocabulary": tuple(_VOCABULARY)}


def strings_held() -> int:
    """How many shared words the documents' ``shared_strings`` hold (for the tests)."""
    return sum(map(len, _STRINGS))
