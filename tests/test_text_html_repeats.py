"""text-html (markdown headings, TAB rows): a two-row header repeated after a
page break is the table's own header again, never text of the row it cuts
(its words must not leak into the action, owner or date)."""

import pytest

from planextract.extract import read_document
from planextract.normalise.document import normalise

TOP = "Ref\tAction\tDelivery\t\tProgress\n"
LOWER = "\t\tLead\tDeadline\t\n"
ROWS = ("1\tAgree the scheme with the board\tCE\tMarch 09\tDone\n"
        "2\tPublish the report on the\tHR\tJune 2011\tOpen\n")
REST = "\twebsite for staff\t\t\t\n3\tAudit the buildings\tEstates\t2012\tOpen\n"

# (the repeat as printed after the break): both rows, the lower one alone, the top
# one alone, both as HTML fragments, both with no blank line before them
REPEATS = {
    "both rows": "\n" + TOP + LOWER,
    "lower row alone": "\n" + LOWER,
    "top row alone": "\n" + TOP,
    "as fragments": "\n<p>Ref</p>\t<p>Action</p>\t<p>Delivery</p>\t\t<p>Progress</p>\n"
                    "\t\t<p>Lead</p>\t<p>Deadline</p>\t\n",
    "no blank line": TOP + LOWER,
}


@pytest.mark.parametrize("name", sorted(REPEATS))
def test_a_repeated_two_row_header_leaks_nothing(name):
    raw = read_document(("# Plan\n\n" + TOP + LOWER + ROWS + REPEATS[name] + REST).encode())
    assert raw.source_format == "text-html"
    assert [(a["action_id"], a["action"], a["owners_raw"], a["due_raw"], a["progress"])
            for a in normalise(raw).actions] == [
        ("1", "Agree the scheme with the board", "CE", "March 09", "Done"),
        ("2", "Publish the report on the website for staff", "HR", "June 2011", "Open"),
        ("3", "Audit the buildings", "Estates", "2012", "Open")]


def test_a_repeated_header_grouped_over_the_action_column():
    # differs in everything but the rule: the merged top cell spans the action and
    # owner columns, so the lower row repeats a label in the action column itself
    top, lower = "No\tWhat we will do\t\tTimescale\tUpdate\n", "\tAction\tOwner\t\t\n"
    text = ("## Objective 1\n\n" + top + lower
            + "1.1\tTrain managers in fair\tT&D Manager\t31.3.11\tOn track\n\n"
            + top + lower + "\trecruitment\t\t\t\n1.2\tSurvey staff\tHR ACO\tOn-going\tDone\n")
    actions = normalise(read_document(text.encode())).actions
    assert [(a["action_id"], a["action"], a["owners_raw"]) for a in actions] == [
        ("1.1", "Train managers in fair recruitment", "T&D Manager"),
        ("1.2", "Survey staff", "HR ACO")]
