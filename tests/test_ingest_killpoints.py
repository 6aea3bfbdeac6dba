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
    """Counts the dataset's commits; raises Killed right after the ``at``-th."""

    def __init__(self, at: int | None) -> None:
        self.at, self.done = at, 0

    def wrap(self, write):
        def counted(*args, **kwargs):
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


@pytest.mark.parametrize("replacing", [False, True], ids=["fresh", "replacing"])
def test_a_run_killed_after_any_commit_leaves_readable_tables(tmp_path, monkeypatch, replacing):
    inbox, prepare = scenario(tmp_path, replacing)
    args = ("--commit-every", "1", "--workers", "1")
    reference = tmp_path / "reference"
    prepare(reference)
    counting = KillAfter(None)
    with monkeypatch.context() as m:
        patch(m, counting)
        ingest(inbox, "--dataset", reference, *args)
    assert counting.done >= 4
    for at in range(1, counting.done + 1):
        ds = tmp_path / f"kill-{at}"
        prepare(ds)
        with monkeypatch.context() as m:
            patch(m, KillAfter(at))
            with pytest.raises(Killed):
                ingest(inbox, "--dataset", ds, *args)
        assert_readable(ds)
        ingest(inbox, "--dataset", ds)  # the next run finishes what the killed one began
        for name in TABLES:
            pd.testing.assert_frame_equal(rows(ds, name), rows(reference, name), obj=name)
