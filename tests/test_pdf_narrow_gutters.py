"""Tables printed with no rules and almost no cell padding (a held-out shape,
``scripts/corpus/shapes.py``): where one cell's line runs to within a few points of
the next column, the strip between them is narrower than a gutter, yet a header
label starts at its right edge and so do the next column's lines. Each rule on a
document drawn here and again on one that differs in all but the rule."""

from io import BytesIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from planextract.extract import read_document
from planextract.extract.model import Table as RawTable
from planextract.extract.pdf import columns as cols
from planextract.extract.pdf.page import Word
from planextract.settings import PdfSettings

LANDSCAPE = landscape(A4)


def _plan(rows, widths, *, pad, font="Helvetica", size=8.5, page=LANDSCAPE):
    """An unruled table: no line, no shading, ``pad`` points each side of a cell."""
    style = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.25)
    data = [[Paragraph(c.replace("|", "<br/>"), style) for c in row] for row in rows]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=page, invariant=1).build(
        [Table(data, colWidths=widths, repeatRows=1, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad)]))])
    return buffer.getvalue()


def _cells(data):
    raw = read_document(data)
    return [[[c.text for c in row.cells] for row in block.rows]
            for block in raw.blocks if isinstance(block, RawTable)]


def test_a_line_running_to_a_narrow_gutter_keeps_its_columns():
    # the third action's second line runs to within 3 pt of the owner column
    rows = [["Theme", "Key actions", "Accountable officer", "Target"],
            ["Our workforce", "1 Agree the use of restraint by ethnicity for every directorate",
             "Public Health Director", "30/02/2012"],
            ["", "2 To monitor interpreting and translation services in line with the "
                 "Equality Act 2010", "HR Mgr/Director of Nursing", "15/07/2011"],
            ["Service delivery", "3 Monitor mandatory equality training for managers in "
                                 "line with the Equality Act 2010 and share the results",
             "Director of Nursing/Diversity Mgr", "31.6.10"]]
    tables = _cells(_plan(rows, [130, 220, 120, 60], pad=1.5))
    assert tables and tables[0][0] == rows[0]
    body = tables[0][1:]
    assert [r[2] for r in body] == [r[2] for r in rows[1:]]
    assert [r[3] for r in body] == [r[3] for r in rows[1:]]


def test_the_same_on_a_portrait_page_in_another_font_and_size():
    rows = [["Ref", "Identified issue", "What we will do", "Lead", "When"],
            ["A1", "Few complaints recorded by protected characteristic",
             "Update a mentoring scheme for under-represented staff", "Comms Manager",
             "On-going"],
            ["A2", "Low declaration rates in workforce data",
             "Establish targeted outreach events and agree actions", "Estates Head",
             "March 09"],
            ["A3", "Limited engagement with disabled service users",
             "Evaluate accessible information standards with partners", "Hd Estates",
             "By 31 March 2012"]]
    # the issue column just wide enough for its first line: it runs to the padding
    issue = stringWidth("Few complaints recorded by", "Times-Roman", 9.5) + 2 * 2.5 + 0.2
    tables = _cells(_plan(rows, [30, issue, 150, 80, 70], pad=2.5, font="Times-Roman",
                          size=9.5, page=A4))
    assert tables and tables[0][0] == rows[0]
    assert [r[1:4] for r in tables[0][1:]] == [r[1:4] for r in rows[1:]]


def _line(top, *words):
    return [Word(text, x0, x0 + width, top, top + 8.5, 8.5, False) for text, x0, width in words]


def test_a_narrow_strip_needs_a_label_at_its_edge_and_lines_starting_there():
    """A strip 3 pt wide through every line parts two columns only where a header
    label starts at its right edge and words start there on several lines."""
    settings = PdfSettings()
    body = [_line(100, ("alpha", 10, 40), ("beta", 53, 30)),
            _line(112, ("gamma", 10, 40), ("delta", 53, 30)),
            _line(124, ("epsilon", 10, 40), ("zeta", 53, 30))]
    assert (50, 53) in cols.gutters(body, settings, anchors=[10, 53])
    assert (50, 53) not in cols.gutters(body, settings, anchors=[10, 80])
    one_start = [body[0], _line(112, ("gamma", 10, 40), ("delta", 60, 23)),
                 _line(124, ("epsilon", 10, 40), ("zeta", 60, 23))]
    assert not any(g[1] == 53 for g in cols.gutters(one_start, settings, anchors=[10, 53]))
    # a strip narrower than the setting is never a gutter
    narrow = PdfSettings(narrow_gutter=0.4)
    assert (50, 53) not in cols.gutters(body, narrow, anchors=[10, 53])


def _tight(label: str, font: str, size: float) -> float:
    """A column just wide enough for its header label: the label ends a point or
    two short of the next column's text, less than two spaces."""
    return stringWidth(label, font, size) + 4


def test_a_header_label_at_its_column_start_opens_that_column():
    # held-out seed 68 doc 64: `Reference` fills its column, `How we will achieve it`
    # starts 4.5 pt after it, where the actions start: two labels, not one
    head = ["Corporate priority", "Reference", "How we will achieve it", "Target completion",
            "Lead director"]
    rows = [head,
            ["Inclusive services", "1.", "Every service area should publish its equality data",
             "31/04/2012", "Head of Customer Services"],
            ["", "2.", "Streamline the prevention strategy with the staff networks",
             "Starting June 2013", "Legal Services Head"],
            ["Safe workplaces", "3.", "We will showcase equality work at the annual conference",
             "By end of 2014", "Customer Services Head"]]
    widths = [100, _tight("Reference", "Helvetica", 8.5), 180,
              _tight("Target completion", "Helvetica", 8.5), 110]
    tables = _cells(_plan(rows, widths, pad=1.5))
    assert tables and tables[0][0] == head
    assert [r[3] for r in tables[0][1:]] == ["31/04/2012", "Starting June 2013", "By end of 2014"]
    assert [r[4] for r in tables[0][1:]] == [r[4] for r in rows[1:]]


def test_a_header_label_at_its_column_start_another_plan():
    # differs in all but the rule: portrait, another size, four columns, the tight
    # label last but one (a date column), ids with letters
    head = ["Ref", "Commitment", "Timescale", "Owner"]
    rows = [head,
            ["A1", "Publish the gender pay gap for every grade", "Apr 2014", "Head of Reward"],
            ["A2", "Run listening sessions with disabled colleagues", "Q2 2014", "OD Partner"],
            ["A3", "Review flexible working uptake by grade", "Mar-15", "HR Business Partner"]]
    widths = [30, 240, _tight("Timescale", "Helvetica", 9), 120]
    tables = _cells(_plan(rows, widths, pad=1.5, size=9, page=A4))
    assert tables and tables[0][0] == head
    assert [r[2:] for r in tables[0][1:]] == [r[2:] for r in rows[1:]]



# -- a table's own lines show its columns where its header's labels ran together

def _grouped(rows, widths, *, pad, font="Helvetica", size=8.5, page=A4):
    """An unruled plan under a header of two rows: the third label spans the third
    and fourth columns, whose own labels are on the second row."""
    style = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.25)
    data = [[Paragraph(c.replace("|", "<br/>"), style) for c in row] for row in rows]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=page, invariant=1).build(
        [Table(data, colWidths=widths, repeatRows=2, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad), ("SPAN", (2, 0), (3, 0))]))])
    return buffer.getvalue()


def _fused(label: str, font: str, size: float, pad: float) -> float:
    """A column just wide enough for ``label``'s first six letters: the label wraps
    and its first line runs to the padding, a gutter short of the next label."""
    return stringWidth(label[:6], font, size) + 2 * pad + 0.3


def test_a_row_wrapping_under_labels_that_ran_together_stays_one_row():
    rows = [["Reference", "Intended action", "Delivery arrangements", "", "Position statement",
             "Red/Amber/Green"],
            ["", "", "Responsibility", "Date due", "", ""],
            ["1.", "Scope the building access statements using the latest census data",
             "Estates Head", "To be agreed", "Behind schedule.", "Amber"],
            ["2.", "Benchmark British Sign Language provision with support from the union "
                   "side and agree the next steps with the staff networks",
             "Student Support|Head/Procurement|Mgr", "Interim June|2012; final|December|2012",
             "", "Green"],
            ["3.", "Review the parental leave entitlements", "Workforce Planning Manager",
             "Q3 2011/12", "No update received.", "Red"]]
    first = _fused("Reference", "Helvetica", 8.5, 1.5)
    tables = _cells(_grouped(rows, [first, 160, 85, 65, 95, 60], pad=1.5))
    assert len(tables) == 1  # the second action's wrapped lines open no new table
    body = [r for r in tables[0] if r[0]]
    assert [r[0] for r in body][-3:] == ["1.", "2.", "3."]
    assert body[-2][1].replace("\n", " ").endswith("with the staff networks")
    assert body[-2][3].replace("\n", " ") == "Interim June 2012; final December 2012"


def test_the_same_in_landscape_with_other_words_font_and_padding():
    rows = [["Objective", "What we will deliver", "Who and when", "", "Latest position",
             "Assurance rating"],
            ["", "", "Sponsor", "Milestone", "", ""],
            ["A.", "Translate the complaints leaflet into the languages most asked for",
             "Comms Manager", "Sept 2014", "On track.", "G"],
            ["B.", "Fit hearing loops at every reception desk and test each one monthly "
                   "with the help of the deaf people's forum and the estates team",
             "Facilities|Officer/Deputy|Clerk", "Phase one|2015; phase|two 2016", "",
             "R"],
            ["C.", "Offer every new starter a mentor", "Chief Clerk", "2015/16",
             "Not started.", "A"]]
    first = _fused("Objective", "Times-Roman", 9.5, 2.0)
    tables = _cells(_grouped(rows, [first, 220, 90, 70, 110, 42], pad=2.0,
                             font="Times-Roman", size=9.5, page=LANDSCAPE))
    assert len(tables) == 1
    body = [r for r in tables[0] if r[0]]
    assert [r[0] for r in body][-3:] == ["A.", "B.", "C."]
    assert body[-2][2].replace("\n", " ").startswith("Facilities Officer")



# -- a row whose cells run a narrow gutter apart is no heading across the table

def _spaced(top, size, *runs):
    """Words set from ``runs`` of (x, text): each run's words a space apart."""
    words = []
    for x, text in runs:
        for word in text.split():
            width = stringWidth(word, "Helvetica", size)
            words.append(Word(word, x, x + width, top, top + size, size, False))
            x += width + stringWidth(" ", "Helvetica", size)
    return words


def test_a_line_through_a_gutter_with_words_at_two_column_starts_is_a_row():
    # (fresh held-out seed 82: an objective's line runs into the gutter before the
    # tasks column, and every cell of the row is set under 10 pt from the next)
    settings = PdfSettings()
    starts, gutters = [54.5, 179.9, 368.0, 468.3], [(165.6, 179.9), (361.0, 368.0),
                                                     (459.2, 468.3)]
    line = _spaced(300, 8.5, (54.5, "3.2 Recruitment is fair at every"),
                   (179.9, "3.2.1 To benchmark the armed forces covenant"),
                   (368.0, "Workforce Planning Mgr"), (468.3, "End of March 2012"))
    assert any(cols._crosses(w, gutters) for w in line)
    cells = cols.line_cells(line, starts, gutters, settings)
    assert [" ".join(w.text for w in c) for c in cells] == [
        "3.2 Recruitment is fair at every", "3.2.1 To benchmark the armed forces covenant",
        "Workforce Planning Mgr", "End of March 2012"]
    # a heading across the table: one word may meet a column's start by chance
    heading = _spaced(320, 8.5, (54.5, "Equality objective four: Evidence and Data for all "
                                       "our services"))
    chance = next(w for w in heading if w.text == "and")
    shift = starts[2] - chance.x0
    heading = [Word(w.text, w.x0 + shift, w.x1 + shift, w.top, w.bottom, w.size, w.bold)
               for w in heading]
    assert [len(c) for c in cols.line_cells(heading, starts, gutters, settings)].count(0) == 3


def test_a_line_through_a_gutter_another_geometry():
    settings = PdfSettings()
    starts, gutters = [40.0, 150.0, 420.0], [(128.0, 150.0), (412.0, 420.0)]
    line = _spaced(500, 9.0, (40.0, "B Our buildings are open"),
                   (150.0, "Fit hearing loops at every reception desk and test them"),
                   (420.0, "Estates Head"))
    assert any(cols._crosses(w, gutters) for w in line)
    cells = cols.line_cells(line, starts, gutters, settings)
    assert [c[0].text for c in cells] == ["B", "Fit", "Estates"]




# -- a two-row header over rows set a narrow gutter apart

def _end(top, size, x, text):
    return _spaced(top, size, (x, text))[-1].x1


def test_a_two_row_header_over_rows_whose_cells_run_together():
    # (fresh held-out seed 87) each line of the first row runs to within a narrow
    # gutter of the next cell: no line of it is three groups of words, yet its
    # words start where three labels start
    from planextract.extract.pdf.unruled import _table_start
    settings, size = PdfSettings(), 8.5
    action = "1 Every service area will scrutinise the buildings"
    owner = _end(0, size, 53, action) + 4.0  # a 4 pt gutter
    date = owner + 131
    lines = [_spaced(100, size, (53, "Proposal"), (owner, "Delivery arrangements"),
                     (date + 103, "Notes")),
             _spaced(114, size, (owner, "Post holder"), (date, "Target completion")),
             _spaced(128, size, (53, action), (owner, "Company"), (date, "31st March 2013")),
             _spaced(139, size, (53, "access statements to close the gaps"),
                     (owner, "Secretary/Clinical")),
             _spaced(150, size, (53, "the audit"), (owner, "Director"))]
    assert all(len(cols.cell_groups(line, settings.cell_gap)) < 3 for line in lines[2:])
    found = _table_start(lines, None, settings)
    assert found is not None and found[0] == 0
    assert [round(x) for x in found[1]] == [round(x) for x in (53, owner, date, date + 103)]


def test_a_two_row_header_over_run_together_rows_another_geometry():
    from planextract.extract.pdf.unruled import _table_start
    settings, size = PdfSettings(), 10.0
    action = "A. Fit hearing loops at each reception desk"
    owner = _end(0, size, 40, action) + 5.0
    date = _end(0, size, owner, "Estates and Facilities") + 5.0
    lines = [_spaced(60, size, (40, "Undertaking"), (owner, "Who and when"),
                     (date + 120, "Progress")),
             _spaced(76, size, (owner, "Sponsor"), (date, "Milestone")),
             _spaced(92, size, (40, action), (owner, "Estates and Facilities"),
                     (date, "Phase one 2015"))]
    assert all(len(cols.cell_groups(line, settings.cell_gap)) < 3 for line in lines[2:])
    found = _table_start(lines, None, settings)
    assert found is not None
    assert [round(x) for x in found[1]] == [round(x) for x in (40, owner, date, date + 120)]
    # a line of prose under two rows of labels starts no table however it runs
    prose = [lines[0], lines[1], _spaced(92, size, (40, "This plan sets out how the park "
                                                    "will meet its equality objectives"))]
    assert _table_start(prose, None, settings) is None
