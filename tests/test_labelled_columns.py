"""Which column of a labelled plan's table holds the actions, the outcome and the
owners (``normalise.column_evidence``): the table ``extract.labelled`` makes has an
unnamed first column (each record's title) and one column per label, so the
labels' columns are weighed against it by their cells. Each table is written here
from printed values, the canonical ones beside them."""

from __future__ import annotations

from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.normalise.document import normalise


def _raw(rows: list[list[str]]) -> RawDocument:
    table = Table(rows=tuple(Row(cells=tuple(Cell(parts=(c,) if c else (), raw=c) for c in r))
                             for r in rows))
    return RawDocument(source_format="docx",
                       blocks=[Paragraph("Equality Plan 2012-13", level=1), table])


def test_an_outcome_printed_once_over_its_actions_is_no_action_column():
    """The outcome label's value is printed on the first record of each outcome
    only; the records' titles open with nouns (no verb to weigh): the titles are
    the actions, the outcome each one's."""
    actions = normalise(_raw([
        ["", "Outcome sought", "Lead(s)", "Key dates"],
        ["1.1 Benchmark of facilities for breastfeeding mothers",
         "1 Residents trust us to treat them fairly", "HR Manager", "Q3 2012/13"],
        ["1.2 Completion of the board's own diversity review", "", "Head of Policy", "Jan-13"],
        ["1.3 Review of the volunteer role descriptions", "", "HR Manager", "By end of 2014"],
        ["2.1 Development of the apprenticeship recruitment pipeline",
         "2. Staff feel safe to raise concerns", "Head of Policy", "31/03/2013"],
        ["2.2 Analysis of the staff exit survey", "", "Learning Lead", "March 2012"],
    ])).actions
    assert [(a["action_id"], a["action"], a["outcome_id"], a["outcome"], str(a["due_date"]))
            for a in actions] == [
        ("1.1", "Benchmark of facilities for breastfeeding mothers", "1",
         "Residents trust us to treat them fairly", "2012-12-31"),
        ("1.2", "Completion of the board's own diversity review", "1",
         "Residents trust us to treat them fairly", "2013-01-31"),
        ("1.3", "Review of the volunteer role descriptions", "1",
         "Residents trust us to treat them fairly", "2014-12-31"),
        ("2.1", "Development of the apprenticeship recruitment pipeline", "2",
         "Staff feel safe to raise concerns", "2013-03-31"),
        ("2.2", "Analysis of the staff exit survey", "2",
         "Staff feel safe to raise concerns", "2012-03-31")]


def test_an_issue_printed_once_over_unnumbered_actions():
    """Differs in all but the rule: an issue column left of the unnamed one, its
    sentences longer than the actions, no numbers, other labels and owners, three
    actions under one issue, the actions worded as nouns."""
    printed = [
        "Guaranteed interviews for every disabled applicant who meets the essential criteria",
        "A yearly audit of the shortlisting decisions made by every panel in each directorate",
        "Equality training for every panel chair before their first shortlisting meeting",
        "Anonymised application forms for every post advertised outside the organisation"]
    owners = ["Recruitment Manager", "Head of Resourcing"] * 2
    actions = normalise(_raw([
        ["Concern", "", "Owner", "When"],
        ["Disabled applicants are much less likely than others to be shortlisted for "
         "interview in every directorate", printed[0], owners[0], "April 2014"],
        ["", printed[1], owners[1], "2014/15"],
        ["", printed[2], owners[2], "Summer 2014"],
        ["", printed[3], owners[3], "Ongoing"],
    ])).actions
    assert [(a["action"], a["owners"]) for a in actions] == [
        (text, [owner]) for text, owner in zip(printed, owners)]


def test_an_unnamed_column_right_of_the_actions_numbering_their_parents_is_the_outcome():
    """``What success will look like: 1 Staff wellbeing ...`` printed on the first
    record under each outcome number: the label names no role, the numbers show it."""
    actions = normalise(_raw([
        ["", "What success will look like", "Who will do it", "Target for completion"],
        ["1.1 We will roll out the digital inclusion offer",
         "1 Staff wellbeing is equal across groups", "Safeguarding Lead", "June 2013"],
        ["1.2 Publish the learning disability health checks", "", "Chief Officer",
         "Q4 2012/13"],
        ["2.1 Roll out the approach to positive action",
         "2. Residents trust us to treat them fairly", "Company Secretary", "End 2012"],
    ])).actions
    assert [(a["action_id"], a["outcome_id"], a["outcome"]) for a in actions] == [
        ("1.1", "1", "Staff wellbeing is equal across groups"),
        ("1.2", "1", "Staff wellbeing is equal across groups"),
        ("2.1", "2", "Residents trust us to treat them fairly")]


def test_two_level_outcomes_right_of_the_actions_under_another_label():
    """Differs in all but the rule: the label between the owners and the dates,
    three-level action numbers under two-level outcomes, more rows under the second."""
    actions = normalise(_raw([
        ["", "Lead", "Contributes to", "Deadline"],
        ["2.1.1 Audit the reception desks for hearing loops", "Facilities Manager",
         "2.1 Fewer complaints about access to our buildings", "Spring 2015"],
        ["2.2.1 Translate the complaints leaflet", "Communications Lead",
         "2.2 Everyone can read what we publish", "May 2015"],
        ["2.2.2 Publish an easy read summary", "Communications Lead", "", "2015/16"],
        ["2.2.3 Caption every video on the website", "Web Manager", "", "Ongoing"],
    ])).actions
    assert [(a["action_id"], a["outcome_id"], a["outcome"]) for a in actions] == [
        ("2.1.1", "2.1", "Fewer complaints about access to our buildings"),
        ("2.2.1", "2.2", "Everyone can read what we publish"),
        ("2.2.2", "2.2", "Everyone can read what we publish"),
        ("2.2.3", "2.2", "Everyone can read what we publish")]


def test_measures_read_again_without_the_action_reading_are_no_owners():
    """A SMART plan's ``Monitoring measure`` (read as the action, then as who
    monitors) beside an unnamed column of posts: its figures name no post, and
    the posts' column holds the owners."""
    actions = normalise(_raw([
        ["", "Monitoring measure", "Cost", "Post holder", "Time bound (when)"],
        ["1. We will roll out British Sign Language provision",
         "Satisfaction at 76% for all groups", "Met from the training budget",
         "Procurement Manager",
         "2012-06-30"],
        ["2. Simplify the approach to positive action", "Declaration rate above 72%",
         "Officer time", "L&D Adviser/Director of Operations", "31/04/2012"],
        ["3 Redesign the gender identity guidance", "55% of managers trained",
         "No additional cost", "Clinical Director", "Each quarter"],
    ])).actions
    assert [a["owners"] for a in actions] == [
        ["Procurement Manager"], ["Learning and Development Adviser", "Director of Operations"],
        ["Clinical Director"]]


def test_measures_beside_a_named_owner_column_are_no_owners_either():
    """Differs in all but the rule: the owners under a label naming them, measures
    worded without figures, other posts and dates, no cost column."""
    actions = normalise(_raw([
        ["", "Monitoring measure", "Named lead", "Deadline"],
        ["Publish the gender pay gap", "Annual pay audit report", "Finance Director",
         "April 2016"],
        ["Set up a staff disability network", "Network terms of reference agreed",
         "HR Business Partner", "2015/16"],
    ])).actions
    assert [(a["action"], a["owners"]) for a in actions] == [
        ("Publish the gender pay gap", ["Director of Finance"]),
        ("Set up a staff disability network", ["Human Resources Business Partner"])]
