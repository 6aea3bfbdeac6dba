"""The main process waits a little before it looks for answers when every worker can
read on meanwhile (``isolation.nap``, issue 8): fewer wake-ups, each taking a few
answers. Only when answers are taken moves: the reference (``NAP = 0``, look at once,
what the loop did before session 17) gives the same dataset and the same log lines,
and so does the rule before session 20 (``fixed_nap``, queues of 8 at most)."""

from __future__ import annotations

import sys
import time
from types import SimpleNamespace

import pytest
from conftest import ROOT

from planextract.pipeline import isolation
from planextract.pipeline.isolation import (
    FIXED_NAP,
    LEAST_NAP,
    MAX_DEPTH,
    NAP,
    NAP_SHARE,
    fixed_nap,
    nap,
    quick_time,
)

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, logged_run  # noqa: E402

FAR = float("inf")  # no time limit near


def _busy(*queued: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(queue=[object()] * n) for n in queued]


def test_no_nap_before_a_document_was_timed_or_with_nothing_busy():
    assert nap(_busy(8, 8), None, FAR) == 0.0
    assert nap(_busy(8, 8), 0.0, FAR) == 0.0
    assert nap([], 0.01, FAR) == 0.0


def test_a_nap_is_a_share_of_the_reading_every_busy_worker_has_queued():
    seconds = 0.005  # the bench's mix: ~5 ms a document
    # 15 queued behind the one being read: 37.5 ms at half, NAP at most
    assert nap(_busy(16), seconds, FAR) == NAP
    assert nap(_busy(16, 4), seconds, FAR) == NAP_SHARE * 3 * seconds  # the shortest
    assert nap(_busy(2, 16), seconds, FAR) == 0.0  # under the least: wait for an answer
    assert nap(_busy(1), 10.0, FAR) == 0.0  # nothing queued behind a slow one
    for queued in range(1, MAX_DEPTH + 1):
        for seconds in (0.001, 0.002, 0.004, 0.01, 0.05, 1.0):
            wait = nap(_busy(queued, MAX_DEPTH), seconds, FAR)
            assert wait == 0.0 or LEAST_NAP * NAP <= wait <= NAP
            # never longer than a share of what the shortest queue holds
            assert wait <= NAP_SHARE * (queued - 1) * seconds


def test_a_nap_never_outlasts_a_full_queue_of_the_quickest_documents():
    """The quickest documents of the bench (text exports) take ~2 ms: a full queue of
    them still outlasts the longest nap, whatever the smoothed time a document says."""
    assert (MAX_DEPTH - 1) * 0.002 >= NAP
    for seconds in (0.002, 0.005, 0.02):
        assert nap(_busy(MAX_DEPTH), seconds, FAR) <= (MAX_DEPTH - 1) * 0.002


def test_a_nap_never_outlasts_the_queue_when_its_documents_are_quick_ones():
    """After one slow document the smoothed time is long and a worker holds two
    (``depth``): a quick one queued behind must not leave its worker idle through
    a nap made from the average (the review of session 20)."""
    slow_average, quick = 0.2, 0.002
    assert nap(_busy(2), slow_average, FAR) == NAP  # the average alone: a full nap
    assert nap(_busy(2), slow_average, FAR, quick) == 0.0  # 2 ms queued: none
    assert nap(_busy(16), 0.005, FAR, quick) == NAP  # 15 quick ones cover the longest
    for queued in range(1, MAX_DEPTH + 1):
        for seconds in (0.001, 0.005, 0.2, 1.0):
            for quick in (0.0, 0.0005, 0.002, 0.01):
                wait = nap(_busy(queued, MAX_DEPTH), seconds, FAR, quick)
                assert wait <= (queued - 1) * quick


def test_a_quick_time_is_the_least_seen_drifting_up_toward_slower_ones():
    assert quick_time(None, 0.004) == 0.004
    assert quick_time(0.004, 0.001) == 0.001  # a quicker one: at once
    after_an_instant_failure = 0.0
    for _ in range(40):  # 40 documents of 2 ms after it
        after_an_instant_failure = quick_time(after_an_instant_failure, 0.002)
    assert 0.0019 < after_an_instant_failure <= 0.002  # naps come back
    assert quick_time(0.002, 1.0) == pytest.approx(0.002 + 0.0998)


def test_the_rule_before_napped_only_when_every_busy_worker_had_that_much_queued():
    seconds = FIXED_NAP / 2  # two documents behind the one being read cover a nap
    assert fixed_nap(_busy(3), seconds, FAR) == FIXED_NAP
    assert fixed_nap(_busy(3, 8), seconds, FAR) == FIXED_NAP
    assert fixed_nap(_busy(2, 8), seconds, FAR) == 0.0  # one of them could run out
    assert fixed_nap(_busy(1), 10.0, FAR) == 0.0
    assert fixed_nap(_busy(8), None, FAR) == 0.0


def test_a_nap_never_runs_past_the_first_time_limit():
    for rule, longest in ((nap, NAP), (fixed_nap, FIXED_NAP)):
        soon = time.monotonic() + longest / 4
        assert 0.0 < rule(_busy(8), 1.0, soon) <= longest / 4
        assert rule(_busy(8), 1.0, time.monotonic() - 1.0) == 0.0


def _recording(rule):
    """``rule`` wrapped to keep every nap it gives, so a test can show it was asked."""
    given: list[float] = []

    def recorded(*args) -> float:
        given.append(rule(*args))
        return given[-1]

    return recorded, given


def _run(inbox, ds, workers: int, capsys) -> list[dict]:
    return logged_run(inbox, ds, workers, capsys, "--commit-every", "7")


@pytest.mark.parametrize("workers", [1, 2])
def test_answers_taken_after_naps_give_the_dataset_and_log_of_looking_at_once(
        tmp_path, monkeypatch, capsys, workers):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 40, actions=3)
    recorded, naps = _recording(nap)
    monkeypatch.setattr(isolation, "nap", recorded)
    # short enough that these small plans queue that much reading: the naps happen
    monkeypatch.setattr(isolation, "NAP", 0.002)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    assert any(naps)
    naps.clear()
    monkeypatch.setattr(isolation, "NAP", 0.0)  # the reference: look at once
    reference = _run(inbox, tmp_path / "reference", workers, capsys)
    assert not any(naps)
    assert_same_runs(now, reference, tmp_path / "now", tmp_path / "reference", workers)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_rule_before_gives_the_same_dataset_and_log(tmp_path, monkeypatch, capsys,
                                                        workers):
    """The old rule swapped in (``fixed_nap``, at most 8 queued), against this one, on
    48 plans of the four text and Word formats, enough that queues fill past 8 and
    the naps are taken: the same four tables, the same log lines
    (in the same order with one worker, the same set with two)."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 48, actions=3)
    recorded, waits = _recording(nap)
    monkeypatch.setattr(isolation, "nap", recorded)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    assert waits
    recorded_before, waits_before = _recording(fixed_nap)
    monkeypatch.setattr(isolation, "nap", recorded_before)
    monkeypatch.setattr(isolation, "MAX_DEPTH", 8)
    before = _run(inbox, tmp_path / "before", workers, capsys)
    assert max(waits) > FIXED_NAP  # longer naps than the rule before: it was taken
    assert FIXED_NAP in waits_before  # and the rule before was asked, and napped
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)
