"""Word text boxes (``w:txbxContent``, issue 6): a table or the plan's text
inside a text box is read as blocks after the paragraph anchoring it, once, not
flattened into that paragraph and not read twice from the VML fallback copy.
The boxes are written in the test as raw WordprocessingML."""

from io import BytesIO

import docx
from docx.oxml import parse_xml

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tbl(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in row) + "</w:tr>"
                    for row in rows)
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def _anchor(anchor_text: str, inner: str, modern: bool) -> str:
    box = f"<w:txbxContent>{inner}<w:p/></w:txbxContent>"
    vml = f'<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>'
    if modern:
        shape = (f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
                 f'<a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>'
                 f'</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
                 f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>')
    else:
        shape = vml
    return f"<w:p {NS}><w:r><w:t>{anchor_text}</w:t></w:r><w:r>{shape}</w:r></w:p>"


def _document(*xml: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("Equality Plan 2013")
    for piece in xml:
        document.element.body.insert(len(document.element.body) - 1, parse_xml(piece))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PLAN = [["No", "Action", "Lead", "By when"],
        ["1", "Review the grading of cleaning posts", "Reward Manager", "March 2013"],
        ["2", "Publish the gender pay figures", "Finance Director", "Q3 2013/14"]]


def test_a_table_in_a_modern_text_box_is_read_once_not_from_its_fallback_copy():
    raw = read_document(_document(_anchor("Figure 1", _tbl(PLAN), modern=True)))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in r.cells] for r in tables[0].rows] == PLAN
    paragraphs = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["Equality Plan 2013", "Figure 1"]  # anchor text kept, box apart


def test_the_plan_text_and_table_in_an_old_vml_text_box():
    inner = _p("Our commitments") + _tbl(PLAN)
    doc = normalise(read_document(_document(_anchor("", inner, modern=False))))
    assert [(a.action_id, a.action, a.owners_raw, str(a.due_date)) for a in doc.actions] == [
        ("1", "Review the grading of cleaning posts", "Reward Manager", "2013-03-31"),
        ("2", "Publish the gender pay figures", "Finance Director", "2013-12-31")]


def test_a_text_box_inside_a_table_cell_adds_to_that_cell():
    cell_box = _anchor("Publish the gender pay figures", _p("with a narrative"), modern=True)
    cell_box = cell_box.replace(f"<w:p {NS}>", "<w:p>")
    table = (f"<w:tbl {NS}><w:tblPr/><w:tr><w:tc>{_p('Action')}</w:tc><w:tc>{_p('Lead')}"
             f"</w:tc></w:tr><w:tr><w:tc>{cell_box}</w:tc><w:tc>{_p('HR')}</w:tc></w:tr>"
             "</w:tbl>")
    raw = read_document(_document(table))
    (grid,) = [b for b in raw.blocks if isinstance(b, Table)]
    assert grid.rows[1].cells[0].text == "Publish the gender pay figures\nwith a narrative"
