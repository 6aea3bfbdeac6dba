"""The Word reader on documents built in the test with python-docx."""

from io import BytesIO

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise


def _bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _plan():
    document = docx.Document()
    document.add_heading("Derbyshire Probation Trust", level=1)
    document.add_paragraph("Single Equality Scheme Action Plan 2010 – 2011")
    document.add_heading("OBJECTIVE 1: LEADERSHIP AND GOVERNANCE", level=2)
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Outcomes", "Actions", "Owner", "Timescale"]):
        cell.text = text
    rows = [("1. Active commitment", "1.1 Prepare the scheme", "CE", "March 09"),
            ("", "1.2 Consult partners", "Board", "April 2010"),
            ("2. Culture", "2.1 Model commitment", "Board", "On-going")]
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # outcome 1 over its two actions
    table.cell(1, 0).text = "1. Active commitment"
    bullets = table.cell(3, 1)
    bullets.add_paragraph("first step", style="List Bullet")
    bullets.add_paragraph("second step", style="List Bullet")
    return document


def test_format_is_docx_and_headings_come_from_styles():
    raw = read_document(_bytes(_plan()))
    assert raw.source_format == "docx"
    heads = [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)]
    assert heads[0] == ("Derbyshire Probation Trust", 1)
    assert heads[2] == ("OBJECTIVE 1: LEADERSHIP AND GOVERNANCE", 2)


def test_vertically_merged_outcome_is_empty_below_its_first_row():
    raw = read_document(_bytes(_plan()))
    table = next(b for b in raw.blocks if isinstance(b, Table))
    column = [r.cells[0].text for r in table.rows]
    assert column == ["Outcomes", "1. Active commitment", "", "2. Culture"]
    assert table.rows[3].cells[1].parts == ("2.1 Model commitment\nfirst step\nsecond step",)


def test_docx_plan_normalises_like_a_text_export():
    doc = normalise(read_document(_bytes(_plan())))
    assert doc.organisation == "Derbyshire Probation Trust"
    assert [(a["outcome_id"], a["action_id"], a["owners"], a["due_kind"]) for a in doc.actions] == [
        ("1", "1.1", ["Chief Executive"], "date"), ("1", "1.2", ["Board"], "date"),
        ("2", "2.1", ["Board"], "ongoing")]
    assert doc.actions[2]["action"] == "Model commitment\nfirst step\nsecond step"
    assert doc.actions[0]["objective"] == "Leadership and Governance"


def test_horizontal_span_keeps_the_columns_aligned():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "wide"
    table.cell(0, 2).text = "right"
    table.cell(1, 0).text = "a"
    table.cell(1, 2).text = "c"
    raw = read_document(_bytes(document))
    grid = [[c.text for c in r.cells] for r in raw.blocks[-1].rows]
    assert grid == [["wide", "", "right"], ["a", "", "c"]]


def test_numbers_drawn_by_word_are_rendered():
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = "Do this"
    cell.add_paragraph("Then that")
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "3.%1")):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        lvl.append(node)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for p in cell.paragraphs:
        p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 90
        p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 0
    raw = read_document(_bytes(document))
    assert raw.blocks[-1].rows[0].cells[0].parts == ("3.1 Do this", "3.2 Then that")


def test_a_damaged_docx_is_a_clear_error():
    import pytest

    from planextract.extract import ReaderError
    data = _bytes(_plan())
    with pytest.raises(ReaderError):
        read_document(data[: len(data) // 2])


KEY = [("ACO", "Assistant Chief Officer"), ("T&DM", "Training and Development Manager"),
       ("HRC", "Human Resource Committee")]


def _plan_with_key(as_table: bool):
    document = docx.Document()
    document.add_heading("West Mercia Probation Trust", level=1)
    document.add_paragraph("Key to Abbreviations:")
    if as_table:
        key = document.add_table(rows=0, cols=2)
        for abbreviation, expansion in KEY:
            cells = key.add_row().cells
            cells[0].text, cells[1].text = abbreviation, expansion
    else:
        for abbreviation, expansion in KEY:
            document.add_paragraph(f"{abbreviation}\t{expansion}")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("Actions", "Owner", "Timescale"),
                                        ("1.1 Train staff", "T&D Manager", "2010"),
                                        ("1.2 Train managers", "T&DM", "2011")]):
        for cell, text in zip(row.cells, values):
            cell.text = text
    return document


@pytest.mark.parametrize("as_table", [True, False], ids=["key-table", "key-tab-paragraphs"])
def test_the_key_is_read_whether_a_table_or_tab_separated_paragraphs(as_table):
    doc = normalise(read_document(_bytes(_plan_with_key(as_table))))
    key = {(e.abbreviation, e.expansion) for e in doc.glossary if e.origin == "document"}
    assert key == set(KEY)
    # the key, not the rapidfuzz guess, says T&DM is the T&D Manager
    assert [a["owners"] for a in doc.actions] == [["Training and Development Manager"]] * 2


def test_a_nested_table_stays_inside_its_cell():
    document = _plan()
    outer = document.tables[0]
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    for row, values in zip(inner.rows, [("Milestone", "Date"), ("Draft", "May")]):
        for cell, text in zip(row.cells, values):
            cell.text = text
    raw = read_document(_bytes(document))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4
    assert tables[0].rows[1].cells[1].text == (
        "1.1 Prepare the scheme\nMilestone | Date\nDraft | May")
    assert [r.cells[2].text for r in tables[0].rows] == ["Owner", "CE", "Board", "Board"]
