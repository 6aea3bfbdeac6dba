"""The main process's per-document work made cheaper (issue 8) writes and reads the
same bytes as the code it replaced: the JSON log line (``progress.log_line`` against
``reference_log_line``), a task as sent to a worker (``pickle.dumps`` against the
``ForkingPickler`` of ``Connection.send``), and an answer read without a second look at
a pipe the poll found ready (``isolation._collect``)."""

from __future__ import annotations

import io
import json
import multiprocessing as mp
import pickle
import time
from collections import Counter
from multiprocessing.reduction import ForkingPickler
from types import SimpleNamespace

import pytest
from conftest import ROOT

from planextract.pipeline import isolation, progress
from planextract.pipeline.cli import main
from planextract.pipeline.isolation import Task, _collect, ready_fds
from planextract.pipeline.progress import Reporter, log_line, log_record, reference_log_line

RECORDS = [
    {"source": "inbox/plan.txt", "doc_id": "0123456789abcdef", "status": "ok", "actions": 5,
     "flags": {}, "seconds": 0.006, "error": None},
    {"source": "inbox/Plân “équité” 2011\t\"quoted\"\\back.docx", "doc_id": None,
     "status": "failed", "actions": 0, "flags": {"merged_split_row": 2, "no_owner": 1},
     "seconds": 12.345, "error": "the reader crashed (SIGSEGV) while reading it:\nline two"},
    {"source": "inbox/\u0000control\u001f\u2028sep\U0001f600.pdf", "doc_id": "x",
     "status": "empty", "actions": 0, "flags": {"ä": 1}, "seconds": 1e-05,
     "error": "\ud800 lone surrogate"},
    {"source": "/in/x", "status": "note", "note": "a symlinked folder"},
]


@pytest.mark.parametrize("record", RECORDS)
def test_a_log_line_is_the_text_print_json_dumps_wrote(record):
    assert log_line(record) == reference_log_line(record)
    stream = io.StringIO()
    print(json.dumps(record, ensure_ascii=False), file=stream, flush=True)
    assert log_line(record) == stream.getvalue()


def test_a_reporter_writes_the_same_log_with_the_reference_swapped_in(monkeypatch):
    documents = [({"source": r["source"], "doc_id": r["doc_id"], "status": r["status"],
                   "n_actions": r["actions"], "seconds": r["seconds"], "error": r["error"]},
                  Counter(r["flags"])) for r in RECORDS[:3]]

    def written() -> str:
        stream = io.StringIO()
        reporter = Reporter("json", stream=stream)
        reporter.note("/in/x", "a symlinked folder")
        for document, flags in documents:
            reporter.document(document, flags)
        return stream.getvalue()

    now = written()
    monkeypatch.setattr(progress, "log_line", reference_log_line)
    assert written() == now
    assert now.count("\n") == 4  # (str.splitlines would also split at U+2028)


def test_every_line_of_a_run_s_log_is_what_the_reference_writes(tmp_path, capsys):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import ingest_plans

    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 6, actions=3)
    (inbox / "broken é.pdf").write_bytes(b"%PDF-1.4 not really")
    assert main(["ingest", str(inbox), "--dataset", str(tmp_path / "ds"), "--log", "json",
                 "--workers", "2"]) == 1
    lines = capsys.readouterr().err.splitlines(keepends=True)
    assert len(lines) == 7
    for line in lines:
        assert line == reference_log_line(json.loads(line))
        record = json.loads(line)
        document = {**record, "n_actions": record["actions"]}
        assert line == reference_log_line(log_record(document, Counter(record["flags"])))


@pytest.mark.parametrize("task", [Task("inbox/plan.txt", "ab" * 32, 1234), Task("p.pdf"),
                                  Task("inbox/Plân é\U0001f600.docx", None, 2**40)])
def test_a_task_is_sent_as_the_bytes_connection_send_wrote(task):
    sent = (task.source, task.sha256, task.size)
    assert pickle.dumps(sent) == bytes(ForkingPickler.dumps(sent))
    ours, theirs = mp.Pipe()
    worker = SimpleNamespace(queue=isolation.deque(), conn=ours, started=0.0)
    isolation._Worker.give(worker, task)
    assert theirs.recv() == sent  # what worker_main's conn.recv() gets
    assert worker.queue[0] is task


def _worker(conn, process) -> SimpleNamespace:
    return SimpleNamespace(conn=conn, process=process, queue=isolation.deque([Task("a.txt")]),
                           started=time.monotonic(), retiring=False, broken=False)


def _pipe_to_an_exited_worker():
    """Our end of a worker's pipe, its end, and the worker process, already exited."""
    ctx = mp.get_context("fork")
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=time.sleep, args=(0,))
    process.start()
    process.join()
    return ours, theirs, process


def test_an_answer_is_read_when_its_pipe_is_ready_even_if_the_worker_is_gone():
    ours, theirs, gone = _pipe_to_an_exited_worker()
    theirs.send(("the result", True))  # a retiring worker answers, then exits
    theirs.close()
    worker = _worker(ours, gone)
    ready = ready_fds([worker], 1.0)
    assert ready == {ours.fileno(), gone.sentinel}
    assert _collect(worker, ready, 60.0) == "the result"
    assert worker.retiring and not worker.broken and not worker.queue


def test_a_worker_gone_without_an_answer_fails_its_document_alone():
    ours, theirs, crashed = _pipe_to_an_exited_worker()
    theirs.close()  # its end of the pipe went with it: the poll sees the pipe's end
    worker = _worker(ours, crashed)
    ready = ready_fds([worker], 1.0)
    assert ours.fileno() in ready
    result = _collect(worker, ready, 60.0)
    assert worker.broken and result.document["status"] == "failed"
    assert "without a result" in result.document["error"]


def _frozen_then_collects(out) -> None:
    import gc

    from planextract.pipeline.child import leave_inherited_alone

    leave_inherited_alone()
    frozen = gc.get_freeze_count()
    cycle: list = []
    cycle.append(cycle)
    del cycle
    out.send((frozen, gc.collect()))


def test_a_worker_leaves_what_it_inherited_out_of_collections_but_collects_its_own():
    ctx = mp.get_context("fork")
    ours, theirs = ctx.Pipe()
    child = ctx.Process(target=_frozen_then_collects, args=(theirs,))
    child.start()
    frozen, collected = ours.recv()
    child.join()
    assert frozen > 1000  # the modules and objects it came with
    assert collected >= 1  # a cycle made afterwards is still freed
