"""A key of abbreviations typed as ``ABBR  expansion`` lines, in every text format."""

import pytest

from planextract.extract import read_document
from planextract.extract.key_lines import key_pair
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise


def test_key_pair_rule():
    assert key_pair("ACO  Assistant Chief Officer") == ("ACO", "Assistant Chief Officer")
    assert key_pair("AM\u00a0\u00a0Area Manager") == ("AM", "Area Manager")
    assert key_pair("T&DM\tTraining and Development Manager") == (
        "T&DM", "Training and Development Manager")
    assert key_pair("DoF:  Director of Finance  ") == ("DoF", "Director of Finance")
    # one capital is a word, not an abbreviation; a heading's number is no expansion
    assert key_pair("Note:  the dates are indicative") is None
    assert key_pair("SECTION  1: WORKFORCE") is None
    # prose with two spaces after a full stop, numbered headings, a lower-case start
    assert key_pair("We agreed.  The board will report") is None
    assert key_pair("1.  Introduction") is None
    assert key_pair("see  below") is None
    assert key_pair("ACO Assistant Chief Officer") is None  # one space: no gap


CELLS = ("Northshire Probation Trust\nKey to abbreviations\nACO  Assistant Chief Officer\n"
         "DSG  Diversity Strategy Group\nT&DM  Training and Development Manager\n\n"
         "\tNo\n\tAction\n\tOwner\n\tDate\n\n\t1\n\tTrain staff\n\tT&DM\n\tMay 2012\n"
         "\t2\n\tAgree the scheme\n\tACO\n\tJune 2012\n")
HTML = ("<html><body><h1>Northshire Probation Trust</h1><h3>Glossary</h3>"
        "<p>ACO&nbsp;&nbsp;Assistant Chief Officer</p><p>DSG&nbsp;&nbsp;Diversity Strategy "
        "Group</p><p>T&amp;DM&nbsp;&nbsp;Training and Development Manager</p>"
        "<table><tr><th>No</th><th>Action</th><th>Owner</th><th>Date</th></tr>"
        "<tr><td>1</td><td>Train staff</td><td>T&amp;DM</td><td>May 2012</td></tr>"
        "<tr><td>2</td><td>Agree the scheme</td><td>ACO</td><td>June 2012</td></tr>"
        "</table></body></html>")
MARKDOWN = ("# Northshire Probation Trust\n\n## Abbreviations\n\nACO  Assistant Chief Officer  \n"
            "DSG  Diversity Strategy Group  \nT&DM  Training and Development Manager  \n\n"
            "| No | Action | Owner | Date |\n|---|---|---|---|\n"
            "| 1 | Train staff | T&DM | May 2012 |\n| 2 | Agree the scheme | ACO | June 2012 |\n")
TABBED = ("Northshire Probation Trust\nKey\nACO   Assistant Chief Officer\n"
          "DSG   Diversity Strategy Group\nT&DM   Training and Development Manager\n\n"
          "No\tAction\tOwner\tDate\n1\tTrain staff\tT&DM\tMay 2012\n"
          "2\tAgree the scheme\tACO\tJune 2012\n")


@pytest.mark.parametrize("text", [CELLS, HTML, MARKDOWN, TABBED],
                         ids=["text-cells", "html", "text-markdown", "text-tabbed"])
def test_key_lines_are_read_as_the_plans_key(text):
    raw = read_document(text.encode())
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert [[c.text for c in r.cells] for r in tables[0].rows] == [
        ["ACO", "Assistant Chief Officer"], ["DSG", "Diversity Strategy Group"],
        ["T&DM", "Training and Development Manager"]]
    doc = normalise(raw)
    key = {(e.abbreviation, e.expansion) for e in doc.glossary if e.origin == "document"}
    assert ("DSG", "Diversity Strategy Group") in key and len(key) == 3
    assert len(doc.actions) == 2


def test_fewer_than_three_gap_lines_stay_paragraphs():
    text = ("Northshire Trust\nNB  Dates are indicative\nEIA  Equality Impact Assessment\n\n"
            + CELLS.split("\n\n", 1)[1])
    raw = read_document(text.encode())
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == [
        "Northshire Trust", "NB Dates are indicative", "EIA Equality Impact Assessment"]


def test_a_definition_list_is_read_as_the_key():
    page = ("<html><body><h1>Northshire Police</h1><h2>Abbreviations</h2><dl>"
            "<dt>ACC</dt><dd>Assistant Chief Constable</dd><dt>PSD</dt>"
            "<dd>Professional Standards Department</dd><dt>DIG</dt><dd>Disability Issues "
            "Group</dd></dl><table><tr><th>Action</th><th>Owner</th></tr><tr><td>Review "
            "complaints</td><td>PSD</td></tr><tr><td>Audit access</td><td>DIG</td></tr>"
            "</table></body></html>")
    doc = normalise(read_document(page.encode()))
    key = {(e.abbreviation, e.expansion) for e in doc.glossary if e.origin == "document"}
    assert key == {("ACC", "Assistant Chief Constable"),
                   ("PSD", "Professional Standards Department"),
                   ("DIG", "Disability Issues Group")}
