"""The JSON log's lines of the answers taken in at one wake-up go out in one write, as
the main process is about to wait again (``Reporter.hold``/``release``, called by
``run_isolated``'s ``idle``; issue 8). The reference is a reporter that writes each
line at once (``hold`` a no-op: what it did before): the same lines, in the same
order with one worker, and the same dataset."""

from __future__ import annotations

import io
import sys
from collections import Counter

import pytest
from conftest import ROOT

from planextract.pipeline import isolation, progress
from planextract.pipeline.progress import Reporter, log_line, log_record

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, logged_run  # noqa: E402


class _Writes(io.StringIO):
    """A stream that counts its writes and flushes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0
        self.flushes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)

    def flush(self) -> None:
        self.flushes += 1


def _document(i: int, status: str = "ok") -> dict:
    return {"source": f"in/é-{i}.txt", "doc_id": f"{i:016x}", "status": status,
            "n_actions": i, "seconds": 0.001 * i, "error": None if status == "ok" else "x"}


def test_held_lines_are_the_lines_written_at_once_in_one_write():
    documents = [(_document(i, "failed" if i == 3 else "ok"), Counter({"f": i}))
                 for i in range(6)]
    at_once, held = _Writes(), _Writes()
    reference = Reporter("json", stream=at_once)
    reporter = Reporter("json", stream=held)
    reporter.hold()
    for document, flags in documents[:4]:
        reference.document(document, flags)
        reporter.document(document, flags)
    assert held.getvalue() == "" and held.writes == 0  # kept
    reporter.release()
    assert held.getvalue() == at_once.getvalue()
    assert (held.writes, held.flushes) == (1, 1)
    reporter.release()  # nothing kept: nothing written
    assert (held.writes, held.flushes) == (1, 1)
    for document, flags in documents[4:]:
        reference.document(document, flags)
        reporter.document(document, flags)
    reporter.stop()  # what is kept goes out, and the reporter writes at once again
    reference.stop()
    assert held.getvalue() == at_once.getvalue()
    assert held.getvalue() == "".join(log_line(log_record(d, f)) for d, f in documents)
    assert reporter.failures == reference.failures == 1
    reporter.document(*documents[0])
    assert held.getvalue().endswith(log_line(log_record(*documents[0])))


def test_a_held_reporter_in_another_mode_writes_no_lines():
    stream = _Writes()
    reporter = Reporter("quiet", stream=stream)
    reporter.hold()
    reporter.document(*(_document(1), Counter()))
    reporter.stop()
    assert stream.getvalue() == "" and stream.writes == 0


def _run(inbox, ds, workers: int, capsys) -> list[dict]:
    return logged_run(inbox, ds, workers, capsys, "--commit-every", "7",
                      status=1)  # the broken file


@pytest.mark.parametrize("workers", [1, 2])
def test_held_lines_give_the_log_and_dataset_of_lines_written_at_once(
        tmp_path, monkeypatch, capsys, workers):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 40, actions=3)
    (inbox / "broken.docx").write_bytes(b"not a zip")  # a failed document's line too
    released = []
    release = Reporter.release

    def counted(reporter) -> None:
        released.append(len(reporter._held or ()))
        release(reporter)

    monkeypatch.setattr(Reporter, "release", counted)
    monkeypatch.setattr(isolation, "NAP", 0.002)  # naps: a few answers a wake-up
    now = _run(inbox, tmp_path / "now", workers, capsys)
    assert sum(released) == 41 and len(released) > 1  # released as it went
    monkeypatch.setattr(progress.Reporter, "hold", lambda reporter: None)  # the reference
    reference = _run(inbox, tmp_path / "reference", workers, capsys)
    assert_same_runs(now, reference, tmp_path / "now", tmp_path / "reference", workers)
