"""Plans printed as a form per action: two-column tables of label and value rows
(``extract/form_tables.py``). Such a plan read 0 actions in every format: no table had
an action column. Each rule on a document written from printed values, and again on one
that differs in all but the rule (words, numbers, format, titles, one long table)."""

from datetime import date
from io import BytesIO

import docx

from planextract.extract import read_document
from planextract.extract.form_tables import label_of
from planextract.extract.model import Table
from planextract.normalise.document import normalise
from planextract.settings import DEFAULT

# printed: (number, action, lead, target date, progress)
SCHEME = [("1.1", "Review recruitment monitoring forms to include sexual orientation",
           "HR Manager", "March 2012", "Not started"),
          ("1.2", "Train all line managers in equality impact assessment", "Policy Officer",
           "31/07/2012", "On track"),
          ("2.1", "Publish an annual equality information report", "Head of Policy",
           "January 2013", "")]
# read by hand: id, owners as the vocabulary names them, due date
SCHEME_READ = [("1.1", ["Human Resources Manager"], date(2012, 3, 31)),
               ("1.2", ["Policy Officer"], date(2012, 7, 31)),
               ("2.1", ["Head of Policy"], date(2013, 1, 31))]


def _scheme_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Single Equality Scheme Action Plan 2011-2014", 1)
    document.add_table(rows=0, cols=2)  # nothing: an empty table is no form
    key = document.add_table(rows=0, cols=2)
    for abbreviation, meaning in (("HR", "Human Resources"), ("EqIA", "Equality Impact "
                                                                      "Assessment")):
        cells = key.add_row().cells
        cells[0].text, cells[1].text = abbreviation, meaning
    for number, action, lead, due, progress in SCHEME:
        form = document.add_table(rows=0, cols=2)
        for label, value in ((f"Action {number}", action), ("Lead officer", lead),
                             ("Target date", due), ("Progress", progress)):
            cells = form.add_row().cells
            cells[0].text, cells[1].text = label, value
        document.add_paragraph("")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(doc):
    return [(a.action_id, a.owners, a.due_date) for a in doc.actions]


def test_labels_and_the_numbers_printed_in_them():
    settings = DEFAULT.labelled
    assert label_of("Action 1.1", settings) == ("Action", "1.1")
    assert label_of("Objective 3:", settings) == ("Objective", "3")
    assert label_of("Specific (what) B 4", settings) == ("Specific (what)", "B 4")
    assert label_of("Lead officer:", settings) == ("Lead officer", "")
    assert label_of("Target year 2012", settings) == ("Target year 2012", "")  # a year
    for text in ("review the forms", "We will review the forms and report to the board.",
                 "A label of many more words than any label has"):
        assert label_of(text, settings) is None, text


def test_a_form_per_action_in_word_reads_one_action_each():
    raw = read_document(_scheme_docx())
    # the key above the forms shares no label with them: it stays a table of its own
    tables = [[[c.text for c in row.cells] for row in b.rows]
              for b in raw.blocks if isinstance(b, Table)]
    assert tables[0] == [["HR", "Human Resources"], ["EqIA", "Equality Impact Assessment"]]
    assert tables[1][0] == ["Action", "Lead officer", "Target date", "Progress"]
    doc = normalise(raw)
    assert [a.action for a in doc.actions] == [a for _, a, _, _, _ in SCHEME]
    assert _read(doc) == SCHEME_READ
    assert [a.progress for a in doc.actions] == ["Not started", "On track", None]


def test_forms_in_a_text_export_titled_by_paragraphs_and_one_long_html_table():
    # a text export: each form's title ``Objective N`` a line of its own, labels with
    # colons, a blank line between forms
    lines = ["Access Plan 2013", ""]
    for n, what, who, when in (("1", "Audit step-free access at all libraries",
                                "Property Services", "Q2 2013/14"),
                               ("2", "Caption every corporate video", "Communications Lead",
                                "Dec 2013"),
                               ("3", "Offer BSL interpreters at public meetings",
                                "Democratic Services Mgr", "Ongoing")):
        lines += [f"Objective {n}", f"What we will do:\t{what}", f"Who:\t{who}",
                  f"By when:\t{when}", ""]
    doc = normalise(read_document("\n".join(lines).encode()))
    assert [(a.action_id, a.action, a.due_kind) for a in doc.actions] == [
        ("1", "Audit step-free access at all libraries", "date"),
        ("2", "Caption every corporate video", "date"),
        ("3", "Offer BSL interpreters at public meetings", "ongoing")]
    assert doc.actions[0].due_date == date(2013, 9, 30)
    # a web page: every record in one long table, each record's labels again
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for record in (
        (("Ref", "A1"), ("Action", "Publish the gender pay gap"), ("Owner", "Head of HR")),
        (("Ref", "A2"), ("Action", "Anonymise shortlisting"), ("Owner", "Recruitment Team"))
    ) for label, value in record)
    page = f"<html><body><h1>Pay plan</h1><table>{rows}</table></body></html>".encode()
    doc = normalise(read_document(page))
    assert [(a.action_id, a.action, a.owners_raw) for a in doc.actions] == [
        ("A1", "Publish the gender pay gap", "Head of HR"),
        ("A2", "Anonymise shortlisting", "Recruitment Team")]


def test_two_column_tables_that_are_no_forms_are_left_as_they_are():
    # a key of abbreviations (each label once), and a two-column plan whose first
    # column prints sentences: neither is a form
    key = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in (
        ("HR", "Human Resources"), ("OD", "Organisational Development"), ("PM", "Procurement")))
    plan = ("<tr><th>Action</th><th>Lead</th></tr>"
            "<tr><td>Review the forms and report to the board.</td><td>HR</td></tr>"
            "<tr><td>Train managers in equality impact assessment.</td><td>OD</td></tr>")
    page = (f"<html><body><table>{key}</table><table>{plan}</table></body></html>").encode()
    raw = read_document(page)
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [3, 3]
    assert [len(a.action) > 0 for a in normalise(raw).actions] == [True, True]


def _drawn_forms(records, label_x=50, value_x=230, title=None) -> bytes:
    """Forms drawn with no rule at all: a label at ``label_x``, its value at
    ``value_x``, a value's second line under it; ``title`` a heading above them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = A4[1] - 60
    if title:
        page.setFont("Helvetica-Bold", 14)
        page.drawString(label_x, y, title)
        y -= 30
    page.setFont("Helvetica", 9)
    for record in records:
        for label, *lines in record:
            page.drawString(label_x, y, label)
            for line in lines:
                page.drawString(value_x, y, line)
                y -= 12
        y -= 14
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_forms_drawn_with_no_rules_in_a_pdf_are_read_as_forms():
    records = [[("Action 1", "Review the interpreting contract"), ("Lead officer", "Procurement"
                                                                   " Manager"),
                ("Target date", "March 2012")],
               [("Action 2", "Publish the access audit of every", "library and leisure centre"),
                ("Lead officer", "Facilities Lead"), ("Target date", "31/07/2012")],
               [("Action 3", "Survey disabled staff"), ("Lead officer", "HR Adviser"),
                ("Target date", "Ongoing")]]
    doc = normalise(read_document(_drawn_forms(records, title="Disability Action Plan")))
    assert [(a.action_id, a.action, a.owners_raw, a.due_raw) for a in doc.actions] == [
        ("1", "Review the interpreting contract", "Procurement Manager", "March 2012"),
        ("2", "Publish the access audit of every library and leisure centre",
         "Facilities Lead", "31/07/2012"),
        ("3", "Survey disabled staff", "HR Adviser", "Ongoing")]


def test_a_list_of_abbreviations_drawn_the_same_way_stays_lines():
    # the second document: label and value columns as the forms', but each label once
    entries = [[("HR", "Human Resources")], [("OD", "Organisational Development")],
               [("PSED", "Public Sector Equality Duty")], [("EqIA", "Equality Impact "
                                                                  "Assessment")]]
    raw = read_document(_drawn_forms(entries, label_x=60, value_x=160, title="Key"))
    assert not [b for b in raw.blocks if isinstance(b, Table)]
    assert [b.text for b in raw.blocks][1:3] == ["HR Human Resources",
                                                 "OD Organisational Development"]


def test_each_form_keeps_the_lines_it_was_printed_on():
    # a text export: the first form titled by a line of its own, the next two by a
    # title row inside the table (``Objective 2`` with an empty second cell)
    lines = ["Plan", "", "Objective 1", "Action:\tAudit access", "Lead:\tEstates Lead", "",
             "Objective 2\t", "Action:\tCaption videos", "Lead:\tComms Lead",
             "Objective 3\t", "Action:\tBook interpreters", "Lead:\tDemocratic Services", ""]
    doc = normalise(read_document("\n".join(lines).encode()))
    assert [(a.action_id, a.action, a.line_start, a.line_end) for a in doc.actions] == [
        ("1", "Audit access", 4, 5), ("2", "Caption videos", 7, 9),
        ("3", "Book interpreters", 10, 12)]


def test_a_page_number_under_a_form_is_no_part_of_its_last_value():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    # (each page's first line printed otherwise: a line alike at every page top,
    # digits aside, is a running header)
    subjects = ["recruitment", "pay", "access", "training", "leaflets", "complaints",
                "venues", "surveys"]
    records = [(str(n), f"Review the {subject} policy", f"Owner {n} Lead", f"{n} March 2013")
               for n, subject in enumerate(subjects, start=1)]
    for number, chunk in ((1, records[:5]), (2, records[5:])):
        y = A4[1] - 60
        page.setFont("Helvetica", 9)
        for ref, action, who, when in chunk:
            for label, value in ((f"Action {ref}", action), ("Lead", who), ("Target", when)):
                page.drawString(50, y, label)
                page.drawString(230, y, value)
                y -= 12
            y -= 14
        page.drawString(A4[0] / 2, 30, str(number))  # the page number, centred at the foot
        page.showPage()
    page.save()
    doc = normalise(read_document(buffer.getvalue()))
    assert [a.due_raw for a in doc.actions] == [r[3] for r in records]
    assert [a.action_id for a in doc.actions] == [r[0] for r in records]


def _drawn_pages(pages) -> bytes:
    """Pages of drawn lines: each line (x, text) pairs at one height, a blank line
    a gap; no rules at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        y = A4[1] - 60
        for line in lines:
            page.setFont("Helvetica-Bold" if line and line[0][0] == 0 else "Helvetica", 9)
            for x, text in line:
                page.drawString(x or 50, y, text)
            y -= 12 if line else 14
        page.showPage()
    page.save()
    return buffer.getvalue()


def _form(ref, action, who, when, status=""):
    lines = [[(50, f"Task {ref}"), (230, action)], [(50, "Owner"), (230, who)],
             [(50, "Deadline"), (230, when)]]
    lines.append([(50, "Status:")] + ([(230, status)] if status else []))
    return lines + [[]]


def test_a_form_alone_under_a_heading_is_read_where_the_plans_forms_print_its_labels():
    # page 1: two forms under one heading (their labels come back: forms), then a
    # heading and one form alone; page 2: one more alone. The lone ones print only
    # labels the forms above printed; "Status:" is printed with no value
    first = [[(0, "Staff")]] + _form("1", "Audit the pay grades", "HR Manager", "May 2012",
                                     "On track") \
        + _form("2", "Publish the gap report", "Chief Executive", "June 2012") \
        + [[(0, "Customers")]] + _form("3", "Survey library users", "Libraries Lead",
                                       "July 2012", "Not started")
    second = _form("4", "Caption the council videos", "Comms Lead", "Sept 2012")
    doc = normalise(read_document(_drawn_pages([first, second])))
    assert [(a.action_id, a.action, a.owners_raw, a.due_raw) for a in doc.actions] == [
        ("1", "Audit the pay grades", "HR Manager", "May 2012"),
        ("2", "Publish the gap report", "Chief Executive", "June 2012"),
        ("3", "Survey library users", "Libraries Lead", "July 2012"),
        ("4", "Caption the council videos", "Comms Lead", "Sept 2012")]
    assert [a.progress for a in doc.actions] == ["On track", None, "Not started", None]


def test_labels_and_values_printed_once_with_no_form_before_them_stay_lines():
    # the second document: a plan's cover details drawn as labels and values, once
    cover = [[(50, "Prepared by"), (230, "Policy Team")], [(50, "Approved by"),
                                                           (230, "Cabinet")],
             [(50, "Review due"), (230, "March 2013")]]
    raw = read_document(_drawn_pages([cover]))
    assert not [b for b in raw.blocks if isinstance(b, Table)]
    # read as lines, as they always were (the reader runs such short lines on)
    assert " ".join(b.text for b in raw.blocks) == \
        "Prepared by Policy Team Approved by Cabinet Review due March 2013"
