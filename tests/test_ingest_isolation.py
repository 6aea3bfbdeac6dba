"""A document that crashes, hangs or eats memory costs only itself; a killed run
loses nothing committed and leaves no process behind; Dask gives the serial result.

The misbehaving documents use the TEST-ONLY hooks of pipeline/testhooks.py
(``PLANEXTRACT_TEST_HOOKS=1``): a marker on a file's first line makes its worker
segfault, hang, allocate without end, or read slowly.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from conftest import ROOT
from deltalake import DeltaTable

from planextract.pipeline.cli import main
from planextract.pipeline.testhooks import ENV
from planextract.schema.delta import TABLES

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import rows  # noqa: E402

EXE = str(Path(sys.executable).with_name("planextract"))


def ingest(*args) -> int:
    return main(["ingest", *map(str, args), "--log", "quiet"])


def bad(folder: Path, marker: str) -> Path:
    path = folder / f"{marker}.txt"
    path.write_text(f"planextract-test:{marker}\n" + ingest_plans.tabbed(1, 2))
    return path


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_a_crash_a_hang_and_a_memory_hog_each_fail_alone_and_are_quarantined(
        tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, "1")
    inbox = tmp_path / "inbox"
    made = ingest_plans.write_plans(inbox, 4, actions=3)
    for marker in ("segfault", "allocate"):
        bad(inbox, marker)
    ds = tmp_path / "ds"
    assert ingest(inbox, "--dataset", ds, "--max-memory", "1G", "--workers", "2") == 1
    assert "2 failed" in capsys.readouterr().out
    # the hang, on its own with a short limit (a loaded machine cannot slow a good plan
    # past it): the plans already read are unchanged and skipped
    bad(inbox, "hang")
    started = time.monotonic()
    assert ingest(inbox, "--dataset", ds, "--timeout", "2", "--workers", "2") == 1
    assert time.monotonic() - started < 60
    docs = pd.read_parquet(ds / "documents").set_index("source")
    errors = {Path(s).stem: e for s, e in docs["error"].items() if e}
    assert "crashed (SIGSEGV)" in errors["segfault"]
    assert "gave up after 2 s" in errors["hang"] and "--timeout" in errors["hang"]
    assert "ran out of memory" in errors["allocate"] and "--max-memory" in errors["allocate"]
    assert (docs.loc[list(made), "status"] == "ok").all()
    assert len(pd.read_parquet(ds / "actions")) == 12
    quarantined = sorted(p.name for p in (ds / "quarantine").iterdir())
    for marker in ("segfault", "hang", "allocate"):
        doc_id = docs.loc[str(inbox / f"{marker}.txt"), "doc_id"]
        assert f"{doc_id}-{marker}.txt" in quarantined
        note = (ds / "quarantine" / f"{doc_id}-{marker}.txt.txt").read_text()
        assert errors[marker] in note and str(inbox / f"{marker}.txt") in note
        # the failed file keeps its hash: an unchanged failed file is not read again
        assert docs.loc[str(inbox / f"{marker}.txt"), "sha256"].startswith(doc_id)
    assert len(quarantined) == 6
    printed = capsys.readouterr().out
    assert "1 read (1 new, 0 changed)" in printed and "quarantined: 1 files" in printed
    assert ingest(inbox, "--dataset", ds, "--timeout", "3") == 1  # still failed, skipped
    assert "still failed from an earlier run (bytes unchanged): 3" in capsys.readouterr().out
    # without the misbehaving reader, --retry-failed reads them again: each holds a plan
    monkeypatch.delenv(ENV)
    assert ingest(inbox, "--dataset", ds, "--retry-failed") == 0
    docs = pd.read_parquet(ds / "documents")
    assert (docs["status"] == "ok").all() and len(docs) == 7
    assert len(pd.read_parquet(ds / "actions")) == 12 + 3 * 2


def start_with_a_hanging_worker(tmp_path):
    """A CLI run on one that hangs and three plans, with one worker; returns it once
    the hanging document's worker (the one grandchild, there a second) is found."""
    inbox = tmp_path / "inbox"
    made = ingest_plans.write_plans(inbox, 3, actions=2)
    bad(inbox, "hang")
    ds = tmp_path / "ds"
    run = subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(ds), "--workers", "1",
                            "--timeout", "60", "--log", "json"], env={**os.environ, ENV: "1"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        workers = [p for p in descendants(run.pid)
                   if p.ppid() != run.pid and time.time() - p.create_time() > 1.0]
        if workers:
            return run, workers[0], inbox, made, ds
    run.kill()
    raise AssertionError("no long-lived worker appeared")


def test_a_worker_killed_from_outside_fails_its_document_and_the_run_goes_on(tmp_path):
    run, worker, inbox, made, ds = start_with_a_hanging_worker(tmp_path)
    try:
        worker.send_signal(signal.SIGKILL)
        out, err = run.communicate(timeout=60)
    finally:
        run.kill()
    assert run.returncode == 1, err
    docs = pd.read_parquet(ds / "documents").set_index("source")
    assert "killed (SIGKILL)" in docs.loc[str(inbox / "hang.txt"), "error"]
    assert (docs.loc[list(made), "status"] == "ok").all()
    assert (ds / "quarantine").is_dir()


def test_a_killed_main_process_leaves_no_worker_behind(tmp_path):
    run, worker, *_ = start_with_a_hanging_worker(tmp_path)
    family = descendants(run.pid)
    assert worker in family
    run.send_signal(signal.SIGKILL)
    run.wait()
    # the worker sleeps for an hour: only dying with its parent ends it this soon
    gone, alive = psutil.wait_procs(family, timeout=10)
    assert not alive, f"orphans: {alive}"


def test_sigterm_commits_what_was_read_and_exits_with_one_line(tmp_path):
    inbox = tmp_path / "inbox"
    made = ingest_plans.write_plans(inbox, 3, actions=2)
    hang = bad(inbox, "hang")
    hang.rename(inbox / "zz-hang.txt")  # read last, after the three plans
    ds = tmp_path / "ds"
    run = subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(ds), "--workers", "1",
                            "--timeout", "60", "--log", "json"], env={**os.environ, ENV: "1"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    logged = []
    while len(logged) < 3 and time.monotonic() < deadline:  # the three plans are read
        logged.append(run.stderr.readline())
    run.send_signal(signal.SIGTERM)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    assert sorted(pd.read_parquet(ds / "documents")["source"]) == sorted(made)


def test_kill_9_at_random_points_then_a_clean_run_gives_the_uninterrupted_rows(tmp_path):
    inbox = tmp_path / "inbox"
    for i in range(16):
        path = ingest_plans.write_plan(inbox, i, ingest_plans.FORMATS[i % 3], actions=3)
        if i % 2:  # half the documents read slowly, so kills land mid-run
            path.write_text("planextract-test:slow\n" + path.read_text())
    reference = tmp_path / "reference"
    assert ingest(inbox, "--dataset", reference) == 0
    ds = tmp_path / "ds"
    rng = random.Random(8)
    for trial in range(3):
        run = subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(ds),
                                "--commit-every", "2", "--workers", "2", "--log", "quiet"],
                               env={**os.environ, ENV: "1"}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 2.5))
        family = descendants(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait()
        # no worker, fork server or helper outlives the killed run
        gone, alive = psutil.wait_procs(family, timeout=10)
        assert not alive, f"trial {trial}: orphans {alive}"
        if (ds / "documents" / "_delta_log").is_dir():  # readable at the last commit
            docs = DeltaTable(str(ds / "documents")).to_pandas()
            assert docs["source"].is_unique
            for name in TABLES:
                DeltaTable(str(ds / name)).to_pyarrow_table()
                # plain readers read too; a batch's files written and not yet committed
                # when the kill came are theirs to see until the next run's start
                # removes them (README, "The dataset"), so their rows are compared
                # with Delta's only after the clean run below
                pd.read_parquet(ds / name)
    assert ingest(inbox, "--dataset", ds) == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(ds, name), rows(reference, name), obj=name)
        # between runs plain readers see exactly the committed rows
        assert DeltaTable(str(ds / name)).to_pyarrow_table().num_rows == len(rows(ds, name))


def test_two_runs_at_once_on_one_dataset_lose_nothing(tmp_path):
    ds = tmp_path / "ds"
    runs, made = [], {}
    for name in ("a", "b"):
        inbox = tmp_path / name
        for i in range(4):
            path = ingest_plans.write_plan(inbox, i, "markdown", actions=2)
            if i < 2:
                path.write_text("planextract-test:slow\n" + path.read_text())
            made[str(path)] = 2
        runs.append(subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(ds), "--wait",
                                      "--log", "quiet"], env={**os.environ, ENV: "1"},
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert sorted(pd.read_parquet(ds / "documents")["source"]) == sorted(made)
    assert len(pd.read_parquet(ds / "actions")) == 16


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_dask_cluster_gives_the_serial_dataset(tmp_path):
    from dask.distributed import LocalCluster

    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 6, actions=3)
    assert ingest(inbox, "--dataset", tmp_path / "serial", "--workers", "1") == 0
    # a cluster on loopback, reached by its address as a remote one would be
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert ingest(inbox, "--dataset", tmp_path / "remote", "--engine", "dask",
                      "--scheduler", cluster.scheduler_address) == 0
    # no address: the run starts its own LocalCluster
    assert ingest(inbox, "--dataset", tmp_path / "local", "--engine", "dask",
                  "--workers", "2") == 0
    for name in TABLES:
        for run in ("remote", "local"):
            pd.testing.assert_frame_equal(rows(tmp_path / run, name),
                                          rows(tmp_path / "serial", name), obj=name)


def test_a_worker_holds_enough_small_documents_to_read_through_a_commit():
    """Queue depth: two until a document is timed; small documents, enough queued to
    cover ``COVER`` seconds (a batch commit) but never more than ``MAX_DEPTH``; a slow
    document, two (one read, one next), so little waits behind it at the end."""
    from planextract.pipeline.isolation import COVER, MAX_DEPTH, depth

    assert depth(None) == 2
    assert depth(5.0) == depth(COVER) == 2
    for seconds in (0.005, 0.013, 0.025, 0.05):
        queued = depth(seconds) - 1  # behind the one being read
        assert queued * seconds >= COVER or depth(seconds) == MAX_DEPTH
        assert 2 <= depth(seconds) <= MAX_DEPTH
    assert [depth(s) for s in (0.001, 0.01, 0.03, 0.1, 1.0)] == sorted(
        (depth(s) for s in (0.001, 0.01, 0.03, 0.1, 1.0)), reverse=True)
