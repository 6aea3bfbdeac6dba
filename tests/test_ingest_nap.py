"""The main process waits a little before it looks for answers when every worker can
read on meanwhile (``isolation.nap``, issue 8): fewer wake-ups, each taking a few
answers. Only when answers are taken moves: the reference (``NAP = 0``, look at once,
what the loop did before) gives the same dataset and the same log lines."""

from __future__ import annotations

import json
import sys
import time
from types import SimpleNamespace

import pandas as pd
import pytest
from conftest import ROOT

from planextract.pipeline import isolation
from planextract.pipeline.cli import main
from planextract.pipeline.isolation import NAP, nap
from planextract.schema.delta import TABLES

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import rows  # noqa: E402

FAR = float("inf")  # no time limit near


def _busy(*queued: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(queue=[object()] * n) for n in queued]


def test_no_nap_before_a_document_was_timed_or_with_nothing_busy():
    assert nap(_busy(8, 8), None, FAR) == 0.0
    assert nap(_busy(8, 8), 0.0, FAR) == 0.0
    assert nap([], 0.01, FAR) == 0.0


def test_a_nap_only_when_every_busy_worker_has_that_much_reading_queued():
    seconds = NAP / 2  # two documents behind the one being read cover a nap
    assert nap(_busy(3), seconds, FAR) == NAP
    assert nap(_busy(3, 8), seconds, FAR) == NAP
    assert nap(_busy(2, 8), seconds, FAR) == 0.0  # one of them could run out
    assert nap(_busy(1), 10.0, FAR) == 0.0  # nothing queued behind a slow one
    for queued in range(1, 9):
        for seconds in (0.001, 0.004, 0.01, 0.05, 1.0):
            wait = nap(_busy(queued, 8), seconds, FAR)
            assert wait in (0.0, NAP)
            assert not wait or (queued - 1) * seconds >= NAP


def test_a_nap_never_runs_past_the_first_time_limit():
    soon = time.monotonic() + NAP / 4
    assert 0.0 < nap(_busy(8), 1.0, soon) <= NAP / 4
    assert nap(_busy(8), 1.0, time.monotonic() - 1.0) == 0.0


def _run(inbox, ds, workers: int, capsys) -> list[dict]:
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "json", "--workers",
                 str(workers), "--commit-every", "7"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    for record in records:
        record.pop("seconds", None)  # how long a reading took: never the same twice
    return records


@pytest.mark.parametrize("workers", [1, 2])
def test_answers_taken_after_naps_give_the_dataset_and_log_of_looking_at_once(
        tmp_path, monkeypatch, capsys, workers):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 40, actions=3)
    naps: list[float] = []

    def recorded(*args) -> float:
        naps.append(nap(*args))
        return naps[-1]

    monkeypatch.setattr(isolation, "nap", recorded)
    # short enough that these small plans queue that much reading: the naps happen
    monkeypatch.setattr(isolation, "NAP", 0.002)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    assert any(naps)
    naps.clear()
    monkeypatch.setattr(isolation, "NAP", 0.0)  # the reference: look at once
    reference = _run(inbox, tmp_path / "reference", workers, capsys)
    assert not any(naps)
    if workers == 1:  # answers in the order read: the same lines in the same order
        assert now == reference
    else:  # two workers' answers interleave as they come, with or without naps
        assert sorted(now, key=json.dumps) == sorted(reference, key=json.dumps)
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(tmp_path / "now", name),
                                      rows(tmp_path / "reference", name), obj=name)
