"""The Word reader on cell and body structures real plans use: bullets typed
by hand, line breaks, content controls, tracked changes, layout tables.
Documents are built in the test with python-docx and raw WordprocessingML."""

from io import BytesIO

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise


def _bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tables(document) -> list[Table]:
    return [b for b in read_document(_bytes(document)).blocks if isinstance(b, Table)]


def _fill(table, rows) -> None:
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text


def _paragraphs(cell, texts) -> None:
    cell.paragraphs[0].text = texts[0]
    for text in texts[1:]:
        cell.add_paragraph(text)


def _wrap(element, tag: str = "w:sdt") -> None:
    """Put ``element`` inside a content control (or another wrapper)."""
    wrapper = OxmlElement(tag)
    content = OxmlElement("w:sdtContent") if tag == "w:sdt" else wrapper
    if content is not wrapper:
        wrapper.append(content)
    element.addprevious(wrapper)
    content.append(element)


def test_hand_typed_bullets_are_items_of_one_action():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    _fill(table, [("Actions", "Owner", "Timescale"), ("", "CE", "March 09")])
    _paragraphs(table.cell(1, 0), ["1.1 Review the recruitment policy", "• check adverts",
                                   "• check interview panels"])
    cell = _tables(document)[0].rows[1].cells[0]
    assert cell.parts == ("1.1 Review the recruitment policy\ncheck adverts\n"
                          "check interview panels",)
    doc = normalise(read_document(_bytes(document)))
    assert [(a["action_id"], a["action"]) for a in doc.actions] == [
        ("1.1", "Review the recruitment policy\ncheck adverts\ncheck interview panels")]


def test_dash_bullets_join_their_own_numbered_paragraph():
    # differs in everything but the rule: dashes, two numbered actions stacked in one
    # cell, each with its items, other headers and values
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    _fill(table, [("Action", "Lead", "Deadline"), ("", "HR Manager", "31.3.11")])
    _paragraphs(table.cell(1, 0), ["4.1 Publish the pay gap", "- by grade", "– by sex",
                                   "4.2 Set targets for 2012", "- with unions"])
    cell = _tables(document)[0].rows[1].cells[0]
    assert cell.parts == ("4.1 Publish the pay gap\nby grade\nby sex",
                          "4.2 Set targets for 2012\nwith unions")
    # a dash inside the text is no bullet
    table.cell(1, 1).paragraphs[0].text = "HR - Manager"
    assert _tables(document)[0].rows[1].cells[1].parts == ("HR - Manager",)


def test_line_breaks_keep_a_cells_lines_apart():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    _fill(table, [("Actions", "Owner", "Timescale"), ("1.1 Train staff", "", "2012")])
    paragraph = table.cell(1, 1).paragraphs[0]
    paragraph.add_run("HR Manager").add_break()
    paragraph.add_run("T&D Manager")
    assert _tables(document)[0].rows[1].cells[1].parts == ("HR Manager\nT&D Manager",)
    doc = normalise(read_document(_bytes(document)))
    assert doc.actions[0]["owners"] == ["Human Resources Manager",
                                        "Training and Development Manager"]


def test_tracked_insertions_are_read_and_deletions_are_not():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    _fill(table, [("Action", "Owner"), ("", "Board")])
    paragraph = table.cell(1, 0).paragraphs[0]
    paragraph.add_run("Consult ")
    inserted = paragraph.add_run("the staff forum")
    _wrap(inserted._r, "w:ins")
    deleted = paragraph.add_run(" and the union")
    deleted_r = deleted._r
    for t in deleted_r.findall(qn("w:t")):
        t.tag = qn("w:delText")
    _wrap(deleted_r, "w:del")
    assert _tables(document)[0].rows[1].cells[0].text == "Consult the staff forum"
    # a row deleted with tracked changes is gone
    extra = table.add_row()
    extra.cells[0].text, extra.cells[1].text = "Removed action", "CE"
    trpr = extra._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:del"))
    assert [r.cells[0].text for r in _tables(document)[0].rows] == [
        "Action", "Consult the staff forum"]


def test_content_controls_around_text_cells_rows_and_tables_are_looked_through():
    document = docx.Document()
    document.add_paragraph("Intro")
    table = document.add_table(rows=3, cols=3)
    _fill(table, [("Actions", "Owner", "Timescale"), ("2.1 Audit buildings", "Estates", "June"),
                  ("2.2 Fit loops", "Facilities", "July")])
    _wrap(table.cell(1, 0).paragraphs[0]._p)  # a paragraph inside a cell
    _wrap(table.cell(2, 2)._tc)  # a cell inside a row
    _wrap(table.rows[2]._tr)  # a row inside a table
    _wrap(table._tbl)  # the table inside the body
    heading = document.add_paragraph("OBJECTIVE 3: ACCESS")
    _wrap(heading._p)
    tables = _tables(document)
    assert len(tables) == 1
    assert [[c.text for c in r.cells] for r in tables[0].rows] == [
        ["Actions", "Owner", "Timescale"], ["2.1 Audit buildings", "Estates", "June"],
        ["2.2 Fit loops", "Facilities", "July"]]
    blocks = read_document(_bytes(document)).blocks
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "OBJECTIVE 3: ACCESS"


def test_a_table_inside_a_one_cell_wrapper_table_is_found():
    document = docx.Document()
    document.add_heading("Northshire County Council", level=1)
    wrapper = document.add_table(rows=1, cols=1)
    cell = wrapper.cell(0, 0)
    cell.paragraphs[0].text = "SECTION 1: ACCESS TO SERVICES"
    inner = cell.add_table(rows=3, cols=3)
    _fill(inner, [("Actions", "Lead", "By when"), ("1.1 Map the routes", "CE", "May 2013"),
                  ("1.2 Fix the ramps", "Estates", "On-going")])
    raw = read_document(_bytes(document))
    paragraphs = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["Northshire County Council", "SECTION 1: ACCESS TO SERVICES"]
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    doc = normalise(raw)
    assert [(a["section"], a["action_id"], a["due_kind"]) for a in doc.actions] == [
        ("SECTION 1: ACCESS TO SERVICES", "1.1", "date"),
        ("SECTION 1: ACCESS TO SERVICES", "1.2", "ongoing")]


def test_a_content_control_showing_its_prompt_is_empty():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    _fill(table, [("Action", "Owner"), ("Agree the scheme", "Click here to enter text.")])
    paragraph = table.cell(1, 1).paragraphs[0]._p
    _wrap(paragraph)
    sdt = paragraph.getparent().getparent()
    properties = OxmlElement("w:sdtPr")
    properties.append(OxmlElement("w:showingPlcHdr"))
    sdt.insert(0, properties)
    assert [c.text for c in _tables(document)[0].rows[1].cells] == ["Agree the scheme", ""]
    # the same control once filled in is read
    sdt.remove(properties)
    assert _tables(document)[0].rows[1].cells[1].text == "Click here to enter text."


def _mark_header(row) -> None:
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def test_a_header_repeated_on_two_rows_is_one_header_row():
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Ref"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Actions"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Delivery"
    table.cell(1, 2).text, table.cell(1, 3).text = "By whom", "Deadline"
    _fill(table, [(), (), ("1.1", "Fit hearing loops", "Estates", "June 2015"),
                  ("1.2", "Audit the ramps", "Facilities", "July 2015")])
    for row in table.rows[:2]:
        _mark_header(row)
    raw = read_document(_bytes(document))
    grid = [[c.text for c in r.cells] for r in _tables(document)[0].rows]
    assert grid[0] == ["Ref", "Actions", "By whom", "Deadline"] and len(grid) == 3
    doc = normalise(raw)
    assert [(a["action_id"], a["owners"], a["due_raw"]) for a in doc.actions] == [
        ("1.1", ["Estates"], "June 2015"), ("1.2", ["Facilities"], "July 2015")]


def test_a_title_row_across_a_repeated_header_names_the_table():
    # differs in everything but the rule: three columns, a title over a one-row header
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Staff Survey Delivery Plan"
    _fill(table, [(), ("Action", "Lead", "Date"), ("Publish the results", "HR", "2014")])
    for row in table.rows[:2]:
        _mark_header(row)
    blocks = read_document(_bytes(document)).blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "Staff Survey Delivery Plan"
    assert [[c.text for c in r.cells] for r in blocks[1].rows] == [
        ["Action", "Lead", "Date"], ["Publish the results", "HR", "2014"]]
    # unmarked, the rows are left as they are for the normaliser
    for row in table.rows[:2]:
        row._tr.trPr.remove(row._tr.trPr.find(qn("w:tblHeader")))
    assert len(_tables(document)[0].rows) == 3


def test_headings_from_outline_levels():
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    custom = document.styles.add_style("Plan Part", WD_STYLE_TYPE.PARAGRAPH)
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")
    custom.element.get_or_add_pPr().append(level)
    document.add_paragraph("Part 2: Services", style="Plan Part")
    own = document.add_paragraph("Theme A: Access")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "0")
    own._p.get_or_add_pPr().append(level)
    document.add_paragraph("Body text")
    raw = read_document(_bytes(document))
    assert [(b.text, b.level) for b in raw.blocks] == [
        ("Part 2: Services", 2), ("Theme A: Access", 1), ("Body text", 0)]


def test_broken_document_xml_is_a_clear_error():
    import zipfile

    import pytest

    from planextract.extract import ReaderError

    data = _bytes(docx.Document())
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if name == "word/document.xml":
                body = body.replace(b"<w:body>", b"<w:body><w:p a=<>")
            target.writestr(name, body)
    with pytest.raises(ReaderError) as caught:
        read_document(out.getvalue())
    assert "malformed XML" in str(caught.value)
