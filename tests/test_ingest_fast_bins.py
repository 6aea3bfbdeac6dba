"""A worker reads with glibc's fastbins off (``RunSettings.fast_bins``, ``heap.
fast_bins``): a freed small chunk is merged with its free neighbours at once, not
kept aside until the next large request merges them all (``malloc_consolidate``,
~5 % of a worker's CPU on small documents, issue 8). Where the heap's free space is
merged changes no value: with them on (the C library's default, the reference) the
same four tables and log lines, with one worker and with two. The main process
runs with them off too (``RunSettings.main_fast_bins``, ``heap.fast_bins_off``):
there the small C++ objects of a batch's IPC read were merged in bulk.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES

from planextract.pipeline import cmd_ingest, options
from planextract.pipeline.options import settings_from_args
from planextract.settings import DEFAULT, RunSettings

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, logged_run  # noqa: E402
from text_exports import write_exports  # noqa: E402

_PROBE = """
import sys
from planextract.pipeline.heap import fast_bins
print(fast_bins(sys.argv[1] == "on"))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_the_c_library_takes_fast_bins_off_and_on():
    """In a process of its own: the setting is the process's, and its forks'."""
    for mode in ("off", "on"):
        out = subprocess.run([sys.executable, "-c", _PROBE, mode], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        assert out.stdout.strip() == "True"
    assert DEFAULT.run.fast_bins is False  # a worker's default


def _run(inbox, ds, workers: int, capsys) -> list[dict]:
    return logged_run(inbox, ds, workers, capsys, "--commit-every", "7")


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_with_fast_bins_on_give_the_same_dataset_and_log(tmp_path, monkeypatch,
                                                                 capsys, workers):
    """Plans of the four text and Word formats, exports of every text shape and PDF
    samples, read by workers with the fastbins off, then on."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 24, actions=4)
    write_exports(inbox, 1_500, seed=11)
    for pdf in sorted(SAMPLES.glob("*.pdf"))[:2]:
        shutil.copy(pdf, inbox / pdf.name)
    made: list[bool] = []

    def recorded(args):  # the settings the workers are given
        settings = settings_from_args(args)
        made.append(settings.run.fast_bins)
        return settings

    monkeypatch.setattr(cmd_ingest, "settings_from_args", recorded)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    monkeypatch.setattr(options, "RunSettings", functools.partial(RunSettings,
                                                                 fast_bins=True))
    before = _run(inbox, tmp_path / "before", workers, capsys)
    assert made == [False, True]
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)


def test_the_main_process_runs_with_them_off_and_gives_them_back(tmp_path, monkeypatch,
                                                                 capsys):
    """``RunSettings.main_fast_bins`` (off): the run turns them off in its own process
    for the run and back on at its end, also when it fails; on (the reference), it
    leaves them alone."""
    from planextract.pipeline import heap

    calls: list[bool] = []
    monkeypatch.setattr(heap, "fast_bins", lambda on: calls.append(on) or True)
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 3, actions=3)
    logged_run(inbox, tmp_path / "ds", 1, capsys)
    assert DEFAULT.run.main_fast_bins is False
    assert calls == [False, True]
    calls.clear()
    with heap.fast_bins_off(False):
        pass
    assert calls == []
    with pytest.raises(RuntimeError), heap.fast_bins_off(True):
        raise RuntimeError
    assert calls == [False, True]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_main_process_with_fast_bins_on_gives_the_same_dataset_and_log(
        tmp_path, monkeypatch, capsys, workers):
    """Batches of several documents and a long export (its actions in packed frames),
    committed by a main process with the fastbins off (now), then on."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 20, actions=4)
    write_exports(inbox, 1_500, seed=13)
    now = _run(inbox, tmp_path / "now", workers, capsys)
    monkeypatch.setattr(options, "RunSettings", functools.partial(RunSettings,
                                                                 main_fast_bins=True))
    before = _run(inbox, tmp_path / "before", workers, capsys)
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)
