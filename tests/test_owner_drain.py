"""Issue 11, memory: owner resolution of a long document drains the interpreter's free
lists (``memo.drain_free_lists``) before its cells are cut, and again once they are cut
and their pieces' answers forgotten, before the clustering, where a 1 MB text-cells
export's peak was set: the read's and the drafts' memos and the cuts' left thousands of
freed tuples held for their size alone (0.25-0.3x of that peak, measured; the drain
before the cuts 0.1-0.15x more, s20-cellspeak). A collection changes no output; these
check that it happens where it pays, twice, and only for a long document."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import everything, text_samples, write_exports

from planextract import memo
from planextract.normalise import owners
from planextract.settings import DEFAULT


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> list[Path]:
    """A generated export of each text shape, of more owner cells than the bound."""
    return write_exports(tmp_path_factory.mktemp("drain"), 150_000, seed=23)


def _logged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The order of the cuts, the drains and the clustering, and each resolve's cells."""
    log: list[str] = []
    cut_roles, cluster, resolve = owners._cut_roles, owners.cluster, owners.resolve

    def logged_resolve(cells, *args, **kwargs):
        log.append(f"resolve {len(cells)}")
        return resolve(cells, *args, **kwargs)

    def logged_cut(*args, **kwargs):
        out = cut_roles(*args, **kwargs)
        log.append("cut")
        return out

    def logged_cluster(*args, **kwargs):
        log.append("cluster")
        return cluster(*args, **kwargs)

    monkeypatch.setattr(owners, "resolve", logged_resolve)
    monkeypatch.setattr(owners, "_cut_roles", logged_cut)
    monkeypatch.setattr(owners, "cluster", logged_cluster)
    monkeypatch.setattr(memo, "drain_free_lists", lambda: log.append("drain"))
    return log


def test_a_long_document_drains_before_its_cuts_and_before_its_clustering(exports,
                                                                         monkeypatch):
    log = _logged(monkeypatch)
    for path in exports:
        log.clear()
        everything(path)
        # a long text-cells read drains at its end as well (test_cell_drain)
        start = next(i for i, entry in enumerate(log) if entry.startswith("resolve"))
        assert int(log[start].split()[1]) > DEFAULT.owners.drain_cells, (path.name, log)
        assert log[start + 1:] == ["drain", "cut", "drain", "cluster"], (path.name, log)


def test_a_short_document_does_not_drain(monkeypatch):
    log = _logged(monkeypatch)
    for path in text_samples():
        log.clear()
        everything(path)
        if not log:  # a sample without an owner column
            continue
        assert int(log[0].split()[1]) <= DEFAULT.owners.drain_cells, path.name
        assert "drain" not in log, (path.name, log)


def test_the_drains_change_nothing_of_a_document(exports, monkeypatch):
    drained = [everything(path) for path in exports]
    monkeypatch.setattr(memo, "DRAIN", False)  # the reference: no drain
    assert [everything(path) for path in exports] == drained
