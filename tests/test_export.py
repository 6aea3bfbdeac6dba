"""Exports read back with pandas give the dataset's rows and values: lists joined
with "; ", dates equal (Excel date cells, ISO text in CSV)."""

import datetime as dt
import json
import math

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planextract.pipeline.cli import main
from planextract.report.dataset import load
from planextract.report.export import sheet_names
from planextract.schema import SCHEMAS, write_dataset


@pytest.fixture(scope="module")
def dataset(samples_dataset):
    return samples_dataset


@pytest.fixture(scope="module")
def workbook(dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "plans.xlsx"
    assert main(["export", str(dataset), "--format", "xlsx", "-o", str(out)]) == 0
    return out


def expected_cell(value):
    """What one dataset value should read back as from a spreadsheet cell."""
    if isinstance(value, list):
        if value and isinstance(value[0], tuple):
            return "; ".join(f"{k}: {v}" for k, v in value)
        return "; ".join(value)
    return value


def same(got, want) -> bool:
    """A value read back by pandas equals the dataset's (empty cells are NaN or "")."""
    if want is None or want == "":
        return got is None or got == "" or (isinstance(got, float) and math.isnan(got))
    if isinstance(want, dt.date):
        if isinstance(got, str):
            return got == want.isoformat()
        return pd.Timestamp(got).date() == want
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return float(got) == pytest.approx(float(want))
    return str(got) == str(want)


def assert_rows_equal(frame: pd.DataFrame, table: pa.Table, what: str):
    rows = table.to_pylist()
    assert list(frame.columns) == table.column_names, what
    assert len(frame) == len(rows), what
    for i, (got, want) in enumerate(zip(frame.to_dict("records"), rows)):
        for column, value in want.items():
            assert same(got[column], expected_cell(value)), (what, i, column, got[column], value)


def test_csv_round_trips_every_action(dataset, tmp_path):
    out = tmp_path / "actions.csv"
    assert main(["export", str(dataset), "--format", "csv", "-o", str(out)]) == 0
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert_rows_equal(frame, load(dataset).actions, "csv")
    # the dates are ISO text, readable as dates
    assert frame["due_date"].str.fullmatch(r"(\d{4}-\d\d-\d\d)?").all()
    assert (frame["owners"].str.contains("; ")).any()


def test_csv_with_a_bom_for_excel_and_other_tables(dataset, tmp_path):
    out = tmp_path / "documents.csv"
    assert main(["export", str(dataset), "-o", str(out), "--bom", "--table", "documents"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert_rows_equal(frame, load(dataset).documents, "documents csv")
    assert "Single Equality Scheme Action Plan 2010 – 2011" in set(frame["plan_title"])


def test_xlsx_has_documents_then_one_sheet_per_document_table(dataset, workbook):
    out = workbook
    data = load(dataset)
    sheets = pd.read_excel(out, sheet_name=None, dtype=object)
    names = list(sheets)
    assert names[0] == "documents" and names[-2:] == ["glossary", "roles"]
    assert_rows_equal(sheets["documents"], data.documents, "documents sheet")
    table_sheets = names[1:-2]
    pairs = {(d, t) for d, t in zip(data.actions.column("doc_id").to_pylist(),
                                    data.actions.column("table").to_pylist())}
    assert len(table_sheets) == len(pairs)  # West Midlands has two tables in each format
    assert len(pairs) > data.documents.num_rows
    assert all(len(n) <= 31 for n in names)
    actions = pd.concat([sheets[n] for n in table_sheets], ignore_index=True)
    assert_rows_equal(actions, data.actions, "action sheets")
    assert_rows_equal(sheets["roles"], data.roles, "roles sheet")


def test_xlsx_cells_are_dates_header_frozen_filtered_and_sized(workbook):
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[1]]
    due = header.index("due_date") + 1
    dates = [sheet.cell(row=r, column=due) for r in range(2, sheet.max_row + 1)]
    filled = [c for c in dates if c.value is not None]
    assert filled and all(c.is_date for c in filled)
    assert all(c.number_format == "yyyy-mm-dd" for c in filled)
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref.startswith("A1:"), ws.title
    action_col = openpyxl.utils.get_column_letter(header.index("action") + 1)
    doc_col = openpyxl.utils.get_column_letter(header.index("doc_id") + 1)
    assert sheet.column_dimensions[action_col].width == pytest.approx(60, abs=1)
    assert 16 <= sheet.column_dimensions[doc_col].width < 25


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    row = {f.name: None for f in SCHEMAS["actions"]}
    row.update(doc_id="d", source="a.txt", source_format="text-tabbed",
               action='=HYPERLINK("http://x","click")', owners=["=1+1"], owner_people=[],
               due_kind="none", strands=[], scrutiny=[], extra=[("Note", "+44")], flags=[])
    doc = {"doc_id": "d", "source": "a.txt", "source_format": "text-tabbed",
           "sha256": "0" * 64, "bytes": 1, "pages": None, "organisation": None,
           "plan_title": None, "n_actions": 1, "status": "ok", "error": None,
           "warnings": [], "seconds": 0.0}
    write_dataset(tmp_path / "ds", {
        "actions": pa.Table.from_pylist([row], schema=SCHEMAS["actions"]),
        "documents": pa.Table.from_pylist([doc], schema=SCHEMAS["documents"])})
    out = tmp_path / "x.xlsx"
    assert main(["export", str(tmp_path / "ds"), "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).worksheets[1]
    cells = {c.value: c.data_type for c in sheet[2] if c.value is not None}
    assert cells['=HYPERLINK("http://x","click")'] == "s"
    assert cells["=1+1"] == "s" and cells["Note: +44"] == "s"


def test_jsonl_keeps_lists_maps_and_iso_dates(dataset, tmp_path):
    out = tmp_path / "actions.jsonl"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = load(dataset).actions.to_pylist()
    assert len(lines) == len(rows)
    for line, want in zip(lines, rows):
        got = json.loads(line)
        assert got["owners"] == want["owners"] and got["flags"] == want["flags"]
        assert got["extra"] == dict(want["extra"])
        assert got["due_date"] == (want["due_date"].isoformat() if want["due_date"] else None)
        assert got["action"] == want["action"] and got["page_start"] == want["page_start"]


def test_an_unknown_suffix_asks_for_a_format(dataset, tmp_path, capsys):
    assert main(["export", str(dataset), "-o", str(tmp_path / "x.dat")]) == 2
    assert "give --format" in capsys.readouterr().err


def test_sheet_names_are_valid_and_distinct_as_excel_compares_them():
    names = sheet_names(["a/b:c?", "x" * 40, "x" * 40, "Documents", "DOCS", "docs"],
                        reserved=["documents"])
    assert names[0] == "a_b_c_"
    assert names[1] == "x" * 31 and names[2] == "x" * 29 + "~2"
    assert names[3] == "Documents~2"
    assert names[4] == "DOCS" and names[5] == "docs~2"
    assert sheet_names(["a ' ", "  "]) == ["a _", "sheet"]
    assert all(len(n) <= 31 for n in names)


@given(st.lists(st.text(max_size=40), max_size=12), st.lists(st.text(max_size=40), max_size=3))
def test_sheet_names_are_always_valid_and_distinct(wanted, reserved):
    names = sheet_names(wanted, reserved=reserved)
    assert len(names) == len(wanted)
    folded = [n.casefold() for n in names]
    assert len(set(folded)) == len(folded)
    assert not set(folded) & {r.casefold() for r in reserved}
    for name in names:
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\'")
