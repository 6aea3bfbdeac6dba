"""A batch is committed once its documents' tables hold ``commit_bytes`` (as they came
from the workers), as well as at ``commit_every`` documents: 1,000 since session 21
(200 before), so a 1,000-plan run makes 8 Delta commits where it made 20, each
~4.5 ms of delta-rs work whatever its rows, on a core two workers want (issue 8),
while what the main process holds for a batch stays bounded whatever the documents'
sizes. The run's last batch but one ends ``commit_tail`` documents before the end,
so its commit overlaps their reading instead of following the last one. The cadence
changes when commits happen, never what is committed: the same four tables and log
lines as committing every few documents.
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import replace

import pytest
from conftest import ROOT
from deltalake import DeltaTable

from planextract.pipeline.committer import Committer
from planextract.pipeline.document_run import run_one
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.pipeline.wire import WireTables, held_bytes
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, logged_run  # noqa: E402
from text_exports import write_exports  # noqa: E402

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> list[tuple[DocumentTables, bytes]]:
    """Each document as its worker made it, and its answer as pickled: generated
    plans and a long export whose actions go as packed frames."""
    inbox = tmp_path_factory.mktemp("plans")
    ingest_plans.write_plans(inbox, 8, actions=5)
    exports = write_exports(tmp_path_factory.mktemp("exports"), 2_000, seed=3)
    results = [run_one(str(p), SMALL) for p in [*sorted(inbox.iterdir()), *exports[:1]]]
    assert any(isinstance(r.action_rows, PackedRows) for r in results)
    documents = [document_tables(result) for result in results]
    return [(document, pickle.dumps(document.answer())) for document in documents]


def _came(answer: bytes) -> DocumentTables:
    """A document as the main process holds it once its answer is read."""
    return DocumentTables.from_answer(pickle.loads(answer))


def test_a_document_holds_the_bytes_that_came_and_a_decoded_table_its_buffers(made):
    for here, answer in made:
        came = _came(answer)
        wires = dict(came.tables._wires)  # type: ignore[attr-defined]
        sent = sum(len(data) for _, data in wires.values())
        assert held_bytes(came.tables) == sent > 0
        if isinstance(here.tables, WireTables):  # a long document's, made to be sent:
            assert held_bytes(here.tables) == sent  # its packed frames as their parts
        else:  # tables made in this process: their buffers
            assert held_bytes(here.tables) == sum(t.nbytes for t in here.tables.values())
        actions = came.tables["actions"]  # decoded: its bytes go, its buffers count
        assert held_bytes(came.tables) == sent - len(wires["actions"][1]) + actions.nbytes


class _Counted:
    """A dataset that only counts its commits."""

    root = "nowhere"

    def __init__(self) -> None:
        self.commits: list[str] = []

    def commit(self, name, rows, replace) -> int:
        self.commits.append(name)
        return 1


def test_a_batch_is_committed_once_its_tables_hold_commit_bytes(made):
    came = [_came(answer) for _, answer in made]
    sizes = [held_bytes(document.tables) for document in came]
    bound = sum(sizes[:3])  # reached by the third document, not before
    settings = replace(DEFAULT, run=replace(DEFAULT.run, commit_every=1000,
                                            commit_bytes=bound))
    dataset = _Counted()
    committer = Committer(dataset, set(), settings)  # type: ignore[arg-type]
    for document in came[:2]:
        committer.add(document)
    assert not dataset.commits and committer.bytes == sum(sizes[:2])
    committer.add(came[2])
    assert dataset.commits == list(TABLES) and committer.bytes == 0 == len(committer.buffer)
    unbounded = replace(settings, run=replace(settings.run, commit_bytes=0))  # 0: no bound
    committer = Committer(_Counted(), set(), unbounded)  # type: ignore[arg-type]
    for document in came:
        committer.add(document)
    assert len(committer.buffer) == len(came)


def test_the_batch_so_far_is_committed_once_commit_tail_documents_are_left(made):
    came = [_came(answer) for _, answer in made]
    tail = replace(DEFAULT, run=replace(DEFAULT.run, commit_every=1000, commit_tail=3))
    dataset = _Counted()
    committer = Committer(dataset, set(), tail, expected=len(came))  # type: ignore[arg-type]
    for count, document in enumerate(came, 1):
        committer.add(document)
        # committed with 3 left to come, and not again before the run's own last flush
        assert len(dataset.commits) == (len(TABLES) if count >= len(came) - 3 else 0)
    assert len(committer.buffer) == 3
    for expected in (0, 2):  # not known, or fewer than the tail: no early commit
        dataset = _Counted()
        committer = Committer(dataset, set(), tail, expected=expected)  # type: ignore[arg-type]
        for document in came[:2]:
            committer.add(document)
        assert not dataset.commits


def test_the_default_cadence_bounds_a_batch_by_bytes_too():
    run = DEFAULT.run
    assert run.commit_every == 1000 and 0 < run.commit_bytes <= 64 * 1024**2
    assert 0 < run.commit_tail < run.commit_every


def _run(inbox, ds, workers: int, capsys, *cadence: str) -> list[dict]:
    return logged_run(inbox, ds, workers, capsys, *cadence)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_cadence_changes_when_commits_happen_never_what_is_committed(
        tmp_path, capsys, workers):
    """The default cadence (the batch before the last 32 documents, and theirs),
    every 7 documents (as 200 was for a larger run) and a byte bound of a few
    documents: more commits, the same four tables and log lines (in order with one
    worker, as a set with two)."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 40, actions=3)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    every = _run(inbox, tmp_path / "every", workers, capsys, "--commit-every", "7")
    small = _run(inbox, tmp_path / "bytes", workers, capsys, "--commit-bytes", "20K")
    commits = {name: DeltaTable(str(tmp_path / name / "documents")).version()
               for name in ("now", "every", "bytes")}
    assert commits["now"] < commits["every"] < commits["bytes"]
    assert_same_runs(now, every, tmp_path / "now", tmp_path / "every", workers)
    assert_same_runs(small, every, tmp_path / "bytes", tmp_path / "every", workers)
