"""Objective and strand context: lettered priority headings, a theme column,
one small table per strand under its own heading, heading rows inside tables."""

from plan_blocks import run, table

from planextract.normalise.headings import classify
from planextract.normalise.strands import heading_strands, map_strands

HEAD = ["Ref", "Action", "Lead", "Due"]


def test_priority_goal_and_aim_headings_with_a_number_or_letter():
    h = classify("Priority A: Knowing our communities")
    assert (h.kind, h.number, h.title) == ("objective", "A", "Knowing our communities")
    h = classify("STRATEGIC PRIORITY 2 - OUR WORKFORCE")
    assert (h.number, h.title) == ("2", "Our Workforce")
    assert classify("Goal 3. Accessible services").number == "3"
    # a sentence opening with the word is not a heading
    assert classify("Aim: to reduce the number of complaints") is None


def test_actions_under_lettered_priorities_take_them_as_objectives():
    doc = run("# Priority A: Knowing our communities", table(HEAD, ["1", "Map groups", "CE",
                                                                 "2012"]),
              "# Priority B: Our workforce", table(HEAD, ["2", "Survey staff", "HR", "2013"]))
    assert [(a.objective_id, a.objective) for a in doc.actions] == [
        ("A", "Knowing our communities"), ("B", "Our workforce")]


def test_a_theme_printed_once_over_its_rows_is_their_objective():
    doc = run(table(
        ["Theme", "No", "Action", "Owner", "When"],
        ["Leadership and governance", "1", "Appoint a board champion", "Chair", "2012"],
        ["", "2", "Report twice a year to the board", "CE", "2012"],
        ["Our workforce", "3", "Publish pay gap data", "HR", "2013"],
    ))
    assert [(a.action_id, a.objective) for a in doc.actions] == [
        ("1", "Leadership and governance"), ("2", "Leadership and governance"),
        ("3", "Our workforce")]
    assert all(a.extra == {} for a in doc.actions)


def test_a_theme_printed_on_every_row_is_the_rows_label_in_extra():
    doc = run(table(
        ["Workstream", "Task", "Department", "Deadline"],
        ["Estates - item 1", "Fit hearing loops", "Estates", "May 2012"],
        ["Estates - item 2", "Widen the entrance", "Estates", "June 2012"],
    ))
    assert [a.objective for a in doc.actions] == [None, None]
    assert doc.actions[0].extra == {"Workstream": "Estates - item 1"}


def test_heading_strands_names_only_strand_headings():
    assert heading_strands("Race") == ["Race"]
    assert heading_strands("Strand: Pregnancy & Maternity") == ["Pregnancy and maternity"]
    assert heading_strands("Disability equality") == ["Disability"]
    assert heading_strands("Gender") == ["Sex"]
    assert heading_strands("Service delivery") == []
    assert heading_strands("Race and the workforce") == []
    assert map_strands("Pregnancy & Maternity")[0] == ["Pregnancy and maternity"]


def test_one_table_per_strand_under_its_heading():
    doc = run("# Race equality", table(HEAD, ["1", "Monitor stop and search", "Ops", "2012"]),
              "# Religion or Belief", table(HEAD, ["2", "Provide prayer rooms", "Estates",
                                                  "2013"]),
              "# Next steps", table(HEAD, ["3", "Review the plan", "CE", "2014"]))
    assert [a.strands for a in doc.actions] == [["Race"], ["Religion or belief"], []]


def test_strand_and_objective_heading_rows_inside_one_table():
    doc = run(table(
        ["Action", "Owner", "Timescale"],
        ["Disability"],
        ["Install hearing loops in every office", "Estates", "2012"],
        ["Sexual Orientation"],
        ["Join the workplace equality index", "HR", "2013"],
        ["Objective 2: Employment"],
        ["Publish recruitment data", "HR", "2013"],
    ))
    assert [(a.strands, a.objective_id) for a in doc.actions] == [
        (["Disability"], None), (["Sexual orientation"], None), ([], "2")]
