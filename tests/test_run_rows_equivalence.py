"""``run_one``'s own work on the action rows, against the code it replaced (issue
11): the columns Arrow is given (``rows.columns_of``) and the abbreviations the
rows print (searched once a distinct owner text), on the rows of the text samples
and generated exports, and on rows missing columns. Times nothing."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT

from planextract.pipeline.document_run import _abbreviations, run_one
from planextract.pipeline.rows import arrow_table, columns_of
from planextract.schema import SCHEMAS

sys.path.insert(0, str(ROOT / "scripts"))


def reference_columns(rows, names):
    rows = list(rows)
    return {name: [r.get(name) for r in rows] for name in names}


def reference_abbreviations(action, used):
    for text in [action["owners_raw"] or "", *action["owners"], *action["scrutiny"]]:
        used.update(re.findall(r"[A-Z][A-Z&]+", text))


@pytest.fixture(scope="module")
def action_rows(tmp_path_factory) -> list[list[dict]]:
    import bench_text_plans

    folder = tmp_path_factory.mktemp("run-rows")
    paths = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md"))[:4]
    for shape, suffix in list(bench_text_plans.SHAPES.items())[:3]:
        text, _ = bench_text_plans.build(shape, 40_000, seed=11)
        path = folder / f"{shape}.{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return [run_one(str(p)).actions for p in paths]


def test_columns_are_the_reference_columns(action_rows):
    names = SCHEMAS["actions"].names
    for rows in action_rows:
        assert columns_of(rows, names) == reference_columns(rows, names)
        assert arrow_table("actions", rows).num_rows == len(rows)
    partial = [{"a": 1}, {"b": 2}, {}, {"a": None, "c": 3}]
    assert columns_of(partial, ["a", "b", "c"]) == reference_columns(partial, ["a", "b", "c"])
    assert columns_of([], ["a", "b"]) == {"a": [], "b": []}
    assert columns_of(iter(partial), ["c"]) == {"c": [None, None, None, 3]}


def test_abbreviations_are_the_reference_ones(action_rows):
    found = 0
    for rows in action_rows:
        used, seen, reference = set(), set(), set()
        for row in rows:
            _abbreviations(row, used, seen)
            reference_abbreviations(row, reference)
        assert used == reference
        found += len(used)
    assert found
