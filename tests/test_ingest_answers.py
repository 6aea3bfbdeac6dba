"""A worker sends each document as plain values (``DocumentTables.answer``), not the
pickled dataclass with its ``Counter`` (``child.reference_answer``, what it sent
before session 20): the main process unpickles 1,000 answers a run on a core the
workers want (issue 8). What arrives must be the same document: the same source,
row, wires, row counts and flag counts, committed to the same tables, logged in
the same lines and summed in the same summary, with one worker and with two.

A batch's documents table is made from the rows the documents carry
(``committer.batch_documents``), not decoded from each one-row table that came
(``reference_batch_documents``): the same table.
"""

from __future__ import annotations

import pickle
import shutil
import sys
from collections import Counter
from dataclasses import replace

import pytest
from conftest import ROOT, SAMPLES
from text_exports import write_exports

from planextract.pipeline import committer, isolation
from planextract.pipeline.child import plain_answer, reference_answer
from planextract.pipeline.cli import main
from planextract.pipeline.committer import batch_documents, reference_batch_documents
from planextract.pipeline.document_run import failed, run_one
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.progress import log_record
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.pipeline.run import RunSummary
from planextract.pipeline.wire import WireTables, batch_table, reference_batch_table
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, log_records  # noqa: E402

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))


def worker_documents(tmp_path_factory, plans: int, samples: int, size: int, seed: int
                     ) -> list[DocumentTables]:
    """What workers send: ``samples`` samples, ``plans`` generated plans, long exports
    of ``size`` bytes packed in small batches (their actions as packed frames), a
    file that fails and a failure made here."""
    inbox = tmp_path_factory.mktemp("plans")
    ingest_plans.write_plans(inbox, plans, actions=5)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    made = write_exports(tmp_path_factory.mktemp("exports"), size, seed=seed)
    paths = [*sorted(p for p in SAMPLES.iterdir() if p.is_file())[:samples],
             *sorted(inbox.iterdir()), *made]
    results = [run_one(str(p), SMALL) for p in paths]
    assert any(isinstance(r.action_rows, PackedRows) for r in results)
    return [*map(document_tables, results), document_tables(failed("x", "boom"))]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[DocumentTables]:
    """``worker_documents``, some with flags and some failed."""
    documents = worker_documents(tmp_path_factory, 12, 8, 3_000, 5)
    assert any(d.flags for d in documents)
    assert any(d.document["status"] == "failed" for d in documents)
    return documents


def _by_answer(document: DocumentTables) -> DocumentTables:
    return DocumentTables.from_answer(pickle.loads(pickle.dumps(plain_answer(document))))


def _by_reference(document: DocumentTables) -> DocumentTables:
    return pickle.loads(pickle.dumps(reference_answer(document)))


def test_an_answer_arrives_as_the_pickled_dataclass_did(built):
    for document in built:
        now, before = _by_answer(document), _by_reference(document)
        assert isinstance(now.tables, WireTables)
        assert now.source == before.source
        assert now.document == before.document
        assert list(now.document) == list(before.document)  # the row's keys in order
        assert list(now.flags.items()) == list(before.flags.items())
        assert list(now.tables) == list(before.tables)
        assert now.tables.counts == before.tables.counts
        for name in TABLES:
            assert now.tables.wire(name) == before.tables.wire(name)
            assert now.num_rows(name) == before.num_rows(name)
            assert now.tables[name].equals(before.tables[name])


def test_an_answer_is_plain_values(built):
    """No class of ours and no ``Counter`` in the pickle: nothing to look up or rebuild
    but builtins (a long document's packed frames arrive as bytes)."""
    for document in built:
        answer = pickle.loads(pickle.dumps(plain_answer(document)))
        source, row, wires, counts, flags = answer
        assert type(flags) is dict and type(row) is dict
        assert all(type(data) is bytes for _, data in wires.values())
        assert b"planextract" not in pickle.dumps(answer)
        assert b"Counter" not in pickle.dumps(answer)


def test_a_batch_of_answers_commits_the_same_tables(built):
    now = [_by_answer(d).tables for d in built]
    before = [_by_reference(d).tables for d in built]
    for name in TABLES:
        expected = reference_batch_table(name, before)
        got = batch_table(name, now)
        assert got.schema.equals(expected.schema, check_metadata=True)
        assert got.equals(expected)
        assert [c.num_chunks for c in got.columns] == [c.num_chunks for c in expected.columns]


def _same(got, expected) -> None:
    assert got.schema.equals(expected.schema, check_metadata=True)
    assert got.equals(expected)
    assert [c.num_chunks for c in got.columns] == [c.num_chunks for c in expected.columns]


def test_a_batch_documents_table_is_made_from_its_rows_as_it_was_decoded(built):
    """Arrived as answers, as the pickled dataclass, built here (failures among them),
    mixed, one alone: the same table as each document's own table joined."""
    now = [_by_answer(d) for d in built]
    before = [_by_reference(d) for d in built]
    for batch in (now, before, built, [*now[::2], *built[1::2]], now[:1]):
        _same(batch_documents(batch), reference_batch_documents(batch))
    assert batch_documents(now).num_rows == len(built)


def test_flags_as_a_dict_log_and_sum_as_the_counter_did(built):
    summary_now, summary_before = RunSummary(None), RunSummary(None)
    for document in built:
        now, before = _by_answer(document), _by_reference(document)
        assert type(before.flags) is Counter
        assert log_record(now.document, now.flags) == log_record(before.document,
                                                                 before.flags)
        summary_now.add(now.document, now.flags)
        summary_before.add(before.document, before.flags)
    assert summary_now.flags == summary_before.flags and summary_now.flags
    assert list(summary_now.flags.items()) == list(summary_before.flags.items())


def _run(inbox, ds, workers: int, capsys) -> tuple[list[dict], str]:
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "json", "--workers",
                 str(workers), "--commit-every", "7"]) == 1  # the broken file fails
    captured = capsys.readouterr()
    records = log_records(captured.err)
    # the dataset's folder named as it is, the rest as it was
    return records, captured.out.replace(str(ds), "<dataset>")


@pytest.mark.parametrize("workers", [1, 2])
def test_the_answers_before_give_the_same_dataset_log_and_summary(tmp_path, monkeypatch,
                                                                  capsys, workers):
    """The dataclass sent as before (``child.reference_answer`` swapped in, passed to
    every worker) and the documents table decoded as it came, against the plain
    answer and the table made from the rows, on 30 plans of every shape, samples
    with flagged rows and a file that fails: the same four tables, the same log
    lines (in the same order with one worker, the same set with two) and the same
    closing summary."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 30, actions=4)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    for sample in sorted(p for p in SAMPLES.iterdir() if p.is_file())[:8]:  # flagged rows
        shutil.copy(sample, inbox / f"sample-{sample.name}")
    assert isolation.ANSWER is plain_answer
    arrived: list[int] = []  # plain answers the main process took in, and tables made
    made: list[int] = []
    take_in = DocumentTables.from_answer.__func__

    def counted_answer(cls, answer):
        arrived.append(1)
        return take_in(cls, answer)

    def counted_table(*args, **kwargs):
        made.append(1)
        return batch_documents(*args, **kwargs)

    monkeypatch.setattr(DocumentTables, "from_answer", classmethod(counted_answer))
    monkeypatch.setattr(committer, "batch_documents", counted_table)
    now, now_summary = _run(inbox, tmp_path / "now", workers, capsys)
    assert arrived and made  # the new paths were taken
    arrived.clear()
    monkeypatch.setattr(isolation, "ANSWER", reference_answer)
    monkeypatch.setattr(committer, "batch_documents", reference_batch_documents)
    before, before_summary = _run(inbox, tmp_path / "before", workers, capsys)
    assert not arrived  # the swap reached the workers: none answered with plain values
    assert any(record.get("flags") for record in now)
    assert now_summary == before_summary and "flags" in now_summary
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)
