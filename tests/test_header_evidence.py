"""A header of labels the vocabulary does not know, proven by the cells below it
(held-out corpus, session 21), in two shapes it missed: a label ending in an
abbreviation's stop, and a header row alone in its block (a heading line printed
between it and the rows). Each rule on two small plans written here from printed
values, differing in everything but the rule."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.lexicon.column_roles import is_header_row
from planextract.normalise.document import normalise
from planextract.normalise.header_rows import label_row


def _tabbed(*lines: str) -> list:
    """A text export with tabs, read by its reader and normalised: its actions."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return normalise(read_document(data)).actions


# -- an abbreviation's stop ends a label, not a sentence

def test_a_label_ending_in_an_abbreviations_stop_is_a_label():
    assert label_row(["Item no.", "Our promise", "Expected"])
    assert label_row(["Para.", "Obs."])
    # a stop after four words or more, or a semicolon, ends a sentence: no label row
    assert not label_row(["Item", "All staff were trained."])
    assert not label_row(["Item", "Done;"])


def test_unknown_labels_with_an_abbreviated_number_label_over_a_plan_are_read():
    labels = ["Item no.", "Our promise", "Expected", "Stage reached"]
    assert not is_header_row(labels)  # the cells must prove it
    doc = run(table(
        labels,
        ["1", "Translate the complaints leaflet into the five most asked-for languages",
         "Sept 2014", "Draft with printers"],
        ["2", "Fit hearing loops at both reception desks and test them monthly",
         "Jan 2015", ""],
        ["3", "Offer every new starter a mentor from outside their own team",
         "2015/16", "Not started"],
    ))
    assert [a.action_id for a in doc.actions] == ["1", "2", "3"]
    assert doc.actions[1].action.startswith("Fit hearing loops")
    assert str(doc.actions[0].due_date) == "2014-09-30"


def test_an_abbreviated_label_in_another_column_of_a_text_export():
    labels = ["Pledge", "Plan of work", "Sponsor", "Obs."]
    assert not is_header_row(labels)
    actions = _tabbed(
        "\t".join(labels),
        "Fair treatment\tWe will audit grievance outcomes by age band each year"
        "\tDeputy Clerk\tProposed 12/2013",
        "Fair treatment\tTo brief all interview panels on reasonable adjustments"
        "\tCorporate Trainer\tPanels briefed 03/2014",
        "Open doors\tSurvey visitors with sight loss about the new signage"
        "\tFacilities Officer\t",
    )
    assert [a.action[:12] for a in actions] == ["We will audi", "To brief all",
                                                 "Survey visit"]
    assert [a.owners_raw for a in actions] == ["Deputy Clerk", "Corporate Trainer",
                                              "Facilities Officer"]


# -- a header row alone in its block, its rows after a heading line

def test_a_lone_row_of_unknown_labels_is_the_header_of_the_rows_after_a_heading():
    labels = ["Intended change", "Plan of work", "Point of contact", "Expected"]
    assert not is_header_row(labels)
    doc = run(
        table(labels),
        "Objective 1: Fair pay",
        table(["Pay gaps close", "Publish pay gap figures for every grade with a commentary",
               "Reward Adviser", "Oct 2013"],
              ["", "Review starting salaries offered to returners after a career break",
               "Reward Adviser", "Feb 2014"], first_line=5),
        "Objective 2: Safe work",
        table(["Fewer incidents", "Set up a confidential line for reporting abuse from "
               "the public", "Safety Lead", "2014/15"], first_line=9),
    )
    assert [a.action[:14] for a in doc.actions] == ["Publish pay ga", "Review startin",
                                                     "Set up a confi"]
    assert [a.owners_raw for a in doc.actions] == ["Reward Adviser"] * 2 + ["Safety Lead"]
    assert str(doc.actions[1].due_date) == "2014-02-28"
    assert doc.actions[2].objective == "Fewer incidents"


def test_a_lone_header_in_a_text_export_with_a_repeated_header_after_a_page_break():
    labels = ["Change we want", "Ambition", "Pledge holder", "Season"]
    assert not is_header_row(labels)
    header = "\t".join(labels)
    actions = _tabbed(
        "Our commitments for 2016",
        "",
        header,
        "Accessible venues",
        "Venues suit wheelchair users\tWe will check every hired venue against the "
        "access checklist before booking\tEvents Coordinator\tSpring 2016",
        "\tMeetings held in step-free rooms only\tEvents Coordinator\tFrom April 2016",
        "",
        header,
        "\tCaptioned video for all public webcasts\tDigital Officer\tMarch 2017",
        "Listening to carers",
        "Carers are heard\tConvene a carers' panel twice a year\tCommunity Liaison Lead"
        "\tSummer 2016",
    )
    assert len(actions) == 4
    assert actions[3].action.startswith("Convene a carers")
    assert [a.owners_raw for a in actions] == ["Events Coordinator"] * 2 + [
        "Digital Officer", "Community Liaison Lead"]
    assert str(actions[2].due_date) == "2017-03-31"


def test_a_lone_row_of_labels_over_rows_that_prove_nothing_or_another_width_is_no_header():
    doc = run(table(["Shade", "Meaning"]), "Key",
              table(["Red", "Behind"], ["Green", "On track"]))
    assert doc.actions == []
    doc = run(table(["Mark", "Sense"]), "Plan",
              table(["Review the rota", "Manager", "March 2014"],
                    ["Publish the figures", "Director", "June 2014"]))
    assert doc.actions == []


def test_a_known_header_alone_in_its_block_resolves_its_columns_from_the_rows_after():
    # the vocabulary names the header (owner, date) but not the column of actions:
    # the cells must show it, and they are in the blocks after the heading line
    labels = ["Where we want to be", "Plan of work", "Sponsor", "By when"]
    assert is_header_row(labels)
    doc = run(
        table(labels),
        "Goal 3: Fair promotion",
        table(["3.1 Promotion is open to all", "3.1.1 Advertise every acting-up post on the "
               "intranet for a fortnight", "Deputy Clerk", "Oct 2014"],
              ["", "3.1.2 Publish acting-up appointments by grade each year",
               "Deputy Clerk", "Mar 2015"], first_line=5),
    )
    assert [a.action_id for a in doc.actions] == ["3.1.1", "3.1.2"]
    assert doc.actions[0].owners_raw == "Deputy Clerk"


# -- a section's table of one row, its header proven by a later section's table

def test_a_one_row_section_table_is_read_under_the_header_a_later_section_proves():
    labels = ["Ref", "What we will do", "Answerable", "Horizon"]
    assert not is_header_row(labels)
    doc = run(
        "Older residents",
        # one row, two actions stacked in its cell: too few rows to prove the labels
        table(labels, ["", "1. Audit the lunch club venues for step-free access\n"
                       "2. Publish the outcome of the audit on the website",
                       "Community Lead", "Autumn 2015"]),
        "Young carers",
        table(labels,
              ["3.", "Train school staff to spot pupils caring at home", "Schools Adviser",
               "Jan 2016"],
              ["4.", "Set up a drop-in session every half term", "Youth Worker",
               "Feb 2016"], first_line=8),
    )
    assert [a.action_id for a in doc.actions] == ["1", "2", "3", "4"]
    assert doc.actions[1].action.startswith("Publish the outcome")
    assert [a.owners_raw for a in doc.actions[:2]] == ["Community Lead"] * 2
    assert not any("no header row" in w for w in doc.warnings)


def test_a_one_row_table_in_a_text_export_is_read_when_a_later_table_reprints_its_labels():
    labels = ["Mark", "Our pledge", "Steward", "Season"]
    assert not is_header_row(labels)
    header = "\t".join(labels)
    actions = _tabbed(
        "Theme A: Listening",
        header,
        "A1\tHold four open meetings a year in different towns\tChief Clerk\tQ2 2019",
        "",
        "Theme B: Learning",
        header,
        "B1\tOffer bite-size courses on plain English\tTraining Officer\t30.9.19",
        "B2\tReview the course evaluations with staff networks\tTraining Officer"
        "\t31.3.20",
    )
    assert [a.action_id for a in actions] == ["A1", "B1", "B2"]
    assert actions[0].owners_raw == "Chief Clerk"
    assert str(actions[2].due_date) == "2020-03-31"


def test_a_lone_row_of_labels_proven_nowhere_in_the_document_is_still_no_header():
    # no later table prints the labels: nothing proves them over one row
    labels = ["Ref", "What we will do", "Answerable", "Horizon"]
    row = ["", "Audit the venues for step-free access", "Community Lead", "Autumn 2015"]
    doc = run(table(labels, row), "Later", "A closing paragraph about the plan.")
    assert doc.actions == []
    assert any("no header row" in w for w in doc.warnings)
