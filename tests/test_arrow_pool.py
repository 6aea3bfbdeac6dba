"""Arrow's default pool in the processes of a run (pipeline.arrow_pool, issue 11):
the C heap, in the fork server (and so its workers) and in what they start, unless
the user named a pool."""

from __future__ import annotations

from python_probe import run_python

PROBE = """
import os, subprocess, sys
{setup}
import pyarrow as pa
child = subprocess.run([sys.executable, "-c",
                        "import pyarrow as pa; print(pa.default_memory_pool().backend_name)"],
                       capture_output=True, text=True, check=True).stdout.strip()
print(pa.default_memory_pool().backend_name, child)
"""


def _probe(setup: str, **env: str) -> list[str]:
    return run_python(PROBE.format(setup=setup), "ARROW_DEFAULT_MEMORY_POOL", **env)


def test_without_it_arrow_uses_its_own_pool():
    # the premise: the default (mimalloc or jemalloc) is not the C heap
    assert _probe("")[0] != "system"


def test_set_before_or_after_pyarrow_is_imported_it_holds_here_and_in_children():
    before = "from planextract.pipeline.arrow_pool import use_system_pool; use_system_pool()"
    after = "import pyarrow\n" + before
    assert _probe(before) == ["system", "system"]
    assert _probe(after) == ["system", "system"]


def test_a_pool_the_user_named_is_kept():
    setup = ("from planextract.pipeline.arrow_pool import use_system_pool\n"
             "assert use_system_pool() is False")
    assert _probe(setup, ARROW_DEFAULT_MEMORY_POOL="mimalloc") == ["mimalloc", "mimalloc"]


def test_the_fork_server_warm_up_sets_it_for_the_workers():
    setup = "from planextract.pipeline.child import warm_up; warm_up()"
    assert _probe(setup) == ["system", "system"]
