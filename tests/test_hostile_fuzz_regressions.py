"""Inputs the fuzzers found (tests/fuzz/regressions/TARGET/*), each run again
through its target: each must be answered or refused with a ReaderError."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
import targets  # noqa: E402

REGRESSIONS = Path(__file__).parent / "fuzz" / "regressions"
CASES = sorted(p for p in REGRESSIONS.glob("*/*") if p.is_file())


def test_every_target_named_by_a_regression_exists():
    assert {p.parent.name for p in CASES} <= set(targets.targets())


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_fuzz_finding_stays_fixed(path):
    targets.run(path.parent.name, path.read_bytes())
