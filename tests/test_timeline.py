"""Plans that show when as a timeline: a row of periods (``2010/11 | 2011/12``, ``Q1
2012 | Q2 2012``) over marks (``X``, ``✓``) in the rows, and no date column. The year
labels open with a digit, which read as a numbered data row: such a table was not found
at all (0 actions in every format). Each rule on a document written from printed values,
and again on one that differs in all but the rule (words, periods, marks, format)."""

from datetime import date
from io import BytesIO

import docx
from plan_blocks import run, table
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from planextract.extract import read_document
from planextract.lexicon.column_roles import is_header_row
from planextract.lexicon.periods import is_period_label
from planextract.normalise.document import normalise
from planextract.normalise.timeline import columns, is_mark, is_period, timing

FINANCIAL = [
    ["Ref", "Action", "Lead Officer", "2010/11", "2011/12", "2012/13", "Progress"],
    ["1.1", "Review recruitment monitoring forms", "HR Manager", "X", "", "", "Complete"],
    ["1.2", "Train all managers in equality impact assessment", "Policy Officer",
     "X", "X", "", "On track"],
    ["1.3", "Publish annual equality report", "Head of Policy", "", "X", "X", ""],
    ["2.1", "Consult disabled staff network on access audit", "Facilities Manager",
     "", "", "X", "Not started"],
]
# what the plan says, read by hand: (id, due_kind, due_start, due_date, due_raw)
FINANCIAL_DUE = [
    ("1.1", "date", None, date(2011, 3, 31), "2010/11"),
    ("1.2", "range", date(2010, 4, 1), date(2012, 3, 31), "2010/11 – 2011/12"),
    ("1.3", "range", date(2011, 4, 1), date(2013, 3, 31), "2011/12 – 2012/13"),
    ("2.1", "date", None, date(2013, 3, 31), "2012/13"),
]

QUARTERS = [
    ["Task", "Who", "Q1 2012", "Q2 2012", "Q3 2012", "Q4 2012"],
    ["Set up a carers' forum with the voluntary sector", "Community Development Lead",
     "✓", "✓", "✓", ""],
    ["Translate the complaints leaflet into Polish and Urdu", "Customer Services Mgr",
     "", "✓", "", "✓"],
    ["Audit step-free access at all libraries", "Property Services", "", "", "", "✓"],
]
QUARTERS_DUE = [
    ("range", date(2012, 1, 1), date(2012, 9, 30), "Q1 2012 – Q3 2012"),
    ("multiple", None, date(2012, 12, 31), "Q2 2012, Q4 2012"),
    ("date", None, date(2012, 12, 31), "Q4 2012"),
]


def _due(doc):
    return [(a.due_kind, a.due_start, a.due_date, a.due_raw) for a in doc.actions]


def test_period_labels_are_years_and_parts_of_years_not_numbers_or_dates():
    for label in ("2011", "2010/11", "2011-12", "2011/2012", "FY 2011-12", "Q1 2011",
                  "2011/12 Q2", "Year 2013/14", "2012 – 13"):
        assert is_period_label(label), label
    for label in ("1.1", "12", "31/3/11", "2.3.1", "10 days", "2011 onwards", "100%",
                  "Q3", "Action", "1999 strategy"):
        assert not is_period_label(label), label
    # a column label a date can be read from counts as a period for a timeline
    assert is_period("Apr-Jun 2011") and is_period("Spring 2012") and is_period("Mar 12")
    assert not is_period("Progress") and not is_period("Year 1")
    assert not is_period("Review of the plan due at the end of March 2012")


def test_a_row_of_year_labels_is_a_header_row():
    assert is_header_row(FINANCIAL[0])
    assert is_header_row(["No.", "What we will do", "Owner", "2014", "2015", "2016"])
    # a numbered data row is still not one
    assert not is_header_row(["1.1", "Review forms", "HR Manager", "X", "", ""])


def test_marks_are_symbols_or_one_letter():
    for mark in ("X", "x", "✓", "✔", "*", "●", "Y", "(x)", "■"):
        assert is_mark(mark), mark
    for text in ("", "Yes", "Done", "50%", "2", "Q1", "n/a", "-", "–", "--"):
        assert not is_mark(text), text


def test_timing_of_marked_periods():
    labels = ["2010/11", "2011/12", "2012/13"]
    assert timing(list(zip(labels, ["X", "", ""]))) == (None, "2010/11")
    assert timing(list(zip(labels, ["X", "X", "X"]))) == ("2010/11", "2012/13")
    assert timing(list(zip(labels, ["X", "", "X"]))) == (None, "2010/11, 2012/13")
    assert timing(list(zip(labels, ["", "", ""]))) is None
    # words under a period are not marks: no timing read from them
    assert timing(list(zip(labels, ["X", "Complete", ""]))) is None
    # a dash prints "nothing this period"
    assert timing(list(zip(labels, ["–", "X", "-"]))) == (None, "2011/12")
    assert timing(list(zip(labels, ["X", "-", "X"]))) == (None, "2010/11, 2012/13")


def test_a_table_with_a_date_column_keeps_its_own_dates():
    extra = [(3, "2010/11"), (4, "2011/12")]
    assert columns(extra, ["action_id", "action", "owner", "extra", "extra"]) == extra
    assert columns(extra, ["action", "owner", "due", "extra", "extra"]) == []
    assert columns(extra[:1], ["action", "owner", "extra"]) == []  # one period: no timeline


def test_a_financial_year_timeline_gives_each_action_its_timing():
    doc = run(table(*FINANCIAL))
    assert [a.action_id for a in doc.actions] == ["1.1", "1.2", "1.3", "2.1"]
    assert [(a.action_id, *d) for a, d in zip(doc.actions, _due(doc))] == FINANCIAL_DUE
    assert [a.owners_raw for a in doc.actions] == [r[2] for r in FINANCIAL[1:]]
    assert all("due_from_timeline" in a.flags for a in doc.actions)
    assert doc.actions[1].extra == {"2010/11": "X", "2011/12": "X"}  # the marks kept


def test_a_quarter_timeline_with_ticks_and_a_gap():
    doc = run(table(*QUARTERS), fmt="html")
    assert [a.action for a in doc.actions] == [r[0] for r in QUARTERS[1:]]
    assert _due(doc) == QUARTERS_DUE


def _tabbed(rows):
    return ("Equality Action Plan 2010-2013\n\n"
            + "\n".join("\t".join(r) for r in rows) + "\n").encode()


def _docx(rows, title):
    document = docx.Document()
    document.add_heading(title, 1)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    grid.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            grid.cell(i, j).text = text
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _unruled_pdf(rows, widths):
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), invariant=1).build(
        [Table(rows, colWidths=widths, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))])
    return buffer.getvalue()


def test_the_financial_timeline_read_from_a_text_export_word_and_an_unruled_pdf():
    files = {"text": _tabbed(FINANCIAL),
             "docx": _docx(FINANCIAL, "Equality Action Plan 2010-2013"),
             "pdf": _unruled_pdf(FINANCIAL, [35, 250, 110, 55, 55, 55, 80])}
    for name, data in files.items():
        doc = normalise(read_document(data))
        got = [(a.action_id, a.due_kind, a.due_start, a.due_date, a.due_raw)
               for a in doc.actions]
        assert got == FINANCIAL_DUE, name


def test_the_quarter_timeline_read_from_word_and_an_unruled_pdf():
    # ticks drawn in a PDF font need the glyph: an X stands for the tick there
    ticked = [[("X" if c == "✓" else c) for c in row] for row in QUARTERS]
    files = {"docx": _docx(QUARTERS, "Access and inclusion plan"),
             "pdf": _unruled_pdf(ticked, [270, 150, 50, 50, 50, 50])}
    for name, data in files.items():
        doc = normalise(read_document(data))
        assert [a.action for a in doc.actions] == [r[0] for r in QUARTERS[1:]], name
        assert _due(doc) == QUARTERS_DUE, name


# a third plan: half-years over a web page's and a markdown export's cells of dots and
# dashes (a glyph alone in a cell was dropped as an empty bullet item by every reader)
HALVES = [
    ["No.", "Objective", "Responsible", "H1 2014", "H2 2014", "H1 2015"],
    ["A", "Reduce the gender pay gap in grades 4-6", "Director of People", "●", "●", "–"],
    ["B", "Introduce anonymised shortlisting", "Recruitment Team", "–", "–", "●"],
]
HALVES_DUE = [("range", date(2014, 1, 1), date(2014, 12, 31), "H1 2014 – H2 2014"),
              ("date", None, date(2015, 6, 30), "H1 2015")]


def _html(rows):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<html><body><h1>Pay gap plan</h1><table>{cells}</table></body></html>".encode()


def _markdown(rows):
    lines = ["# Pay gap plan", "", "| " + " | ".join(rows[0]) + " |",
             "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return ("\n".join(lines) + "\n").encode()


def test_a_glyph_alone_in_a_cell_is_kept_as_a_mark_by_every_reader():
    rows = [["Task", "Who", "Q1 2012", "Q2 2012", "Q3 2012"],
            ["Set up a forum", "Community Lead", "✓", "●", ""],
            ["Audit access", "Property", "", "", "✔"]]
    files = {"text": ("\n".join("\t".join(r) for r in rows) + "\n").encode(),
             "markdown": _markdown(rows), "html": _html(rows),
             "csv": ("\n".join(",".join(r) for r in rows) + "\n").encode(),
             "docx": _docx(rows, "Forum plan")}
    for name, data in files.items():
        raw = read_document(data)
        tables = [b for b in raw.blocks if hasattr(b, "rows")]
        cells = [[c.text for c in row.cells][2:] for row in tables[0].rows[1:]]
        assert cells == [["✓", "●", ""], ["", "", "✔"]], name
    # a bullet glyph before words is still a bullet item, its glyph dropped
    raw = read_document(_html([["Action", "Lead"], ["• Review the policy", "HR"]]))
    assert [c.text for c in raw.blocks[-1].rows[1].cells] == ["Review the policy", "HR"]


def test_a_half_year_timeline_of_dots_and_dashes_on_a_web_page_and_in_markdown():
    for name, data in {"html": _html(HALVES), "markdown": _markdown(HALVES)}.items():
        doc = normalise(read_document(data))
        assert [a.action for a in doc.actions] == [r[1] for r in HALVES[1:]], name
        assert [a.owners_raw for a in doc.actions] == [r[2] for r in HALVES[1:]], name
        assert _due(doc) == HALVES_DUE, name


def test_halves_of_calendar_and_financial_years_read_as_their_last_day():
    from planextract.normalise.dates import parse_due

    assert parse_due("H1 2015").due_date == date(2015, 6, 30)
    assert parse_due("H2 2014").due_date == date(2014, 12, 31)
    assert parse_due("H1 2014/15").due_date == date(2014, 9, 30)  # April-September
    assert parse_due("H2 2014/15").due_date == date(2015, 3, 31)  # October-March
    read = parse_due("H2 2013/14 – H1 2014/15")
    assert (read.kind, read.due_start, read.due_date) == ("range", date(2013, 10, 1),
                                                          date(2014, 9, 30))
    # quarters of a financial year unchanged
    assert parse_due("Q4 2011/12").due_date == date(2012, 3, 31)


def test_three_periods_in_a_row_of_labels_count_as_its_when_label():
    # the vocabulary knows one label (the owner's) and not the action's ("Undertaking"):
    # the row of periods is the second sign of a header
    assert is_header_row(["Ref", "Undertaking", "Lead officer", "2009", "2010", "2011", "2012"])
    assert is_header_row(["Undertaking", "Sponsor", "Apr 2012", "May 2012", "Jun 2012"])
    # two dates in a data row (its Start and End cells) beside a post are no header
    assert not is_header_row(["Review access", "Equality Lead", "Apr 2012", "Mar 2013"])
    assert not is_header_row(["Ref", "Undertaking", "Lead officer", "Total"])
    # nor one year in a data row's date cell
    assert not is_header_row(["", "diversity strands for staff", "Manager", "2010"])


def test_a_month_with_its_year_is_a_period_label_and_quarters_in_other_spellings():
    from planextract.normalise.dates import parse_due

    for label in ("Apr 2012", "Apr-12", "April 12", "Sept 2013", "Mar/13"):
        assert is_period_label(label), label
    for label in ("Apr", "May be", "Decision 2012"):
        assert not is_period_label(label), label
    assert parse_due("Qtr 3 2010").due_date == date(2010, 9, 30)
    assert parse_due("Quarter 1 2011").due_date == date(2011, 3, 31)
    assert parse_due("Qtr. 2 2012/13").due_date == date(2012, 9, 30)  # financial
    read = parse_due("Qtr 3 2010 – Qtr 1 2011")
    assert (read.kind, read.due_start, read.due_date) == ("range", date(2010, 7, 1),
                                                          date(2011, 3, 31))


def _drawn_pdf(pages, xs, header):
    """An unruled table drawn word by word: ``pages`` of rows of cells at ``xs``."""
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=landscape(A4))
    for rows in pages:
        y = landscape(A4)[1] - 60
        page.setFont("Helvetica-Bold", 9)
        for x, text in zip(xs, header):
            page.drawString(x, y, text)
        page.setFont("Helvetica", 9)
        for row in rows:
            y -= 24
            for x, text in zip(xs, row):
                page.drawString(x, y, text)
        page.showPage()
    page.save()
    return buffer.getvalue()


def test_a_dash_under_each_period_is_a_mark_not_a_bullet_in_an_unruled_pdf():
    # the page after the break holds one row: its dashes alone under their periods
    # made the reader take each dash column for the hanging indent of the next one
    header = ["No.", "Action", "Lead", "Q4 2011", "Q1 2012", "Q2 2012", "Q3 2012"]
    xs = [40, 70, 330, 470, 530, 590, 650]
    rows = [["1", "Review the interpreting contract", "Procurement Manager", "X", "X", "–", "–"],
            ["2", "Publish the access audit", "Facilities Lead", "–", "–", "X", "–"],
            ["3", "Survey disabled staff", "HR Adviser", "–", "X", "X", "X"]]
    last = ["4", "Train reception staff in BSL basics", "Customer Services Lead",
            "–", "X", "–", "–"]
    doc = normalise(read_document(_drawn_pdf([rows, [last]], xs, header)))
    assert [a.action_id for a in doc.actions] == ["1", "2", "3", "4"]
    assert [(a.due_kind, a.due_raw) for a in doc.actions] == [
        ("range", "Q4 2011 – Q1 2012"), ("date", "Q2 2012"), ("range", "Q1 2012 – Q3 2012"),
        ("date", "Q1 2012")]


def test_a_glyph_before_its_items_text_is_still_a_bullet_in_an_unruled_pdf():
    # the second document: dash bullets hanging 18 pt before their items' text, one
    # page, other words: no column of dashes of its own, the items in their cells
    from reportlab.pdfgen import canvas

    header, xs = ["Objective", "What we will do", "Who"], [40, 250, 560]
    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=landscape(A4))
    y = landscape(A4)[1] - 60
    page.setFont("Helvetica-Bold", 9)
    for x, text in zip(xs, header):
        page.drawString(x, y, text)
    page.setFont("Helvetica", 9)
    for first, item, who in [("Fair recruitment", "Anonymise application forms", "HR Manager"),
                             ("", "Publish the pay gap report", ""),
                             ("Accessible services", "Audit step-free access", "Estates Lead"),
                             ("", "Caption every corporate video", "")]:
        y -= 24 if first else 12
        page.drawString(xs[0], y, first)
        page.drawString(xs[1], y, "–")
        page.drawString(xs[1] + 18, y, item)
        page.drawString(xs[2], y, who)
    page.showPage()
    page.save()
    raw = read_document(buffer.getvalue())
    table = [b for b in raw.blocks if hasattr(b, "rows")][0]
    assert [len(row.cells) for row in table.rows] == [3, 3, 3]
    assert [c.text for c in table.rows[1].cells] == [
        "Fair recruitment", "Anonymise application forms\nPublish the pay gap report",
        "HR Manager"]


def test_a_row_of_labels_holds_a_timelines_years_but_not_a_lone_year():
    from planextract.normalise.header_rows import label_row

    assert label_row(["Ref", "Detail", "2010/11", "2011/12", "2012/13"])
    assert label_row(["Task", "Owner", "Q1 2012", "Q2 2012", "Q3 2012"])
    # a short data row printing a year in its date cell stays a data row
    assert not label_row(["Audit", "Manager", "2010"])
    assert not label_row(["Audit", "Manager", "2010", "2011"])



def test_labels_the_vocabulary_lacks_over_a_timeline_of_marks_are_a_header():
    # neither "Undertaking" nor "Steward" is a known label: the cells prove the
    # header, sentences beside periods holding marks only
    rows = [["Undertaking", "Steward", "Qtr 4 2015", "Qtr 1 2016", "Qtr 2 2016"],
            ["Roll out the digital inclusion offer in every library", "Procurement Manager",
             "–", "Y", "Y"],
            ["Reinforce the harassment policy so that no group is disadvantaged",
             "Director of Operations", "Y", "–", "Y"],
            ["Publish the access audit and share the learning", "Estates Lead", "–", "–", "Y"]]
    doc = run(table(*rows))
    assert [a.action for a in doc.actions] == [r[0] for r in rows[1:]]
    assert [(a.due_kind, a.due_raw) for a in doc.actions] == [
        ("range", "Qtr 1 2016 – Qtr 2 2016"), ("multiple", "Qtr 4 2015, Qtr 2 2016"),
        ("date", "Qtr 2 2016")]
    # the same labels over periods holding words are no proof (no timeline)
    worded = [rows[0]] + [r[:2] + ["On track", "", ""] for r in rows[1:]]
    assert not run(table(*worded)).actions
