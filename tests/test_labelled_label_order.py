"""Labelled records in sections (``extract.labelled``): each section's run is a
table, and the normaliser continues a table by position, so every run's columns
go in one order, each label's first use in the document, whatever label a
section's first record leaves out (held-out: a first record with no date line
put the date column last in its section's table, and the sections after it,
printing the date first, mixed owners and dates in the columns whose cells tell
a label the vocabulary lacks). Documents are
written here from printed values, the canonical ones beside them."""

from __future__ import annotations

from io import BytesIO

import docx

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _docx(sections: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]) -> bytes:
    document = docx.Document()
    document.add_heading("Equality Action Plan 2013-14", level=1)
    for heading, records in sections:
        document.add_heading(heading, level=2)
        for title, labels in records:
            document.add_heading(title, level=3)
            for label, value in labels:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}:").bold = True
                paragraph.add_run(f" {value}")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(data: bytes) -> list[tuple]:
    return [(a["action_id"], a["owners_raw"], a["due_raw"], str(a["due_date"]))
            for a in normalise(read_document(data)).actions]


def test_sections_printing_their_labels_in_another_order_keep_their_columns():
    data = _docx([
        ("Priority 1 - Fair recruitment", [
            ("1.1 Review the shortlisting guidance", [
                ("Lead officer", "HR Manager"), ("Status", "Achieved.")]),
            ("1.2 Publish the pay gap figures", [
                ("Period", "March 2014"), ("Lead officer", "Finance Director"),
                ("Status", "On track.")]),
        ]),
        ("Priority 2 - Accessible services", [
            ("2.1 Fit hearing loops at every counter", [
                ("Period", "31/12/2013"), ("Lead officer", "Facilities Manager"),
                ("Status", "Not started.")]),
            ("2.2 Translate the complaints leaflet", [
                ("Period", "June 2014"), ("Lead officer", "Communications Lead"),
                ("Status", "On track.")]),
        ]),
    ])
    assert _read(data) == [
        ("1.1", "HR Manager", None, "None"),
        ("1.2", "Finance Director", "March 2014", "2014-03-31"),
        ("2.1", "Facilities Manager", "31/12/2013", "2013-12-31"),
        ("2.2", "Communications Lead", "June 2014", "2014-06-30"),
    ]


def test_a_second_plan_differing_in_all_but_the_rule():
    # other labels and words, three sections, the first record lacks the date's
    # label (one the vocabulary lacks too) and the later sections print it first
    data = _docx([
        ("Theme A", [
            ("A1 Audit the website for screen readers", [
                ("Owner", "Web Manager"), ("Comment", "Supplier chosen.")]),
            ("A2 Add captions to every video", [
                ("Owner", "Web Manager"), ("Comment", "Begun."), ("Horizon", "2014/15")]),
        ]),
        ("Theme B", [
            ("B1 Hold a carers' forum each quarter", [
                ("Horizon", "Autumn 2014"), ("Owner", "Carers Lead"),
                ("Comment", "Two held.")]),
        ]),
        ("Theme C", [
            ("C1 Collect disability data at enrolment", [
                ("Horizon", "31.7.14"), ("Owner", "Registrar"), ("Comment", "Form drafted.")]),
            ("C2 Report enrolment by ethnicity", [
                ("Horizon", "Jan 2015"), ("Owner", "Registrar"), ("Comment", "None yet.")]),
        ]),
    ])
    assert _read(data) == [
        ("A1", "Web Manager", None, "None"),
        ("A2", "Web Manager", "2014/15", "2015-03-31"),
        ("B1", "Carers Lead", "Autumn 2014", "2014-11-30"),
        ("C1", "Registrar", "31.7.14", "2014-07-31"),
        ("C2", "Registrar", "Jan 2015", "2015-01-31"),
    ]
