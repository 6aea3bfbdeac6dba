"""Plans printed as labelled paragraphs in text exports and PDFs (the held-out
``text-labelled`` and ``pdf-labelled`` shapes): the same rule as Word's and HTML's
(``extract.labelled``) over the paragraphs each reader gives, their printed lines
joined where one paragraph ran on over several (``extract.labelled_lines``).
Documents are written here from printed values, the canonical ones beside them."""

from __future__ import annotations

from html import escape
from io import BytesIO

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import SimpleDocTemplate

from planextract.extract import read_document
from planextract.extract.errors import ReaderError
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise
from planextract.settings import DEFAULT


def _actions(data: bytes) -> list[tuple]:
    raw = read_document(data)
    return raw.source_format, [(a["action_id"], a["action"], a["owners"],
                                str(a["due_date"])) for a in normalise(raw).actions]


def test_a_plain_text_export_of_labelled_records_is_read_as_a_table():
    """Word's plain-text export: a paragraph a line, no bold, no blank lines, items
    after ``•`` (which the reader takes off), no table at all."""
    text = "\n".join([
        "Equality Action Plan 2012-13",
        "This plan sets out what we will do.",
        "1.1 Review the recruitment policy for bias:",
        "• check adverts",
        "• check panels",
        "Lead officer: HR Manager",
        "Target date: March 2013",
        "1.2 Publish workforce data by grade",
        "Lead officer: Head of Policy",
        "Target date: 30/06/2013",
        "1.3 Train all managers in equality law",
        "Lead officer: Learning Lead",
        "Target date: Dec 2013",
    ]) + "\n"
    fmt, actions = _actions(text.encode())
    assert fmt == "text-plain"
    assert actions == [
        ("1.1", "Review the recruitment policy for bias:\ncheck adverts\ncheck panels",
         ["Human Resources Manager"], "2013-03-31"),
        ("1.2", "Publish workforce data by grade", ["Head of Policy"], "2013-06-30"),
        ("1.3", "Train all managers in equality law", ["Learning Lead"], "2013-12-31")]


def test_a_wrapped_markdown_export_is_read_with_its_lines_joined():
    """Differs in all but the rule: pandoc's markdown (blank lines between
    paragraphs, each wrapped at 72 columns, the bold title over two lines), a pipe
    table for the key, dash items, labels bold and in another wording and order,
    values running on, a heading above the records, no numbers."""
    text = """# Inclusion Plan

| Abbreviation | Meaning |
|---|---|
| HoF | Head of Facilities |

## Accessible services

**Install hearing loops in every reception area and at the customer
service desks of the three district offices**

- survey the reception areas

**Deadline:** Autumn 2014

**Responsible:** Facilities Manager, Customer Services Manager and
Head of Estates

**Translate the complaints leaflet**

**Deadline:** 31/03/2015

**Responsible:** Communications Lead
"""
    fmt, actions = _actions(text.encode())
    assert fmt == "text-markdown"  # the key's pipe table
    assert actions == [
        (None, "Install hearing loops in every reception area and at the customer "
               "service desks of the three district offices\nsurvey the reception areas",
         ["Facilities Manager", "Customer Services Manager", "Head of Estates"], "2014-11-30"),
        (None, "Translate the complaints leaflet", ["Communications Lead"], "2015-03-31")]


def test_lines_are_joined_only_where_blank_lines_part_the_paragraphs():
    from planextract.extract.labelled_lines import text_run_ons

    lines = [Paragraph("Review the policy", line=1), Paragraph("Lead: HR", line=2),
             Paragraph("Manager", line=3), Paragraph("Train staff", line=4),
             Paragraph("Lead: HR", line=5)]
    labels = [None, ("Lead", "HR"), None, None, ("Lead", "HR")]
    assert text_run_ons(lines, labels, DEFAULT.labelled) == lines  # a paragraph a line
    apart = [Paragraph(p.text, line=2 * p.line) for p in lines]
    apart[2] = Paragraph("Manager", line=5)  # right under ``Lead: HR``: runs on
    joined = text_run_ons(apart, labels, DEFAULT.labelled)
    assert [p.text for p in joined] == ["Review the policy", "Lead: HR Manager",
                                        "Train staff", "Lead: HR"]


def test_prose_with_colons_is_no_plan():
    text = "Our aims\nWe will do this because: it is right\nContact: the equality team\n"
    with pytest.raises(ReaderError, match="no table found"):
        read_document(text.encode())


_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, spaceAfter=3)
_BOLD = ParagraphStyle("bold", parent=_BODY, fontName="Helvetica-Bold", spaceBefore=6)


def _pdf(flowables: list) -> bytes:
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(flowables)
    return buffer.getvalue()


def test_a_pdf_of_labelled_records_with_values_running_on():
    """Bold titles, bold labels, values set in a narrow block so they run on over
    several lines (which no line's right edge shows), bullet items."""
    narrow = ParagraphStyle("narrow", parent=_BODY, rightIndent=260)
    item = ParagraphStyle("item", parent=narrow, leftIndent=10)
    story = [Para("Equality Action Plan 2012-13", _BOLD),
             Para("This plan sets out what we will do over the next year for staff.", _BODY)]
    for title, items, lead, date in [
        ("1 Review the recruitment policy for bias", ["check adverts and panels"],
         "HR Manager, Head of Policy and Learning and Development Adviser", "March 2013"),
        ("2 Publish workforce data by grade", [],
         "Head of Policy", "Interim June 2013; final December 2013"),
        ("3 Train all managers in equality law", [], "Learning Lead", "Dec 2013")]:
        story.append(Para(escape(title), _BOLD))
        story += [Para(escape(i), item, bulletText="•") for i in items]
        story.append(Para(f"<b>Lead officer:</b> {escape(lead)}", narrow))
        story.append(Para(f"<b>Target date:</b> {escape(date)}", narrow))
    fmt, actions = _actions(_pdf(story))
    assert fmt == "pdf"
    assert actions == [
        ("1", "Review the recruitment policy for bias\ncheck adverts and panels",
         ["Human Resources Manager", "Head of Policy", "Learning and Development Adviser"],
         "2013-03-31"),
        ("2", "Publish workforce data by grade", ["Head of Policy"], "2013-12-31"),
        ("3", "Train all managers in equality law", ["Learning Lead"], "2013-12-31")]


def test_pdf_lines_a_label_wrapped_before_its_colon_and_one_run_onto_a_value():
    """Differs in all but the rule: plain labels, titles wrapped over two bold
    lines, a label wrapped before its colon, a label line the reader ran onto the
    value above it (that value reached the right edge)."""
    from planextract.extract.labelled_lines import pdf_run_ons

    blocks = [
        Paragraph("Install hearing loops in every reception area", bold=True, level=4),
        Paragraph("and at the customer service desks", bold=True, level=4),
        Paragraph("Responsible: Facilities Manager"),
        Paragraph("Target for"),
        Paragraph("completion: Autumn 2014"),
        Paragraph("Translate the complaints leaflet", bold=True, level=4),
        Paragraph("Responsible: Communications Lead and Customer Services Manager "
                  "Target for completion: 31/03/2015"),
        Paragraph("2015 review", bold=True, level=4),
        Paragraph("Responsible: Head of Estates"),
        Paragraph("Target for completion: Sept 2015 until"),
        Paragraph("2016"),
    ]
    labels = [None] * len(blocks)
    for k in (2, 6, 8, 9):
        labels[k] = tuple(blocks[k].text.split(": ", 1))
    joined = pdf_run_ons(blocks, labels, DEFAULT.labelled)
    assert [p.text for p in joined] == [
        "Install hearing loops in every reception area and at the customer service desks",
        "Responsible: Facilities Manager", "Target for completion: Autumn 2014",
        "Translate the complaints leaflet",
        "Responsible: Communications Lead and Customer Services Manager",
        "Target for completion: 31/03/2015",
        "2015 review", "Responsible: Head of Estates",
        "Target for completion: Sept 2015 until 2016"]
    assert isinstance(joined[0], Paragraph) and not any(isinstance(b, Table) for b in joined)


def test_a_short_section_printing_the_plans_labels_is_read_too():
    """A strand's section of two actions sharing one label only (the second has no
    date): a table, since the plan's other section prints both labels."""
    text = "\n".join([
        "Access Plan 2014",
        "Disabled people",
        "1 Install hearing loops in reception",
        "Lead officer: Facilities Manager",
        "Target date: May 2014",
        "2 Survey disabled visitors",
        "Lead officer: Customer Services Manager",
        "Target date: 2014/15",
        "Race",
        "3 Translate the complaints leaflet",
        "Lead officer: Communications Lead",
        "4 Record ethnicity on every referral",
        "Target date: June 2015",
        "Lead officer: Head of Policy",
    ]) + "\n"
    fmt, actions = _actions(text.encode())
    assert [(a[0], a[2], a[3]) for a in actions] == [
        ("1", ["Facilities Manager"], "2014-05-31"),
        ("2", ["Customer Services Manager"], "2015-03-31"),
        ("3", ["Communications Lead"], "None"),
        ("4", ["Head of Policy"], "2015-06-30")]


def test_one_action_under_its_heading_in_a_pdf_with_the_plans_labels():
    """Differs in all but the rule: a PDF, bold titles under headings, three labels,
    a section of one action printing two of them."""
    story = []
    for heading, records in [
        ("Workforce", [("Publish the gender pay gap", "Finance Director", "April 2016",
                        "Not started"),
                       ("Set up a staff disability network", "HR Business Partner",
                        "2015/16", "On track")]),
        ("Services", [("Caption every video on the website", "Web Manager", "Dec 2015",
                       None)]),
    ]:
        story.append(Para(heading, ParagraphStyle("h", parent=_BODY, fontSize=14,
                                                  leading=18, fontName="Helvetica-Bold")))
        for title, owner, due, status in records:
            story.append(Para(escape(title), _BOLD))
            story.append(Para(f"Responsible: {escape(owner)}", _BODY))
            story.append(Para(f"Deadline: {escape(due)}", _BODY))
            if status:
                story.append(Para(f"Status: {escape(status)}", _BODY))
    fmt, actions = _actions(_pdf(story))
    assert [(a[1], a[2], a[3]) for a in actions] == [
        ("Publish the gender pay gap", ["Director of Finance"], "2016-04-30"),
        ("Set up a staff disability network", ["Human Resources Business Partner"],
         "2016-03-31"),
        ("Caption every video on the website", ["Web Manager"], "2015-12-31")]


def test_an_objective_printed_as_label_and_value_is_no_record():
    """Markdown with no table (``text-plain``): an objective printed as ``Label:
    value`` under the title, bold titles wrapped over two lines (the ``**`` of each
    line read alone is left open)."""
    text = """# Equality Plan 2013

Equality objective 1: Fair recruitment

**1.1 Review the recruitment policy for bias across every
directorate**

Lead officer: HR Manager

Target date: March 2013

**1.2 Publish workforce data**

Lead officer: Head of Policy

Target date: June 2013
"""
    fmt, actions = _actions(text.encode())
    assert fmt == "text-plain"
    assert actions == [
        ("1.1", "Review the recruitment policy for bias across every directorate",
         ["Human Resources Manager"], "2013-03-31"),
        ("1.2", "Publish workforce data", ["Head of Policy"], "2013-06-30")]


def test_a_bold_objective_over_word_records_is_no_record_either():
    """Differs in all but the rule: Word's paragraphs, the objective bold under an
    introduction, headings as titles, three labels in another wording."""
    from planextract.extract.labelled import labelled_tables
    from planextract.extract.model import RawDocument

    blocks = [Paragraph("This plan sets out our commitments."),
              Paragraph("Objective A: Accessible services", bold=True)]
    for title, owner, due in [("Install hearing loops", "Facilities Manager", "May 2014"),
                              ("Caption every video", "Web Manager", "Dec 2015")]:
        blocks += [Paragraph(title, level=3), Paragraph(f"Responsible: {owner}"),
                   Paragraph(f"Deadline: {due}"), Paragraph("Budget: Officer time")]
    raw = RawDocument(source_format="docx", blocks=blocks)
    labelled_tables(raw)
    assert [type(b).__name__ for b in raw.blocks] == ["Paragraph", "Paragraph", "Table"]
    assert [[c.text for c in row.cells] for row in raw.blocks[2].rows] == [
        ["", "Responsible", "Deadline", "Budget"],
        ["Install hearing loops", "Facilities Manager", "May 2014", "Officer time"],
        ["Caption every video", "Web Manager", "Dec 2015", "Officer time"]]


_WRAPPED = """## Workforce plan

**1 Review the recruitment policy for bias across every directorate and
publish the findings**

Lead officer: HR Manager

Target date: March 2013

**2 Publish workforce data by grade and by directorate every year from
now on**

Lead officer: Head of Policy

Target date: June 2013
"""


def test_a_wrapped_bold_title_under_a_heading_is_the_title():
    """A plain export of markdown (no table: ``text-plain``): each title bold over
    two lines right under a heading; the heading is no record's title."""
    fmt, actions = _actions(_WRAPPED.encode())
    assert fmt == "text-plain"
    assert [a[1] for a in actions] == [
        "Review the recruitment policy for bias across every directorate and publish "
        "the findings",
        "Publish workforce data by grade and by directorate every year from now on"]


def test_a_wrapped_bold_title_in_markdown_with_a_table_too():
    """Differs in all but the rule: the markdown reader (a pipe table for the key),
    a heading of another level, other titles and labels."""
    text = """# Access plan

| Abbreviation | Meaning |
|---|---|
| FM | Facilities Manager |

### Buildings

**Install hearing loops in every reception area and at the customer service
desks**

Responsible: Facilities Manager

Deadline: May 2014

**Survey disabled visitors about access to the buildings every year from
2014**

Responsible: Customer Services Manager

Deadline: 2014/15
"""
    fmt, actions = _actions(text.encode())
    assert fmt == "text-markdown"
    assert [a[1] for a in actions] == [
        "Install hearing loops in every reception area and at the customer service desks",
        "Survey disabled visitors about access to the buildings every year from 2014"]
