"""``read_input`` reads what the file holds, not the size limit: a read of the
limit itself allocated 200 MB for every file, which a worker's address-space cap
(``--max-memory``, RLIMIT_AS) counts though the pages are never touched."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from planextract.extract.errors import LimitError
from planextract.extract.guards import read_input
from planextract.settings import Limits

_CAPPED = textwrap.dedent("""
    import resource, sys
    from planextract.extract.guards import read_input
    from planextract.settings import Limits
    with open("/proc/self/status") as status:
        size_kb = next(int(l.split()[1]) for l in status if l.startswith("VmSize:"))
    room = 64 << 20  # 64 MB of address space above what the process has now
    cap = size_kb * 1024 + room
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    data = read_input(sys.argv[1], Limits(max_file_bytes=200 * 1024 * 1024))
    print(len(data))
""")


def test_a_small_file_reads_under_a_tight_address_space_cap(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"Action\tLead\n1. Do it\tHR\n" * 100)
    out = subprocess.run([sys.executable, "-c", _CAPPED, str(path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert int(out.stdout) == path.stat().st_size


def test_bytes_are_the_file_and_the_limit_still_holds(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"x" * 5000)
    assert read_input(str(path), Limits(max_file_bytes=5000)) == b"x" * 5000
    with pytest.raises(LimitError):
        read_input(str(path), Limits(max_file_bytes=4999))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read_input(str(empty), Limits()) == b""


def test_a_file_that_grew_since_its_size_was_taken_is_read_on_up_to_the_limit(
        tmp_path, monkeypatch):
    """fstat said less than the file holds (it grew in between): the rest is read,
    and the limit is checked on what was read."""
    import os

    from planextract.extract import guards

    path = tmp_path / "growing.txt"
    path.write_bytes(b"y" * 3000)
    real_fstat = os.fstat

    class Shrunk:  # what fstat said before the file grew to 3,000 bytes
        def __init__(self, fd):
            info = real_fstat(fd)
            self.st_mode, self.st_size = info.st_mode, 1000

    monkeypatch.setattr(guards.os, "fstat", Shrunk)
    assert read_input(str(path), Limits(max_file_bytes=5000)) == b"y" * 3000
    with pytest.raises(LimitError):
        read_input(str(path), Limits(max_file_bytes=2000))
