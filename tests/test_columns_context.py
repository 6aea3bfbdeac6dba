"""Objective and strand context: lettered priority headings, a theme column,
one small table per strand under its own heading, heading rows inside tables."""

from plan_blocks import run, table

from planextract.normalise.headings import classify
from planextract.normalise.strands import heading_strands, map_strands

HEAD = ["Ref", "Action", "Lead", "Due"]


def test_priority_headings_are_sections_goal_and_aim_headings_objectives():
    h = classify("Priority A: Knowing our communities")
    assert (h.kind, h.text) == ("section", "Priority A: Knowing our communities")
    assert classify("STRATEGIC PRIORITY 2 - OUR WORKFORCE").kind == "section"
    h = classify("Goal 3. Accessible services")
    assert (h.kind, h.number, h.title) == ("objective", "3", "Accessible services")
    h = classify("EQUALITY OBJECTIVE B - FAIR EMPLOYMENT")
    assert (h.kind, h.number, h.title) == ("objective", "B", "Fair Employment")
    # a sentence opening with the word is not a heading
    assert classify("Aim: to reduce the number of complaints") is None
    assert classify("Priority was given to the new estate.") is None


def test_actions_under_lettered_priorities_and_numbered_goals():
    doc = run("# PRIORITY A. OUR STAFF", "# Goal 1: Fair pay",
              table(HEAD, ["1", "Map groups", "CE", "2012"]),
              "# Priority B: Our communities", table(HEAD, ["2", "Survey staff", "HR", "2013"]))
    assert [(a.section, a.objective_id, a.objective) for a in doc.actions] == [
        ("PRIORITY A. OUR STAFF", "1", "Fair pay"), ("Priority B: Our communities", None, None)]


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


def test_short_numbered_titles_between_tables_are_objectives():
    head = ["Outcome", "Action", "Lead"]
    doc = run("1. Leadership and Governance",
              table(head, ["1.1 Staff are trained", "1.1.1 Brief the board", "CE"]),
              "2. Equality Impact Assessment",
              table(head, ["2.1 Decisions use evidence", "2.1.1 Screen policies", "Policy"]),
              "A New Approach to Engagement",
              "3. We will also consult the public on the plan each year.",
              table(head, ["3.1 People are heard", "3.1.1 Hold forums", "Comms"]))
    assert [(a.objective_id, a.objective, a.outcome_id) for a in doc.actions] == [
        ("1", "Leadership and Governance", "1.1"),
        ("2", "Equality Impact Assessment", "2.1"),
        # prose and an unnumbered title name no objective: the action's number
        # names it, and the title of objective 2 above is not its title
        ("3", None, "3.1")]


def test_a_title_in_a_tables_first_row_names_the_table():
    doc = run(table(["Staff Survey Delivery Plan"], ["Action", "Owner", "Date"],
                    ["Hold listening events", "HR", "2013"]),
              table(["Service Delivery Plan"], ["No", "Task", "Lead"],
                    ["1", "Audit the buildings", "Estates"]))
    assert [a.table for a in doc.actions] == ["Staff Survey Delivery Plan",
                                              "Service Delivery Plan"]
