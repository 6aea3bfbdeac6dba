"""A run keeps the dataset's tables open while it holds the lock (``Dataset.session``:
issue 8, fewer Delta log loads a run). Whatever is committed through open tables must
leave the dataset exactly as loading each table afresh for every write does."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pytest
from conftest import ROOT
from deltalake import DeltaTable

from planextract.pipeline.cli import main
from planextract.schema import delta
from planextract.schema.delta import TABLES, Dataset

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402


@pytest.fixture(scope="module")
def source_rows(tmp_path_factory) -> dict[str, pa.Table]:
    """Every table of an ingest of a few generated plans, to commit again below."""
    folder = tmp_path_factory.mktemp("session")
    ingest_plans.write_plans(folder / "inbox", 6, actions=3)
    assert main(["ingest", str(folder / "inbox"), "--dataset", str(folder / "ds"),
                 "--log", "quiet"]) == 0
    return {name: Dataset(folder / "ds").read(name) for name in TABLES}


def _of(rows: pa.Table, sources: list[str]) -> pa.Table:
    keep = [i for i, s in enumerate(rows.column("source").to_pylist()) if s in sources]
    return rows.take(pa.array(keep, pa.int64()))


def _writes(dataset: Dataset, rows: dict[str, pa.Table]) -> None:
    """Appends, a replace, a removal down to nothing, orphans, a vacuum: every kind of
    write a run makes."""
    sources = sorted(set(rows["documents"].column("source").to_pylist()))
    first, second = sources[:3], sources[3:]
    dataset.ensure_tables()
    for batch in (first, second):
        for name in TABLES:
            dataset.commit(name, _of(rows[name], batch))
    for name in TABLES:  # the first sources read again
        dataset.commit(name, _of(rows[name], first[:2]), replace=first[:2])
    for name in TABLES:  # every source gone (--prune)
        dataset.commit(name, rows[name].schema.empty_table(), replace=sources)
    dataset.commit("actions", _of(rows["actions"], second[:1]))  # no documents row: orphan
    assert dataset.remove_orphans() > 0
    dataset.keep_readable()
    dataset.vacuum()


def _state(root: Path) -> dict:
    """What a fresh reader sees: versions and live rows of every table."""
    fresh = Dataset(root)
    return {name: (DeltaTable(str(root / name)).version(),
                   fresh.read(name).drop_columns(["seconds"] if name == "documents" else [])
                   .sort_by([("source", "ascending")]).to_pylist())
            for name in TABLES}


def test_writes_through_open_tables_leave_what_fresh_loads_leave(source_rows, tmp_path):
    plain = Dataset(tmp_path / "plain")
    _writes(plain, source_rows)
    kept = Dataset(tmp_path / "kept")
    with kept.session():
        _writes(kept, source_rows)
    assert _state(tmp_path / "kept") == _state(tmp_path / "plain")
    assert kept.table("actions") is not kept.table("actions")  # outside: loaded afresh


def test_a_session_loads_each_table_once(source_rows, tmp_path,
                                                              monkeypatch):
    loads = []

    class Counted(DeltaTable):
        def __init__(self, *args, **kwargs) -> None:
            loads.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(delta, "DeltaTable", Counted)
    dataset = Dataset(tmp_path / "ds")
    dataset.ensure_tables()
    rows = {name: source_rows[name] for name in TABLES}
    loads.clear()
    with dataset.session():
        for _ in range(3):
            for name in TABLES:
                dataset.commit(name, rows[name])
    assert len(loads) == len(TABLES)  # once a table, not once a commit


def test_files_a_killed_run_left_go_even_when_nothing_is_read(tmp_path):
    """The full vacuum is at a run's start now (while the fork server warms up), and
    the end vacuums only the tables whose rows the run replaced: a file a killed run
    wrote but never committed still goes on the next run, even one that reads nothing."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 2, actions=2)
    ds = tmp_path / "ds"
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "quiet"]) == 0
    live = {name: sorted(p.name for p in (ds / name).glob("*.parquet")) for name in TABLES}
    stray = ds / "actions" / "part-00001-left-by-a-killed-run-c000.zstd.parquet"
    stray.write_bytes((ds / "actions" / live["actions"][0]).read_bytes())
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "quiet"]) == 0
    assert not stray.exists()
    assert {name: sorted(p.name for p in (ds / name).glob("*.parquet"))
            for name in TABLES} == live
