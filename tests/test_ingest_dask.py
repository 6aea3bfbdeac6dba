"""``--engine dask --scheduler ADDRESS`` against a cluster started as a user would
(issue 8): ``dask scheduler`` and ``dask worker`` as processes of their own on
loopback. The dataset equals the serial run's; the cluster is torn down within a
bounded time and leaves no process behind (its workers' fork servers included)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from conftest import ROOT

from planextract.pipeline.cli import main
from planextract.schema.delta import TABLES

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import rows  # noqa: E402

DASK = str(Path(sys.executable).with_name("dask"))
START_LIMIT = 90  # seconds for the scheduler and worker to come up on a busy machine


def _wait_for(check, what: str, limit: float = START_LIMIT):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{what} not up within {limit} s")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after 20 s: the teardown never hangs the suite."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _tree(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        parent = psutil.Process(process.pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and one worker (its nanny's daemonic process, 2 threads), each its
    own process; every process of theirs seen is gone (or a zombie) at teardown."""
    info = tmp_path / "scheduler.json"
    elsewhere = tmp_path / "cluster-runs-here"
    elsewhere.mkdir()
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": elsewhere}
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--no-dashboard", "--scheduler-file", str(info)], **common)
    worker = None
    seen: dict[int, psutil.Process] = {}
    try:
        address = _wait_for(lambda: info.exists() and json.loads(info.read_text() or "{}")
                            .get("address"), "the dask scheduler")
        worker = subprocess.Popen([DASK, "worker", address, "--host", "127.0.0.1",
                                   "--nthreads", "2", "--nworkers", "1", "--no-dashboard",
                                   "--death-timeout", "30",
                                   "--local-directory", str(tmp_path / "dask-worker")], **common)
        from dask.distributed import Client

        with Client(address, timeout=START_LIMIT) as client:
            client.wait_for_workers(1, timeout=START_LIMIT)
        yield address, lambda: seen.update({p.pid: p for w in (scheduler, worker)
                                            for p in _tree(w)})
    finally:
        for process in (worker, scheduler):
            if process is not None:
                seen.update({p.pid: p for p in _tree(process)})
                _stop(process)
        left = [p for p in seen.values() if p.is_running() and p.status() != "zombie"]
        for p in left:  # never leave them to the rest of the suite, then say so
            p.kill()
        assert not left, f"processes left after the cluster stopped: {left}"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_remote_scheduler_gives_the_serial_dataset_and_no_orphans(tmp_path, cluster,
                                                                    monkeypatch):
    """The inbox is given relative to where the command runs, as a user types it; the
    Dask worker runs in another folder and resolves it as the command would."""
    address, note_processes = cluster
    monkeypatch.chdir(tmp_path)
    inbox = Path("inbox")
    made = ingest_plans.write_plans(inbox, 4, actions=3)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    serial = ["ingest", str(inbox), "--log", "quiet", "--dataset"]
    assert main([*serial, str(tmp_path / "serial"), "--workers", "1"]) == 1
    assert main([*serial, str(tmp_path / "remote"), "--engine", "dask", "--timeout", "60",
                 "--scheduler", address]) == 1
    note_processes()  # the worker's own reader processes, checked at teardown too
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(tmp_path / "remote", name),
                                      rows(tmp_path / "serial", name), obj=name)
    docs = pd.read_parquet(tmp_path / "remote" / "documents").set_index("source")
    assert docs.loc[str(inbox / "broken.docx"), "status"] == "failed"
    assert (docs["status"] == "ok").sum() == len(made)
