"""The run's reading-slot file (pipeline/slots.py) never outlives the runs: a run
killed with kill -9 cannot remove its own, so the next run removes every slot file
whose maker is gone, and never one whose maker still runs."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from conftest import ROOT

from planextract.pipeline import slots
from planextract.pipeline.testhooks import ENV

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402

EXE = str(Path(sys.executable).parent / "planextract")


def _make_and_wait(folder: str, made, done) -> None:
    """In a child: make a slot file as a run does, report its path, then wait."""
    made.put(slots.make_file(2, folder))
    done.wait(30)


def _child_file(folder: Path):
    ctx = mp.get_context("fork")
    made, done = ctx.Queue(), ctx.Event()
    child = ctx.Process(target=_make_and_wait, args=(str(folder), made, done))
    child.start()
    return child, done, made.get(timeout=30)


def test_a_file_whose_maker_was_killed_is_removed_and_a_live_one_kept(tmp_path):
    alive, done, alive_path = _child_file(tmp_path)
    dead, _, dead_path = _child_file(tmp_path)  # its sweep keeps the live one
    dead.kill()
    dead.join()
    try:
        assert Path(dead_path).exists() and Path(alive_path).exists()
        mine = slots.make_file(2, str(tmp_path))  # a new run sweeps first
        assert not Path(dead_path).exists()
        assert Path(alive_path).exists()  # its maker runs: its workers may use it
        assert slots.sweep(str(tmp_path)) == 0  # nor is this process's own removed
        assert Path(mine).exists()
        slots.remove_file(mine)
        assert not Path(mine).exists()
    finally:
        done.set()
        alive.join()
    assert slots.sweep(str(tmp_path)) == 1  # its maker ended without removing it


def test_a_file_cut_short_before_its_guard_is_no_ones(tmp_path):
    (tmp_path / (slots.PREFIX + "empty")).write_bytes(b"")
    assert slots.sweep(str(tmp_path)) == 1


def test_the_slot_file_of_a_killed_ingest_run_is_gone_after_the_next_run(tmp_path):
    inbox, temp = tmp_path / "inbox", tmp_path / "tmp"
    temp.mkdir()
    made = ingest_plans.write_plans(inbox, 3, actions=2)
    (inbox / "hang.txt").write_text("planextract-test:hang\n")
    env = {**os.environ, ENV: "1", "TMPDIR": str(temp)}
    ds = tmp_path / "ds"
    run = subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(ds), "--workers", "2",
                            "--timeout", "60", "--log", "quiet"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(temp.glob(slots.PREFIX + "*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    run.send_signal(signal.SIGKILL)
    run.communicate()
    left = list(temp.glob(slots.PREFIX + "*"))
    assert len(left) == 1  # what kill -9 leaves
    (inbox / "hang.txt").unlink()
    done = subprocess.run([EXE, "ingest", str(inbox), "--dataset", str(ds), "--workers", "2",
                           "--log", "quiet"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not list(temp.glob(slots.PREFIX + "*"))
    assert sorted(pd.read_parquet(ds / "documents")["source"]) == sorted(made)


def test_a_dask_task_reads_its_document_in_one_process_whatever_workers_says(monkeypatch):
    """On Dask the cluster's threads are the parallelism: a task never splits its
    PDF --workers ways (threads x workers readers on one Dask worker's cores)."""
    from dataclasses import replace

    from planextract.pipeline import engines
    from planextract.pipeline.isolation import Task
    from planextract.settings import DEFAULT

    seen = []

    def fake_run(tasks, settings, workers, hooks=None, cwd=None):
        seen.append((settings.run.workers, workers))
        return iter(["result"])

    monkeypatch.setattr(engines, "run_isolated", fake_run)
    settings = replace(DEFAULT, run=replace(DEFAULT.run, workers=4))
    assert engines.read_one_isolated(Task("plan.pdf"), settings, False) == "result"
    assert seen == [(1, 1)]
    assert settings.run.workers == 4  # the caller's settings are left as they were


def test_a_worker_whose_slot_file_is_gone_reads_but_never_splits(tmp_path, monkeypatch):
    monkeypatch.setattr(slots, "_SHARED", None)
    monkeypatch.setattr(slots, "_ALONE", False)
    slots.join(str(tmp_path / (slots.PREFIX + "gone")), 0, 2)
    with slots.reading():
        pass  # nothing to hold, and no error
    with slots.spare(1) as taken:
        assert taken == 0
