"""The two ends of an ingest run, where both the one- and the two-worker run wait
(issue 8): the first result (what a worker's first document needs beyond the fork
server's preload) and the tail after the last answer (the workers' exit, the
interpreter's own). Each change keeps the rows, the log and what a worker reads."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES

from planextract.lexicon import role_vocab
from planextract.pipeline import isolation, wire
from planextract.pipeline.cli import main
from planextract.pipeline.isolation import Task, run_isolated
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402


def test_the_vocabulary_is_one_object_however_it_is_asked_for():
    # the fork server loads ``load()``; owners.resolve asks ``load(roles_file)`` with
    # no file: one cache entry, or every worker parsed the TOML on its first document
    assert role_vocab.load() is role_vocab.load(None) is role_vocab.load("")


_FIRST_DOCUMENTS = r"""
import importlib, json, sys
from planextract.pipeline.preload import preload_for
from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import document_tables
inbox = sys.argv[1]
for name in ["planextract.pipeline.warm", *preload_for(["ingest", inbox])]:
    importlib.import_module(name)
before = set(sys.modules)
for path in sys.argv[2:]:
    document_tables(run_one(path))
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_the_fork_server_holds_what_a_first_document_of_each_format_imports(tmp_path):
    """A module a worker imports for its first document is imported by every worker
    before its first result; the server imports it once (``pipeline/warm.py``)."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 4, actions=3)  # the four text and Word shapes
    pdf = SAMPLES / "cheshire-probation_ses-action-plan-year3-2011-12.pdf"
    (inbox / pdf.name).write_bytes(pdf.read_bytes())
    firsts = [str(p) for p in sorted(inbox.iterdir())]
    out = subprocess.run([sys.executable, "-c", _FIRST_DOCUMENTS, str(inbox), *firsts],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.splitlines()[-1]) == []


def test_a_batch_joined_by_pyarrow_before_19_is_the_same_table(monkeypatch, tmp_path):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 8, actions=3)
    results = list(run_isolated([Task(str(p)) for p in sorted(inbox.iterdir())], DEFAULT))
    assert len(results) == 8  # as they arrive from the workers
    tables = [r.tables for r in results]
    now = {name: wire.batch_table(name, tables) for name in TABLES}
    monkeypatch.setattr(wire, "_CONCAT", None)  # read_all().combine_chunks(), as before
    for name in TABLES:
        old = wire.batch_table(name, tables)
        assert now[name].schema.equals(old.schema, check_metadata=True)
        assert now[name].equals(old)
        assert [c.num_chunks for c in now[name].columns] == [c.num_chunks
                                                             for c in old.columns]


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_are_told_to_stop_as_the_last_answer_goes_out(tmp_path, monkeypatch,
                                                              workers):
    """They exit while the caller takes the last answer in (its commit), not after;
    never before it, and each is told once."""
    events: list[str] = []
    told = isolation._Worker.ask_to_stop

    def recorded(worker) -> None:
        events.append("stop" if not worker.told else "again")
        told(worker)

    monkeypatch.setattr(isolation._Worker, "ask_to_stop", recorded)
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 12, actions=3)
    tasks = [Task(str(p)) for p in sorted(inbox.iterdir())]
    results = []
    for result in run_isolated(tasks, DEFAULT, workers=workers):
        results.append(result)
        events.append("answer")
    assert sorted(r.source for r in results) == sorted(t.source for t in tasks)
    assert all(r.document["status"] == "ok" for r in results)
    first = events.index("stop")
    assert events[:first] == ["answer"] * (len(tasks) - 1)
    assert events[first:] == ["stop"] * workers + ["answer"] + ["again"] * workers


def test_called_from_python_the_command_leaves_the_collector_alone(tmp_path):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 2, actions=3)
    frozen = gc.get_freeze_count()
    assert main(["ingest", str(inbox), "--dataset", str(tmp_path / "ds"), "--log",
                 "json"]) == 0
    assert gc.get_freeze_count() == frozen


_AS_THE_PROGRAM = r"""
import gc, sys
from planextract.pipeline.cli import main
sys.argv = ["planextract", "ingest", sys.argv[1], "--dataset", sys.argv[2], "--log", "json"]
code = main()
print(code, gc.get_freeze_count() > 0)
"""


def test_run_as_the_program_its_objects_are_left_to_the_exit(tmp_path):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 2, actions=3)
    out = subprocess.run([sys.executable, "-c", _AS_THE_PROGRAM, str(inbox),
                          str(tmp_path / "ds")], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == ["0", "True"]


_FROZEN_BEFORE_THE_RUN = r"""
import gc, sys, weakref
from planextract.pipeline import cli, run
freed, frozen = [], []
original = run.run

def watched(*args, **kwargs):
    frozen.append(gc.get_freeze_count())
    cycle = type("Cycle", (), {})()
    cycle.me = cycle
    weakref.finalize(cycle, freed.append, True)
    del cycle
    return original(*args, **kwargs)

run.run = watched
import planextract.pipeline.cmd_ingest as cmd
cmd.run_ingest = watched
sys.argv = ["planextract", "ingest", sys.argv[1], "--dataset", sys.argv[2], "--log", "json"]
code = cli.main()
print(code, frozen[0] > 1000, freed == [True])
"""


def test_run_as_the_program_its_imports_are_left_alone_from_before_the_run(tmp_path):
    """The program freezes what its imports made before the run (``_leave_imports_
    alone``), and a cycle the run makes is still freed as the command returns."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 2, actions=3)
    out = subprocess.run([sys.executable, "-c", _FROZEN_BEFORE_THE_RUN, str(inbox),
                          str(tmp_path / "ds")], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-3:] == ["0", "True", "True"]


def test_workers_hold_two_documents_once_the_inputs_run_out():
    from planextract.pipeline.isolation import END_DEPTH, MAX_DEPTH, depth_left

    assert depth_left(MAX_DEPTH, 1000, 2) == MAX_DEPTH
    assert depth_left(MAX_DEPTH, 2 * MAX_DEPTH, 2) == MAX_DEPTH
    assert depth_left(MAX_DEPTH, 2 * MAX_DEPTH - 1, 2) == END_DEPTH
    assert depth_left(MAX_DEPTH, 0, 3) == END_DEPTH
    assert depth_left(2, 1, 2) == 2
    assert depth_left(MAX_DEPTH, 1, 1) == MAX_DEPTH  # one worker: nothing to balance
    assert depth_left(MAX_DEPTH, None, 2) == MAX_DEPTH  # an iterator: unknown


def test_the_last_documents_go_out_two_a_worker(tmp_path, monkeypatch):
    """Each worker ends with little queued, so neither reads on alone for long; every
    document is still read once."""
    from planextract.pipeline.isolation import END_DEPTH

    queued: list[int] = []
    give = isolation._Worker.give

    def recorded(worker, task) -> None:
        give(worker, task)
        queued.append(len(worker.queue))

    monkeypatch.setattr(isolation._Worker, "give", recorded)
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 40, actions=3)
    tasks = [Task(str(p)) for p in sorted(inbox.iterdir())]
    results = list(run_isolated(tasks, DEFAULT, workers=2))
    assert sorted(r.source for r in results) == sorted(t.source for t in tasks)
    assert len(queued) == len(tasks)
    assert max(queued) > END_DEPTH  # deeper queues meanwhile (small documents)
    assert max(queued[-4:]) <= END_DEPTH
