"""One BLAS thread in the processes of a run (pipeline.blas_threads, issue 8): set
before the fork server starts (it imports numpy), and a user's value kept."""

from __future__ import annotations

import os

import pytest
from python_probe import run_python

from planextract.pipeline import cli, forkctx

THREADS = """
{setup}
import os
import numpy  # noqa: F401
names = [open(f"/proc/self/task/{{task}}/comm").read().strip()
         for task in os.listdir("/proc/self/task")]
# OpenBLAS's threads take the process's name; others name themselves (jemalloc_bg_thd)
print(os.environ.get("OPENBLAS_NUM_THREADS"), names.count(names[0]))
"""


def _run(setup: str, **env: str) -> list[str]:
    return run_python(THREADS.format(setup=setup), "OPENBLAS_NUM_THREADS", **env)


def test_numpy_imported_after_it_runs_in_this_thread_alone():
    setup = ("from planextract.pipeline.blas_threads import single_blas_thread\n"
             "assert single_blas_thread()")
    assert _run(setup) == ["1", "1"]


def test_the_fork_server_preload_asks_for_it_before_its_imports():
    # warm.py is the server's first preload; numpy comes with pyarrow, which it imports
    assert _run("import planextract.pipeline.warm") == ["1", "1"]


def test_a_value_the_user_set_is_kept():
    setup = ("from planextract.pipeline.blas_threads import single_blas_thread\n"
             "assert single_blas_thread() is False")
    assert _run(setup, OPENBLAS_NUM_THREADS="2")[0] == "2"


def test_the_command_line_sets_it_before_the_fork_server_starts(monkeypatch):
    seen = []
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setattr(forkctx, "start_early",
                        lambda argv: seen.append(os.environ.get("OPENBLAS_NUM_THREADS")))
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert seen == ["1"]
