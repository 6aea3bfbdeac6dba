"""Plans printed as labelled paragraphs, not tables (the held-out ``docx-labelled``
shape): an action's paragraph, its list items, then ``Label: value`` lines. A run
of such records is read as the table its author would have drawn
(``extract.labelled``). Documents are written here from printed values."""

from io import BytesIO

import docx

from planextract.extract import read_document
from planextract.extract.labelled import labelled_tables
from planextract.extract.model import Paragraph, RawDocument, Table
from planextract.normalise.document import normalise


def _bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _label(document, label: str, value: str, bold: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = bold
    paragraph.add_run(f" {value}")


def test_bold_actions_with_items_and_labels_are_a_table():
    document = docx.Document()
    document.add_heading("Equality Action Plan 2012-13", level=1)
    document.add_paragraph("This plan sets out what we will do.")
    for title, items, lead, date in [
        ("1.1 Review the recruitment policy for bias:", ["check adverts", "check panels"],
         "HR Manager", "March 2013"),
        ("1.2 Publish workforce data by grade", [], "Head of Policy", "June 2013"),
        ("1.3 Train all managers in equality law", [], "Learning Lead", "Ongoing"),
    ]:
        document.add_paragraph().add_run(title).bold = True
        for item in items:
            document.add_paragraph(item, style="List Bullet")
        _label(document, "Lead officer", lead, bold=True)
        _label(document, "Target date", date, bold=True)
    raw = read_document(_bytes(document))
    assert [type(b).__name__ for b in raw.blocks] == ["Paragraph", "Paragraph", "Table"]
    table = raw.blocks[2]
    assert [c.text for c in table.rows[0].cells] == ["", "Lead officer", "Target date"]
    assert table.rows[1].cells[0].text == "1.1 Review the recruitment policy for bias:\n" \
                                          "check adverts\ncheck panels"
    actions = normalise(raw).actions
    assert [(a["action_id"], a["owners_raw"], a["due_raw"]) for a in actions] == [
        ("1.1", "HR Manager", "March 2013"), ("1.2", "Head of Policy", "June 2013"),
        ("1.3", "Learning Lead", "Ongoing")]
    assert actions[0]["action"] == "Review the recruitment policy for bias:\n" \
                                   "check adverts\ncheck panels"


def test_heading_actions_under_objectives_one_value_missing():
    """Differs in all but the rule: actions as headings under objective headings,
    no numbers, plain labels in another order and wording, one action with one
    label only, a third label some actions lack."""
    document = docx.Document()
    for objective, records in [
        ("Objective A: Accessible services", [
            ("Install hearing loops in all reception areas",
             [("Responsible", "Facilities Manager"), ("Deadline", "Autumn 2014"),
              ("Status", "On track")]),
            ("Translate the complaints leaflet", [("Responsible", "Communications Lead")]),
            ("Survey disabled visitors each year",
             [("Deadline", "31/03/2015"), ("Responsible", "Customer Services Manager")]),
        ]),
        ("Objective B: A fair workplace", [
            ("Set up a staff disability network",
             [("Responsible", "HR Business Partner"), ("Deadline", "2015/16")]),
            ("Report the gender pay gap",
             [("Responsible", "Finance Director"), ("Deadline", "April 2016"),
              ("Status", "Not started")]),
        ]),
    ]:
        document.add_heading(objective, level=2)
        for title, labels in records:
            document.add_heading(title, level=3)
            for label, value in labels:
                _label(document, label, value, bold=False)
    raw = read_document(_bytes(document))
    kinds = [type(b).__name__ for b in raw.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Table"]
    assert [len(b.rows) for b in raw.blocks if isinstance(b, Table)] == [4, 3]
    actions = normalise(raw).actions
    assert [(a["action"], a["owners_raw"], a["due_raw"]) for a in actions] == [
        ("Install hearing loops in all reception areas", "Facilities Manager", "Autumn 2014"),
        ("Translate the complaints leaflet", "Communications Lead", None),
        ("Survey disabled visitors each year", "Customer Services Manager", "31/03/2015"),
        ("Set up a staff disability network", "HR Business Partner", "2015/16"),
        ("Report the gender pay gap", "Finance Director", "April 2016")]


def _raw(*texts: str | tuple[str, bool]) -> RawDocument:
    blocks = [Paragraph(text=t) if isinstance(t, str) else Paragraph(text=t[0], bold=t[1])
              for t in texts]
    return RawDocument(source_format="docx", blocks=blocks)


def test_what_is_no_run_of_records_stays_paragraphs():
    # one record alone; records sharing one label; a sentence with a colon is no label
    cases = [
        _raw(("Contact us", True), "Email: equality@example.org", "Phone: 01234 567890"),
        _raw("Our aims", "Contact: A", "Report the gap", "Phone: B"),
        _raw(("Review", True), "We will do this because: it is right", "Lead: HR",
             ("Train", True), "In short, we will do this because: it helps", "Lead: HR"),
    ]
    for raw in cases:
        before = list(raw.blocks)
        labelled_tables(raw)
        assert raw.blocks == before
