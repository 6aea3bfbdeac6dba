"""``numbering.split_leading``'s own bound, session 21 (issue 11): ``MemoSettings.numbers``
(256) answers, not ``cells``' 1,024. Each answer holds its cell's text and the text
after the number, so at 1,024 the memo was 0.2-0.3x a 1 MB export's peak at the top of
the drafts step. The function is pure: whole documents must be identical with the old
bound swapped in (the reference), and with no answer kept at all."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from text_exports import everything, swap_everywhere, whole_documents

from planextract.memo import forget_document
from planextract.normalise import numbering
from planextract.settings import DEFAULT

SPLIT_LEADING = numbering.split_leading  # as defined (the tests swap the name)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """``text_exports.whole_documents``."""
    return whole_documents(tmp_path_factory.mktemp("numbers-memo"), (7, 29, 41), per_format=2)


def _bounded(monkeypatch: pytest.MonkeyPatch, size: int):
    """``split_leading`` remembering ``size`` answers, in every module holding it."""
    swapped = lru_cache(maxsize=size)(SPLIT_LEADING.__wrapped__)
    assert swap_everywhere(monkeypatch, {id(SPLIT_LEADING): swapped}) >= 1
    return swapped


def test_the_bound_is_its_own():
    assert DEFAULT.memo.numbers == 256 < DEFAULT.memo.cells
    assert SPLIT_LEADING.cache_parameters()["maxsize"] == DEFAULT.memo.numbers


def test_whole_documents_are_the_same_at_the_old_bound_and_with_none(inputs, monkeypatch):
    forget_document()
    now = [everything(p) for p in inputs]
    for size in (DEFAULT.memo.cells, 0):
        swapped = _bounded(monkeypatch, size)
        for path, got in zip(inputs, now):
            assert everything(path) == got, (size, path.name)
        asked = swapped.cache_info()
        assert asked.hits + asked.misses > 10_000  # the swapped one was asked
        monkeypatch.undo()
    assert sum(len(actions) for _, actions, *_ in now) > 1000
