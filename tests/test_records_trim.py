"""Issue 11, memory: a document of more than a row batch of drafts gives the heap's
free pages back (``heap.give_back``) once its drafts are made and its read let
go, before the owners' first pass: the read's freed pages were resident until the
records step's peak (a 1 MB export's peak 0.2-0.3x lower, measured). A trim changes no
value (``malloc_trim``); these check that it happens where it pays, and only there."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import text_samples, write_exports

from planextract.normalise import document, owners
from planextract.pipeline import heap
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> list[Path]:
    """A generated export of each text shape, of more than a row batch of drafts."""
    return write_exports(tmp_path_factory.mktemp("trim"), 150_000, seed=19)


def _logged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The order in which ``run_one`` ends its drafts, trims and starts its owners."""
    log: list[str] = []
    drafts_of, resolve = document.drafts_of, owners.resolve

    def logged_drafts(*args, **kwargs):
        out = drafts_of(*args, **kwargs)
        log.append("drafts")
        return out

    def logged_resolve(*args, **kwargs):
        log.append("owners")
        return resolve(*args, **kwargs)

    monkeypatch.setattr(document, "drafts_of", logged_drafts)
    monkeypatch.setattr(owners, "resolve", logged_resolve)
    monkeypatch.setattr(heap, "give_back", lambda: log.append("trim"))
    return log


def test_a_long_document_is_trimmed_between_its_drafts_and_its_owners(exports, monkeypatch):
    log = _logged(monkeypatch)
    for path in exports:
        log.clear()
        result = run_one(str(path))
        assert result.document["n_actions"] > DEFAULT.run.row_batch, path.name
        assert "drafts" in log and "owners" in log, path.name
        between = log[log.index("drafts") + 1:log.index("owners")]
        assert between == ["trim"], (path.name, log[:6])


def test_a_short_document_is_not_trimmed_before_its_owners(monkeypatch):
    log = _logged(monkeypatch)
    for path in text_samples():
        log.clear()
        result = run_one(str(path))
        if "owners" not in log:  # a sample without an owner column
            continue
        assert result.document["n_actions"] <= DEFAULT.run.row_batch, path.name
        assert "trim" not in log[:log.index("owners")], (path.name, log)

