"""Word plans printed inside layout tables: each plan table nested in a cell of a
two-column (or wider) table, its label or heading in the cell beside it, as
form-like templates print them (the held-out ``docx-nested`` shape). Such a
table is read cell by cell as if its content stood outside; a plan table with a
small table in one cell stays a table. Documents are built here from printed
values with python-docx; the fast reader must equal the reference."""

from io import BytesIO

import docx
from docx.oxml import OxmlElement

from planextract.extract import read_document
from planextract.extract.docx_reader import read_docx_lxml
from planextract.extract.docx_reference import read_docx_reference
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise


def _bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _nest(document, cell, rows: list[tuple[str, ...]]):
    """A table of ``rows`` put inside ``cell`` (before its empty paragraph)."""
    inner = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(inner.rows, rows):
        for target, text in zip(row.cells, values):
            target.text = text
    tc = cell._tc
    tc.insert(tc.index(tc.p_lst[0]), inner._tbl)
    return inner


def _read(data: bytes):
    assert read_docx_lxml(data) == read_docx_reference(data)
    raw = read_document(data)
    return raw, normalise(raw).actions


def test_a_plan_table_beside_its_heading_is_read_as_a_table():
    document = docx.Document()
    document.add_heading("Equality Scheme Action Plan 2012-13", level=1)
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).paragraphs[0].add_run("Objective 1: Fair recruitment").bold = True
    _nest(document, outer.cell(0, 1), [
        ("Ref", "Action", "Lead", "By when"),
        ("1.1", "Review the recruitment policy for bias", "HR Manager", "March 2012"),
        ("1.2", "Publish workforce monitoring data annually", "Head of Policy", "June 2012"),
    ])
    raw, actions = _read(_bytes(document))
    kinds = [type(b).__name__ for b in raw.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table"]
    assert raw.blocks[1] == Paragraph(text="Objective 1: Fair recruitment", bold=True)
    assert len(raw.blocks[2].rows) == 3
    assert [(a["action_id"], a["action"], a["owners_raw"], a["due_raw"]) for a in actions] == [
        ("1.1", "Review the recruitment policy for bias", "HR Manager", "March 2012"),
        ("1.2", "Publish workforce monitoring data annually", "Head of Policy", "June 2012"),
    ]


def test_rows_of_tables_in_frames_labels_on_the_right():
    """Differs in all but the rule: two rows, the label after the table, one table
    inside a one-cell frame, no number column, other headers and values."""
    document = docx.Document()
    outer = document.add_table(rows=2, cols=2)
    _nest(document, outer.cell(0, 0), [
        ("What we will do", "Who", "Target date"),
        ("A. Train all reception staff in deaf awareness", "Customer Services Manager",
         "Autumn 2013"),
    ])
    outer.cell(0, 1).text = "Access to services"
    frame = document.add_table(rows=1, cols=1)
    tc = outer.cell(1, 0)._tc
    tc.insert(tc.index(tc.p_lst[0]), frame._tbl)
    _nest(document, frame.cell(0, 0), [
        ("What we will do", "Who", "Target date"),
        ("B. Translate the complaints leaflet into Polish and Urdu", "Communications Lead",
         "31/01/2014"),
        ("C. Survey carers about respite provision", "Commissioning Officer", "Ongoing"),
    ])
    outer.cell(1, 1).text = "Carers"
    raw, actions = _read(_bytes(document))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [2, 3]
    assert [p.text for p in raw.blocks if isinstance(p, Paragraph)] == [
        "Access to services", "Carers"]
    assert [(a["owners_raw"], a["due_raw"]) for a in actions] == [
        ("Customer Services Manager", "Autumn 2013"),
        ("Communications Lead", "31/01/2014"),
        ("Commissioning Officer", "Ongoing"),
    ]
    assert actions[1]["action"].endswith("leaflet into Polish and Urdu")


def test_a_plan_table_with_a_small_table_in_one_cell_stays_a_table():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("Action", "Owner", "Due"),
                                        ("Set targets for disabled applicants", "HR", "2013"),
                                        ("Report progress to the board", "Chief Executive",
                                         "Quarterly")]):
        for cell, text in zip(row.cells, values):
            cell.text = text
    _nest(document, table.cell(1, 0), [("Year", "Target"), ("2013", "5%")])
    raw, _actions = _read(_bytes(document))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    assert "Year | Target" in tables[0].rows[1].cells[0].raw  # flattened, as before
    assert tables[0].rows[2].cells[1].raw == "Chief Executive"


def test_a_wrapper_around_the_nested_table_is_looked_through():
    """A content control around the nested table: both readers see the table."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Strand: Disability"
    inner = _nest(document, outer.cell(0, 1), [
        ("No.", "Action", "Responsible", "Deadline"),
        ("4", "Audit the accessibility of the website", "Web Team", "December 2012"),
    ])
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    inner._tbl.addprevious(sdt)
    content.append(inner._tbl)
    sdt.append(content)
    raw, actions = _read(_bytes(document))
    assert [type(b).__name__ for b in raw.blocks] == ["Paragraph", "Table"]
    assert [(a["action_id"], a["owners_raw"]) for a in actions] == [("4", "Web Team")]
