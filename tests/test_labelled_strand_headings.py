"""A strand heading printed as a label line (``Protected characteristic: Race``)
between two labelled records is a heading over the records after it, not a value
of the record above (``extract.labelled._strand_headings``): the last label line
of a record, whose label the column vocabulary reads as the strand, printed by
fewer than half of the run's records. A strand printed on each record stays its
value. Documents are written here from printed values, the canonical ones beside
them."""

from __future__ import annotations

from io import BytesIO

import docx

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _read(data: bytes) -> list[tuple]:
    return [(a["action_id"], a["owners_raw"], a["strands"])
            for a in normalise(read_document(data)).actions]


def test_a_strand_label_line_between_records_heads_the_records_after_it():
    text = "\n".join([
        "Equality Action Plan 2014-15",
        "Disability actions",
        "1. Fit hearing loops at every counter",
        "Lead officer: Facilities Manager",
        "Target date: June 2014",
        "2. Audit the website for screen readers",
        "Lead officer: Web Manager",
        "Target date: 2014/15",
        "Protected characteristic: Race",
        "3. Publish workforce data by ethnicity",
        "Lead officer: HR Manager",
        "Target date: March 2015",
        "4. Translate the complaints leaflet",
        "Lead officer: Communications Lead",
        "Target date: Dec 2014",
    ]) + "\n"
    assert _read(text.encode()) == [
        ("1", "Facilities Manager", ["Disability"]),
        ("2", "Web Manager", ["Disability"]),
        ("3", "HR Manager", ["Race"]),
        ("4", "Communications Lead", ["Race"]),
    ]


def _docx(records: list[tuple[str, list[tuple[str, str]]]]) -> bytes:
    document = docx.Document()
    document.add_heading("Single Equality Scheme actions", level=1)
    for title, labels in records:
        document.add_paragraph().add_run(title).bold = True
        for label, value in labels:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}:").bold = True
            paragraph.add_run(f" {value}")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_second_plan_differing_in_all_but_the_rule():
    # Word, bold titles, another strand label, two headings among five records
    data = _docx([
        ("A1 Hold a carers' forum each quarter", [
            ("Owner", "Carers Lead"), ("Deadline", "Autumn 2014"),
            ("Strand", "Sexual orientation")]),
        ("A2 Brief managers on the pension rules for civil partners", [
            ("Owner", "Pensions Officer"), ("Deadline", "31.7.14"),
            ("Strand", "Age")]),
        ("A3 Offer retirement planning from age 50", [
            ("Owner", "HR Adviser"), ("Deadline", "Jan 2015")]),
        ("A4 Review the dress code with staff", [
            ("Owner", "HR Adviser"), ("Deadline", "Mar 2015")]),
        ("A5 Set up a young staff network", [
            ("Owner", "Learning Lead"), ("Deadline", "2015")]),
    ])
    assert _read(data) == [
        ("A1", "Carers Lead", []),
        ("A2", "Pensions Officer", ["Sexual orientation"]),
        ("A3", "HR Adviser", ["Age"]),
        ("A4", "HR Adviser", ["Age"]),
        ("A5", "Learning Lead", ["Age"]),
    ]


def test_a_strand_printed_on_each_record_stays_its_value():
    data = _docx([
        ("B1 Fit hearing loops at every counter", [
            ("Owner", "Facilities Manager"), ("Strand", "Disability")]),
        ("B2 Publish workforce data by ethnicity", [
            ("Owner", "HR Manager"), ("Strand", "Race")]),
        ("B3 Review the dress code with staff", [
            ("Owner", "HR Adviser"), ("Strand", "Religion or belief")]),
    ])
    assert _read(data) == [
        ("B1", "Facilities Manager", ["Disability"]),
        ("B2", "HR Manager", ["Race"]),
        ("B3", "HR Adviser", ["Religion or belief"]),
    ]
