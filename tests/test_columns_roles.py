"""Column roles from the words of a header and the evidence of the cells, each
rule on two small plans that differ in everything but the rule."""

import pytest
from plan_blocks import run, table

from planextract.lexicon.column_roles import is_header_row, role_of


@pytest.mark.parametrize("header, role", [
    ("What we will do", "action"), ("Action agreed", "action"), ("Action(s)", "action"),
    ("Action / Measurable Outcome", "action"), ("Description", "action"),
    ("Recommendation", "action"), ("Measure", "action"), ("Key deliverables", "action"),
    ("Action Owner", "owner"), ("Responsible party", "owner"), ("Department", "owner"),
    ("Contact", "owner"), ("Monitoring", "owner"), ("Lead officer", "owner"),
    ("Who is responsible", "owner"), ("Executive sponsor", "owner"), ("Name of lead", "owner"),
    ("Due", "due"), ("Time frame", "due"), ("By when", "due"), ("Target date", "due"),
    ("Date to be Completed", "due"), ("Milestone", "due"), ("End date", "due"),
    ("Aim", "outcome"), ("Objective", "outcome"), ("Success measure", "outcome"),
    ("Expected result", "outcome"), ("What we want to achieve", "outcome"),
    ("Ref.", "action_id"), ("Action No", "action_id"), ("#", "action_id"),
    ("RAG", "rag"), ("Progress update", "progress"), ("Status", "progress"),
    ("RAG Status", "progress"), ("Comments", "progress"), ("Risks / Issues", "risk"),
    ("Issue to be addressed", "issue"), ("Gap identified", "issue"),
    ("Protected characteristic", "strand"), ("Start date", "start"), ("From", "start"),
    ("Resources", "extra"), ("Budget", "extra"),
    # words after a preposition complement the head word
    ("Actions required to achieve outcome", "action"), ("Lead for action", "owner"),
    ("Progress against target", "progress"), ("Timescale for completion", "due"),
    ("Responsibility for delivery", "owner"),
    # headers printed as questions
    ("What are we going to do?", "action"), ("What will we do?", "action"),
    ("How will we know we have achieved it?", "outcome"), ("Who is responsible?", "owner"),
    ("When will it be done by?", "due"), ("What will success look like?", "outcome"),
    # of a header printed in two languages the alternative naming a role decides
    ("Cam Gweithredu / Action", "action"),
])
def test_a_header_names_its_role_by_its_head_word(header, role):
    assert role_of(header) == role


def test_a_phrase_beats_the_words_inside_it_and_the_head_word_wins():
    # "measure" alone is an action column; a success measure is an outcome
    assert role_of("Measures") == "action" and role_of("Measures of success") == "outcome"
    # the last role word is the head noun: an owner of actions, a date of completion
    assert role_of("Action Owner") == "owner" and role_of("Owner's action") == "action"
    # "to" and "from" name a date column only when they are the whole header
    assert role_of("To") == "due" and role_of("Issue to be addressed") == "issue"


def test_a_plan_headed_in_its_own_words_is_read():
    doc = run(table(
        ["Ref", "What we will do", "Responsible party", "Time frame", "Comments"],
        ["1", "Develop a staff survey on equality", "HR Manager", "March 09", "Draft agreed"],
        ["2", "Review the recruitment policy", "Head of HR", "31.3.11", "On track"],
    ))
    first, second = doc.actions
    assert (first.action_id, first.action) == ("1", "Develop a staff survey on equality")
    assert first.owners_raw == "HR Manager" and first.progress == "Draft agreed"
    assert str(first.due_date) == "2009-03-31" and first.due_kind == "date"
    assert (second.action_id, str(second.due_date)) == ("2", "2011-03-31")


def test_a_second_plan_with_other_words_for_the_same_roles():
    doc = run(table(
        ["No.", "Task", "Department", "Deadline", "Status"],
        ["A1", "Publish the annual equality report", "Corporate Services", "December 2012",
         "Complete"],
        ["A2", "Train all panel members in fair selection", "Workforce", "Ongoing",
         "Started"],
    ))
    assert [a.action_id for a in doc.actions] == ["A1", "A2"]
    assert doc.actions[0].owners_raw == "Corporate Services"
    assert doc.actions[0].due_kind == "date" and doc.actions[1].due_kind == "ongoing"
    assert [a.progress for a in doc.actions] == ["Complete", "Started"]


def test_a_column_named_action_wins_over_a_weaker_name_which_is_kept_in_extra():
    doc = run(table(
        ["Recommendation", "Agreed action", "Lead", "Due"],
        ["Improve access to buildings", "Audit every public office for access", "Estates",
         "June 2013"],
    ))
    (action,) = doc.actions
    assert action.action == "Audit every public office for access"
    assert action.extra == {"Recommendation": "Improve access to buildings"}


def test_an_issue_column_is_never_the_action_when_another_column_holds_actions():
    doc = run(table(
        ["Issue identified", "Description", "Contact", "When"],
        ["Low declaration rates among staff", "Run a campaign explaining why we ask",
         "HR Officer", "Spring 2014"],
    ))
    (action,) = doc.actions
    assert action.action == "Run a campaign explaining why we ask"
    assert action.extra == {"Issue identified": "Low declaration rates among staff"}
    # the derbyshire shape: an issue beside the objective the row commits to
    doc = run(table(
        ["No", "Issue to be addressed", "Objective / Measurable Outcomes", "By Whom", "Date"],
        ["1", "Policies do not consider disability", "Screen all policies for impact",
         "Policy Writers", "31.3.11"],
    ))
    (action,) = doc.actions
    assert action.action == "Screen all policies for impact"
    assert action.extra == {"Issue to be addressed": "Policies do not consider disability"}


def test_an_issues_column_beside_owners_and_progress_is_an_action_table():
    doc = run(table(
        ["Issues", "Owner", "Progress", "Date"],
        ["Staff feel their voice is not heard", "Head of Local Policing",
         "Forums set up", "2012"],
        ["Good work is not recognised", "HR Director", "", ""],
    ))
    assert [a.action for a in doc.actions] == ["Staff feel their voice is not heard",
                                               "Good work is not recognised"]
    assert doc.actions[0].progress == "Forums set up"


def test_numbers_under_an_action_header_number_the_text_beside_them():
    doc = run(table(
        ["Action", "Concern raised", "Contact", "Current position", "Recommendations"],
        ["1", "Language at work goes unchallenged", "Chris Rowson", "Policy in place",
         "Explore through the staff forum"],
        ["2", "Faith staff feel unable to speak freely", "Head of HR", "",
         "Explore through the staff forum"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("1", "Language at work goes unchallenged"),
        ("2", "Faith staff feel unable to speak freely")]
    assert doc.actions[0].extra["Recommendations"] == "Explore through the staff forum"


def test_with_no_header_naming_an_action_the_cells_pick_the_column_and_say_so():
    doc = run(table(
        ["Item", "Narrative", "Officer", "Deadline"],
        ["1", "Introduce a reasonable adjustments passport for staff", "HR", "2014"],
        ["2", "Establish a disabled staff network with its own budget", "CEO", "2015"],
    ))
    assert [a.action for a in doc.actions] == [
        "Introduce a reasonable adjustments passport for staff",
        "Establish a disabled staff network with its own budget"]
    assert any("column 2 (Narrative)" in w for w in doc.warnings)
    doc = run(table(
        ["", "Notes", "Lead", "Target date"],
        ["a", "Short", "Board", "May 2012"],
        ["b", "Develop the equality impact toolkit and train managers to use it",
         "Policy team", "June 2012"],
    ))
    assert [a.action for a in doc.actions][-1].startswith("Develop the equality")


def test_a_column_of_colour_words_is_the_rag_and_progress_text_is_kept():
    doc = run(table(
        ["Action", "Lead", "Status", "Progress update"],
        ["Refresh the equality scheme", "Board", "Green", "Consultation finished in May"],
        ["Publish workforce data", "HR", "Amber", "Data for two services missing"],
    ))
    assert [(a.rag, a.progress) for a in doc.actions] == [
        ("green", "Consultation finished in May"), ("amber", "Data for two services missing")]
    doc = run(table(
        ["Ref", "Task", "Owner", "RAG", "Commentary"],
        ["1", "Hold quarterly network meetings", "Chair", "R", "None held since March"],
    ))
    assert (doc.actions[0].rag, doc.actions[0].progress) == ("red", "None held since March")


def test_a_target_column_without_dates_is_not_the_date_column():
    # a colour key: the objective and target columns hold no dates: not a plan table
    doc = run(table(["", "Narrative Objective", "Numerical Target"],
                    ["■", "Objective in jeopardy", "Significantly below target"],
                    ["■", "Objective met", "Target met"]))
    assert doc.actions == []
    doc = run(table(["Action", "Lead", "Target"],
                    ["Cut agency spend on interpreters", "Finance", "10% reduction"]))
    (action,) = doc.actions
    assert action.due_kind == "none" and action.extra == {"Target": "10% reduction"}


def test_a_data_row_with_role_words_is_data_but_a_repeated_header_is_dropped():
    assert is_header_row(["Outcome", "Lead", "Due date"])
    doc = run(table(
        ["Action", "Owner", "Due"],
        ["Report progress to the Board", "Board", "Quarterly"],
        ["ACTION", "owner", "Due"],  # the header again at a page top
        ["Update the scrutiny committee", "Lead", "March 2013"],
    ))
    assert [a.action for a in doc.actions] == ["Report progress to the Board",
                                               "Update the scrutiny committee"]


def test_an_unnamed_column_of_instructions_beats_an_issue_column():
    doc = run(table(
        ["Issue", "Response", "Lead", "By"],
        ["Few disabled applicants", "Advertise posts through disability groups", "HR",
         "2013"],
        ["Low use of interpreters", "Remind staff of the interpreting contract", "Ops",
         "2013"],
    ))
    assert [a.action for a in doc.actions] == ["Advertise posts through disability groups",
                                               "Remind staff of the interpreting contract"]
    assert doc.actions[0].extra == {"Issue": "Few disabled applicants"}
    assert any("column 2 (Response)" in w for w in doc.warnings)
    # where the other column holds no instructions the issues are the actions
    doc = run(table(["Issues", "Notes", "Owner"],
                    ["Staff feel unheard", "raised at the forum in May", "HR Director"]))
    assert [a.action for a in doc.actions] == ["Staff feel unheard"]


def test_cells_name_the_date_and_id_columns_their_headers_do_not():
    doc = run(table(
        ["Code", "Action", "Lead", "Quarter"],
        ["EQ-01", "Publish the annual report", "Policy", "March 2013"],
        ["EQ-02", "Hold the staff conference", "HR", "Ongoing"],
    ))
    assert [(a.action_id, a.due_kind) for a in doc.actions] == [("EQ-01", "date"),
                                                                ("EQ-02", "ongoing")]
    assert str(doc.actions[0].due_date) == "2013-03-31" and doc.actions[0].extra == {}
    # a named date column stays the date; the other dated column is kept in extra
    doc = run(table(["Action", "Deadline", "Agreed"],
                    ["Audit the buildings", "June 2014", "May 2012"]))
    assert doc.actions[0].due_raw == "June 2014"
    assert doc.actions[0].extra == {"Agreed": "May 2012"}
