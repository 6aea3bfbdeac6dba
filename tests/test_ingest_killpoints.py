"""A run killed right after any of its writes to the dataset leaves every table
readable by plain readers, with all its columns, and the next run finishes the job.

Deterministic version of ``test_kill_9_at_random_points…`` (which, under heavy load,
once found ``documents`` with no ``source`` column): every commit the run makes is
counted and the run is stopped right after the N-th, for every N. Before the fix a
table was created by one commit and given its empty Parquet file by a second, so a
kill between them left a Delta table that pandas reads as a frame with no columns.
"""

import pandas as pd
import pytest
from deltalake import DeltaTable
from test_ingest import rows
from test_ingest_isolation import ingest, ingest_plans

from planextract.schema import delta
from planextract.schema.delta import TABLES
from planextract.schema.stored import stored_schema


class Killed(BaseException):
    """Stands for SIGKILL: nothing in the run catches it, no clean-up writes."""


class KillAfter:
    """Counts the dataset's commits; raises Killed right after the ``at``-th (with
    ``before``, right before it: its files written, its log entry not)."""

    def __init__(self, at: int | None, before: bool = False) -> None:
        self.at, self.done, self.before = at, 0, before

    def wrap(self, write):
        def counted(*args, **kwargs):
            if self.before and self.done + 1 == self.at:
                raise Killed(self.at)
            result = write(*args, **kwargs)
            self.done += 1
            if self.done == self.at:
                raise Killed(self.done)
            return result
        return counted


def patch(monkeypatch, killer: KillAfter) -> None:
    for name in ("write_deltalake", "create_table_with_add_actions"):
        if hasattr(delta, name):
            monkeypatch.setattr(delta, name, killer.wrap(getattr(delta, name)))
    monkeypatch.setattr(delta.DeltaTable, "create_write_transaction",
                        killer.wrap(delta.DeltaTable.create_write_transaction))


def assert_readable(ds) -> None:
    for name in TABLES:
        folder = ds / name
        if not DeltaTable.is_deltatable(str(folder)):
            continue
        frame = pd.read_parquet(folder)  # a plain reader, as the README promises
        assert list(frame.columns) == stored_schema(name).names, name
        # (replaced files are vacuumed at a run's end: until then plain readers may see
        # them, so only the Delta reader's rows are exact here)
        assert DeltaTable(str(folder)).to_pyarrow_table().schema.names == list(frame.columns)


def scenario(tmp_path, replacing: bool):
    """An inbox of one plan and a function making a dataset ready for the run to kill:
    ``fresh``, no dataset yet; ``replacing``, the plan was read before and its file now
    holds no table, so its rows go and three tables are left with none."""
    inbox = tmp_path / "inbox"
    plan = ingest_plans.write_plan(inbox, 0, "tabbed", actions=2)
    original = plan.read_text()

    def prepare(ds):
        if replacing:
            plan.write_text(original)
            assert ingest(inbox, "--dataset", ds) == 0
            plan.write_text("no table here\n")
    return inbox, prepare


@pytest.mark.parametrize("before", [False, True], ids=["after", "before"])
@pytest.mark.parametrize("replacing", [False, True], ids=["fresh", "replacing"])
def test_a_run_killed_at_any_commit_leaves_readable_tables(tmp_path, monkeypatch, replacing,
                                                           before):
    """``before``: killed with a commit's files written but not its log entry (a table
    being created holds its empty file and no commit yet): the next run must take that
    folder as its own, not refuse it as someone else's."""
    inbox, prepare = scenario(tmp_path, replacing)
    args = ("--commit-every", "1", "--workers", "1")
    reference = tmp_path / "reference"
    prepare(reference)
    counting = KillAfter(None)
    with monkeypatch.context() as m:
        patch(m, counting)
        status = ingest(inbox, "--dataset", reference, *args)
    assert counting.done >= 4
    for at in range(1, counting.done + 1):
        ds = tmp_path / f"kill-{at}"
        prepare(ds)
        with monkeypatch.context() as m:
            patch(m, KillAfter(at, before))
            with pytest.raises(Killed):
                ingest(inbox, "--dataset", ds, *args)
        assert_readable(ds)
        # the next run finishes what the killed one began
        assert ingest(inbox, "--dataset", ds) == status, at
        for name in TABLES:
            pd.testing.assert_frame_equal(rows(ds, name), rows(reference, name), obj=name)


def test_a_table_being_created_is_ours_and_a_folder_of_files_without_a_log_is_not(tmp_path):
    """Another run checks the dataset before it waits for the lock, while the run that
    holds it may be creating a table: its folder (log folder made first, empty file
    written, no commit yet) must pass; a folder of files with no log must not."""
    dataset = delta.Dataset(tmp_path / "ds")
    creating = dataset.path("actions")
    (creating / "_delta_log").mkdir(parents=True)
    (creating / "part-00000-cut-c000.zstd.parquet").write_bytes(b"cut short")
    dataset.check_layout()
    dataset.ensure_tables()  # under the lock: the stray file goes, the table is made
    assert not (creating / "part-00000-cut-c000.zstd.parquet").exists()
    assert list(pd.read_parquet(creating).columns) == stored_schema("actions").names
    foreign = delta.Dataset(tmp_path / "other").path("glossary")
    foreign.mkdir(parents=True)
    (foreign / "notes.parquet").write_bytes(b"someone else's")
    with pytest.raises(delta.DatasetError, match="not a Delta table"):
        delta.Dataset(tmp_path / "other").check_layout()
