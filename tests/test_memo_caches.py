"""The normaliser's memo caches stay within their bounds, let a document's strings go
when it is done, and change nothing (issue 11, ``planextract.memo``).

Every remembered function of the normaliser and the shared vocabulary is registered
in ``memo`` (per document or vocabulary) with its bound from ``MemoSettings``; after
``run_one`` the per-document ones are empty, and while it ran none held more than its
bound. The whole-document test runs the samples and a generated export of each text
shape with the caches as they are, then with every registered cache swapped for the
function it remembers (wherever a module imported it), and compares every row.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import _lru_cache_wrapper
from pathlib import Path

import pytest
from text_exports import swap_everywhere

import planextract.lexicon
import planextract.normalise
from planextract import memo
from planextract.lexicon import text as text_cache
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

# the bound each cache is given, by the function's name (the rest: per document, pieces)
_CELLS = {"squash", "squash_lines", "normalise_id", "_successor_pattern", "_due",
          "_expressions"}
_NUMBERS = {"split_leading"}  # its own, smaller bound since session 21 (test_numbers_memo)
_WORDS = {"fold", "role_of", "is_weak_action", "_word_role", "_phrases_opened_by"}


def _remembered_in(package) -> list:
    """Every ``lru_cache`` defined in a module of ``package`` that can hold more
    than a handful of answers (the vocabularies loaded once hold one to eight)."""
    found = []
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper) and value.__module__ == info.name \
                    and (value.cache_parameters()["maxsize"] or 1 << 30) > 8:
                found.append(value)
    return found


def test_every_remembered_function_is_registered_with_its_bound():
    remembered = _remembered_in(planextract.normalise) + _remembered_in(planextract.lexicon)
    registered = memo.caches()  # every module imported now
    every = {id(c) for kind in registered.values() for c in kind}
    assert remembered and all(id(c) in every for c in remembered), \
        [c.__qualname__ for c in remembered if id(c) not in every]
    for cached in registered["document"]:
        name = cached.__wrapped__.__name__
        bound = (DEFAULT.memo.cells if name in _CELLS else DEFAULT.memo.numbers
                 if name in _NUMBERS else DEFAULT.memo.pieces)
        assert cached.cache_parameters()["maxsize"] == bound, name
    assert {c.__wrapped__.__name__ for c in registered["vocabulary"]} == _WORDS
    for cached in registered["vocabulary"]:
        assert cached.cache_parameters()["maxsize"] == DEFAULT.memo.words


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The text and Word samples and a generated export of each text shape, the
    tabbed one long enough that a per-document cache reaches its bound."""
    import bench_text_plans

    folder = tmp_path_factory.mktemp("exports")
    made = []
    for shape, suffix in bench_text_plans.SHAPES.items():
        size = 250_000 if shape == "text-tabbed" else 40_000
        text, _ = bench_text_plans.build(shape, size, seed=5)
        path = folder / f"{shape}.{suffix}"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx"))
    return samples + made


def test_run_one_keeps_each_cache_within_its_bound_and_forgets_the_document(
        inputs, monkeypatch):
    held: list[dict[str, tuple[int, int]]] = []
    forget = memo.forget_document

    def measured() -> None:  # what the caches hold as the document ends, then forgotten
        held.append({c.__wrapped__.__qualname__: (c.cache_info().currsize,
                                                  c.cache_info().maxsize)
                     for kind in memo.caches().values() for c in kind})
        forget()

    def drafts_done() -> None:  # drafts_of lets the cell texts go once the blocks are gone
        held.append({"squash": (text_cache.squash.cache_info().currsize,
                                text_cache.squash.cache_info().maxsize)})
        forget_cells()

    forget_cells = text_cache.forget
    monkeypatch.setattr(memo, "forget_document", measured)
    monkeypatch.setattr(text_cache, "forget", drafts_done)
    for path in inputs:
        assert run_one(str(path)).document["status"] == "ok", path.name
        assert not any(c.cache_info().currsize for c in memo.caches()["document"]), path.name
        assert all(c.cache_info().currsize <= c.cache_info().maxsize
                   for c in memo.caches()["vocabulary"])
    assert len([one for one in held if len(one) > 1]) == len(inputs)
    assert all(size <= bound for one in held for size, bound in one.values())
    # the long export filled the cell caches to their bound: the bound is what held them
    assert max(one["squash"][0] for one in held) == DEFAULT.memo.cells


def _run_all(paths: list[Path]) -> list[tuple]:
    out = []
    for path in paths:
        result = run_one(str(path))
        document = {k: v for k, v in result.document.items() if k != "seconds"}
        out.append((document, result.actions, result.glossary, result.roles))
    return out


def test_whole_documents_are_the_same_without_the_caches(inputs, monkeypatch):
    remembered = _run_all(inputs)
    swaps = {id(c): c.__wrapped__ for kind in memo.caches().values() for c in kind}
    swapped = swap_everywhere(monkeypatch, swaps)
    assert swapped >= len(swaps)  # each one at least where it is defined
    computed = _run_all(inputs)
    for path, got, expected in zip(inputs, remembered, computed, strict=True):
        assert got == expected, path.name


def test_a_lean_memo_answers_as_the_function_and_stays_within_its_bound():
    calls: list[tuple] = []

    def joined(first, *rest):  # noqa: ANN001, ANN002, ANN202
        calls.append((first, *rest))
        return (first, *rest)

    lean = memo._lean(joined, 3)
    asked = [("a", 1), ("b", 1), ("a", 1), ("a", 2), ("a", True), ("c", 1), ("d", 1), ("a", 1)]
    for args in asked:
        assert lean(*args) == args
        assert lean.cache_info().currsize <= 3
    # remembered as lru_cache would: ("a", True) is ("a", 1) (1 == True, one hash)
    # full at the fourth answer: emptied, then asked afresh
    assert calls == [("a", 1), ("b", 1), ("a", 2), ("c", 1), ("d", 1), ("a", 1)]
    info = lean.cache_info()
    assert (info.maxsize, lean.cache_parameters()["maxsize"]) == (3, 3)
    lean.cache_clear()
    assert lean.cache_info() == (0, 0, 3, 0)
    assert lean.__wrapped__ is joined


def test_a_lean_memo_asked_again_inside_its_own_call_keeps_its_bound():
    lean = None

    def down(n: int) -> int:
        return 0 if n == 0 else 1 + lean(n - 1)

    lean = memo._lean(down, 4)
    assert lean(10) == 10 and lean.cache_info().currsize <= 4
    assert [lean(n) for n in range(12)] == list(range(12))
