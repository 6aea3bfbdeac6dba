"""Broken and hostile workbooks: each gives status failed with a message saying what
to do, never a traceback, and costs milliseconds whatever it claims to hold."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hostile_files import (
    SHEET,
    encrypted_office,
    excel97,
    package,
    plan_xlsx,
    replace_part,
    xlsx_bomb,
    xlsx_laughs,
)
from hostile_plan import PLAN_ACTIONS

from planextract.extract.errors import LimitError, ReaderError
from planextract.extract.registry import read_document, sniff
from planextract.settings import Limits, Settings


def _normalised_actions(data: bytes) -> list[str]:
    from planextract.normalise.document import normalise

    return [a["action"] for a in normalise(read_document(data)).actions]


def test_the_plan_as_a_workbook_reads_like_the_others():
    assert sniff(plan_xlsx()) == "xlsx"
    assert _normalised_actions(plan_xlsx()) == PLAN_ACTIONS


@pytest.mark.parametrize("data,phrase", [
    (plan_xlsx()[:3000], r"an Excel workbook \(\.xlsx\) that is damaged or cut short"),
    (encrypted_office(), "a password-protected Word/Office file .* it is encrypted; save an "
                         r"unprotected copy without a password \(\.docx or \.xlsx\)"),
    (excel97(), r"an Excel 97-2003 \.xls workbook, which is not read here: open it in Excel "
                r"or LibreOffice Calc and save it as an Excel Workbook \(\.xlsx\)"),
    (package({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x83\x01"}),
     r"an Excel binary workbook \(\.xlsb\), which is not read here"),
    (xlsx_laughs(), r"the \.xlsx part xl/worksheets/sheet1\.xml declares a DOCTYPE or entities, "
                    "which Excel never writes .* refused as unsafe"),
    (replace_part(plan_xlsx(), SHEET, b"<worksheet><sheetData><row>"),
     r"the workbook \(\.xlsx\) could not be read: it is damaged"),
])
def test_a_workbook_that_cannot_be_read_says_what_to_do(data, phrase):
    with pytest.raises(ReaderError, match=phrase):
        read_document(data)


def test_a_truncated_workbook_is_named_a_workbook_from_its_first_parts():
    """Cut before its directory, the zip names no part; its local headers still do."""
    data = plan_xlsx()
    cut = data[:data.find(b"PK\x01\x02") - 10]  # every part but the directory
    with pytest.raises(ReaderError, match="an Excel workbook .* damaged or cut short"):
        read_document(cut)


def test_a_zip_bomb_is_refused_from_its_declared_sizes():
    bomb = xlsx_bomb(64 << 20)  # 64 MB of sheet in ~64 KB
    assert len(bomb) < 1 << 20
    with pytest.raises(LimitError, match=r"the \.xlsx part xl/worksheets/sheet1\.xml unpacks "
                                         r"[\d,]+ times its packed size.* a zip bomb, refused"):
        read_document(bomb)
    small = Settings(limits=Limits(max_docx_uncompressed=32 << 20))
    with pytest.raises(LimitError, match=r"the \.xlsx unpacks to 64\.\d MB, more than the "
                                         r"limit of 32\.0 MB \(--max-docx-unpacked-mb\)"):
        read_document(bomb, small)


def test_a_sheet_part_over_the_xml_limit_is_refused_before_parsing():
    data = xlsx_bomb(2 << 20)
    with pytest.raises(LimitError, match=r"the \.xlsx part xl/worksheets/sheet1\.xml is 2\.\d MB "
                                         r"of XML.*--max-docx-xml-mb"):
        read_document(data, Settings(limits=Limits(max_docx_xml_bytes=1 << 20,
                                                   max_docx_ratio=10 ** 6)))


def test_every_hostile_workbook_is_a_failed_row_with_its_message(tmp_path, capsys):
    from planextract.pipeline.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "plan.xlsx").write_bytes(plan_xlsx())
    (inbox / "tracker.dat").write_bytes(plan_xlsx())  # the name says nothing
    (inbox / "cut.xlsx").write_bytes(plan_xlsx()[:3000])
    (inbox / "locked.xlsx").write_bytes(encrypted_office())
    (inbox / "old.xls").write_bytes(excel97())
    assert main(["extract", str(inbox), "--out", str(tmp_path / "ds"), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    import pandas as pd

    documents = pd.read_parquet(tmp_path / "ds" / "documents")
    answers = {row.source.rsplit("/", 1)[-1]: (row.status, row.source_format, row.error or "")
               for row in documents.itertuples()}
    assert answers["plan.xlsx"][:2] == ("ok", "xlsx")
    assert answers["tracker.dat"][:2] == ("ok", "xlsx")
    assert answers["cut.xlsx"][0] == "failed" and "cut short" in answers["cut.xlsx"][2]
    assert "it is encrypted" in answers["locked.xlsx"][2]
    assert "Excel 97-2003" in answers["old.xls"][2]
    actions = pd.read_parquet(tmp_path / "ds" / "actions")
    assert sorted(actions["action"]) == sorted(PLAN_ACTIONS * 2)
    assert json.dumps(sorted(set(actions["source_format"]))) == '["xlsx"]'


def test_a_zip_that_is_no_workbook_is_not_taken_for_one():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("word/document.xml", b"<w:document/>")
        target.writestr("notes/xl/workbook.xml", b"<workbook/>")  # not the package's own
    assert sniff(plan_xlsx()) == "xlsx"
    with pytest.raises(ReaderError, match="Word"):
        sniff(out.getvalue())


def test_merged_ranges_over_the_limit_are_refused_before_openpyxl_makes_their_cells():
    """openpyxl makes an object for every cell of a merged range: one range over a
    whole sheet (17 billion cells) in 50 bytes, or many ranges adding up."""
    from hostile_files import xlsx_merged

    with pytest.raises(LimitError, match=r"the \.xlsx merges more than [\d,]+ cells, more than "
                                         r"the limit of 1,000,000 \(--max-merged-cells\)"):
        read_document(xlsx_merged(["A1:XFD1048576"]))
    many = xlsx_merged([f"B{r}:E{r + 1}" for r in range(10, 4010, 2)])  # 2,000 ranges of 8
    with pytest.raises(LimitError, match="--max-merged-cells"):
        read_document(many, Settings(limits=Limits(max_merged_cells=15_000)))
    assert read_document(many, Settings(limits=Limits(max_merged_cells=16_000)))
    assert _normalised_actions(xlsx_merged(["A1:D1", "C5:C7"])) == PLAN_ACTIONS


def test_a_strict_open_xml_workbook_says_how_to_save_it():
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    data = replace_part(plan_xlsx(), "xl/workbook.xml", (
        f'<?xml version="1.0"?><workbook xmlns="{strict}"><sheets/></workbook>').encode())
    with pytest.raises(ReaderError, match=r"a Strict Open XML workbook .* save it as an Excel "
                                          r"Workbook \(\.xlsx\), not Strict Open XML"):
        read_document(data)


def test_a_style_the_workbook_does_not_define_reads_as_the_default():
    """A cell's number format named but not defined (a damaged styles part; found by
    fuzzing): openpyxl looks it up only when asked and raised IndexError there."""
    import zipfile as zf

    styles = zf.ZipFile(io.BytesIO(plan_xlsx())).read("xl/styles.xml")
    broken = replace_part(plan_xlsx(), "xl/styles.xml", styles.replace(
        b'<xf numFmtId="0" fontId="0"', b'<xf numFmtId="300" fontId="0"'))
    raw = read_document(broken)
    assert raw.warnings == ["sheet 'Plan': 18 cell(s) name a style the workbook does not "
                            "define (it is damaged): read in the default style, numbers and "
                            "dates as General"]
    assert _normalised_actions(broken) == PLAN_ACTIONS
