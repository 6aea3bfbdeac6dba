"""The records step's memory, session 20 (issue 11): the cell memos (``lexicon.text``'s
squashes) emptied every ``MemoSettings.records_span`` drafts, and ``run_one``'s owner
texts already searched for abbreviations (``seen``) kept to
``MemoSettings.abbreviations`` (``cells`` until the session's review).
Both only forget answers that are asked again if needed, so whole documents must be
identical with the references swapped in (``records_span`` 0, ``seen`` unbounded), and
with each forgetting as often as it can be (every draft, every text)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from text_exports import everything, whole_documents

from planextract.lexicon import text as text_cache
from planextract.normalise import owners
from planextract.pipeline import document_run
from planextract.pipeline.document_run import _abbreviations, run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
_ABBREVIATIONS = document_run._abbreviations  # as defined (the tests swap the name)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """``text_exports.whole_documents``."""
    return whole_documents(tmp_path_factory.mktemp("records-memory"), (3, 31, 37), per_format=2)


def _unbounded(action, used, seen=None, kept=None):
    """``_abbreviations`` as before session 20: ``seen`` never emptied."""
    return _ABBREVIATIONS(action, used, seen)


def test_whole_documents_are_the_same_with_the_references(inputs, monkeypatch):
    now = [everything(p, DEFAULT) for p in inputs]
    assert DEFAULT.memo.records_span == 256
    reference = replace(DEFAULT, memo=replace(DEFAULT.memo, records_span=0))
    monkeypatch.setattr(document_run, "_abbreviations", _unbounded)
    before = [everything(p, reference) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
    assert sum(len(actions) for _, actions, *_ in now) > 1000
    assert sum(len(glossary) for _, _, glossary, _ in now) > 20  # abbreviations found


def test_whole_documents_are_the_same_forgetting_at_every_draft(inputs, monkeypatch):
    """Every draft empties the memos and ``seen`` holds one text: the most forgetting."""
    now = [everything(p, DEFAULT) for p in inputs[-14:]]
    most = replace(DEFAULT, memo=replace(DEFAULT.memo, records_span=1, abbreviations=1))
    for path, got in zip(inputs[-14:], now):
        assert everything(path, most) == got, path.name


def test_the_records_step_forgets_every_span_drafts(inputs, monkeypatch):
    """After the owners, the cell memos are emptied once every ``records_span`` drafts
    (catches the forgetting dropped, or made at every draft)."""
    log: list[str] = []
    resolve, forget = owners.resolve, text_cache.forget

    def logged_resolve(*args, **kwargs):
        log.append("owners")
        return resolve(*args, **kwargs)

    monkeypatch.setattr(owners, "resolve", logged_resolve)
    monkeypatch.setattr(text_cache, "forget", lambda: (log.append("forget"), forget()))
    span = 9
    settings = replace(DEFAULT, memo=replace(DEFAULT.memo, records_span=span))
    counted = 0
    for path in inputs:
        log.clear()
        result = run_one(str(path), settings)
        if "owners" not in log:
            continue
        after = log[log.index("owners"):].count("forget")
        # every draft is made a record or a warning: at least the actions' count
        assert after >= result.document["n_actions"] // span, path.name
        counted += after
    assert counted > 100
    log.clear()
    off = replace(DEFAULT, memo=replace(DEFAULT.memo, records_span=0))
    run_one(str(inputs[-1]), off)
    assert "owners" not in log or log[log.index("owners"):].count("forget") == 0


def _reference_abbreviations(action: dict, used: set[str]) -> None:
    for text in [action["owners_raw"] or "", *action["owners"], *action["scrutiny"]]:
        used.update(re.findall(r"[A-Z][A-Z&]+", text))


def test_the_search_is_bounded_by_its_own_setting(inputs, monkeypatch):
    """``run_one`` gives ``_abbreviations`` ``MemoSettings.abbreviations`` (1,024, as
    ``cells`` it borrowed was), whatever ``cells`` is (catches the borrowed bound)."""
    assert DEFAULT.memo.abbreviations == 1024
    bounds: set = set()

    def watched(action, used, seen=None, kept=None):
        bounds.add(kept)
        return _ABBREVIATIONS(action, used, seen, kept)

    monkeypatch.setattr(document_run, "_abbreviations", watched)
    own = replace(DEFAULT, memo=replace(DEFAULT.memo, abbreviations=7, cells=5))
    assert run_one(str(inputs[-1]), own).actions
    assert bounds == {7}


def test_seen_is_kept_to_its_bound_and_finds_the_same_abbreviations(inputs):
    found = 0
    for path in inputs[-10:]:
        rows = run_one(str(path)).actions
        for kept in (1, 3, 1024, None):
            used, seen, reference = set(), set(), set()
            for row in rows:
                _abbreviations(row, used, seen, kept)
                _reference_abbreviations(row, reference)
                assert kept is None or len(seen) <= kept
            assert used == reference, (path.name, kept)
        found += len(used)
    assert found
