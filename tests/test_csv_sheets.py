"""A whole plan in one spreadsheet sheet saved as CSV (the held-out ``csv-euro``
shape): title and heading lines of one cell, a key of two-cell lines, tables of
other widths under their own headers. No one width holds most records, but the
records of two cells or more sit in runs of one width: it is a CSV. Written here
from printed values."""

import pytest

from planextract.extract import ReaderError, read_document
from planextract.extract.model import Table
from planextract.extract.registry import sniff
from planextract.normalise.document import normalise

EURO = "\r\n".join([
    "Kestrel Downs Housing Association",
    "Equality and Diversity Action Plan 2013-14",
    "Abbreviations",
    "CX;Chief Executive",
    "DHS;Director of Housing Services",
    "HRM;Human Resources Manager",
    "EDO;Equality and Diversity Officer",
    "TM;Tenancy Manager",
    "RIO;Resident Involvement Officer",
    "FM;Facilities Manager",
    "",
    "Ref;Action;Lead;Deadline",
    "1.1;Review the allocations policy for its effect on disabled applicants;DHS;31.03.2014",
    '1.2;"Train all frontline staff in equality:',
    '• tenancy staff first";HRM;Sept 2013',
    "1.3;Publish the tenant profile by protected characteristic;EDO;Annually",
    "",
]) + "\r\n"

# differs in all but the rule: commas, no key, two tables of different widths,
# the first narrower, headings between, no numbers
SECTIONS = "\n".join([
    "Saltmarsh Fire and Rescue Service",
    "Section A: Our communities",
    "What we will do,Who,When",
    "Install hearing loops in every station,Station Commanders,June 2015",
    "Translate safety leaflets into the five most spoken languages,Community Safety Lead,"
    "Autumn 2015",
    "Hold open days for deaf residents,Area Manager North,2015/16",
    "",
    "Section B: Our people",
    "Theme,What we will do,Who,When,Progress",
    'Recruitment,"Advertise firefighter posts in community venues',
    'and on local radio",HR Business Partner,Each campaign,On track',
    "Retention,Interview every leaver about their reasons,HR Manager,Ongoing,Not started",
    "Training,Give every manager unconscious bias training,Learning Lead,March 2016,"
    "Half done",
]) + "\n"


def _tables(text: str) -> list[Table]:
    return [b for b in read_document(text.encode("utf-8")).blocks if isinstance(b, Table)]


def test_a_semicolon_sheet_with_a_long_key_above_the_plan_is_a_csv():
    assert sniff(EURO.encode("utf-8")) == "csv"
    assert [len(t.rows) for t in _tables(EURO)] == [7, 4]
    doc = normalise(read_document(EURO.encode("utf-8")))
    assert [(a["action_id"], a["owners_raw"], a["due_raw"]) for a in doc.actions] == [
        ("1.1", "DHS", "31.03.2014"), ("1.2", "HRM", "Sept 2013"), ("1.3", "EDO", "Annually")]
    assert doc.actions[1]["action"] == "Train all frontline staff in equality:\n" \
                                       "tenancy staff first"


def test_a_comma_sheet_of_two_tables_of_other_widths_is_a_csv():
    assert sniff(SECTIONS.encode("utf-8")) == "csv"
    first, second = _tables(SECTIONS)  # every row padded to the widest, as before
    assert [c.text for c in first.rows[0].cells] == ["What we will do", "Who", "When", "", ""]
    assert len(second.rows) == 4
    doc = normalise(read_document(SECTIONS.encode("utf-8")))
    assert [(a["owners_raw"], a["due_raw"]) for a in doc.actions] == [
        ("Station Commanders", "June 2015"), ("Community Safety Lead", "Autumn 2015"),
        ("Area Manager North", "2015/16"), ("HR Business Partner", "Each campaign"),
        ("HR Manager", "Ongoing"), ("Learning Lead", "March 2016")]


def test_prose_in_runs_of_commas_is_still_no_table():
    prose = ("Our plan, agreed in May, has three parts.\nThe first, on staff, comes first.\n"
             "The second, on services, follows.\nA note.\n")
    with pytest.raises(ReaderError):
        sniff(prose.encode("utf-8"))
