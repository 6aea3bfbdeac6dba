"""Numbers printed in the action cell without a dot, four-digit numbers and
three-level numbering under full-width objective rows."""

from plan_blocks import run, table

from planextract.normalise.numbering import depth, mostly_numbered, normalise_id, split_leading


def test_id_like_tokens_and_years():
    assert split_leading("1000.1 Review the plan").raw == "1000.1"
    assert split_leading("12 Review the plan").raw == "12"
    assert split_leading("A1 Agree the terms").raw == "A1"
    assert split_leading("1.1.1 Develop e-learning").raw == "1.1.1"
    assert split_leading("2012 staff survey results published").raw is None  # a year
    assert depth("1. 2. 3") == 3 and depth("A1") == 1


def test_a_column_is_numbered_when_most_of_its_cells_start_with_a_number():
    assert mostly_numbered(["1 Develop", "2 Review", "3 Agree", "Publish"]) == "plain"
    assert mostly_numbered(["1.1 Develop", "1.2 Review"]) == "dotted"
    assert mostly_numbered(["3 staff to attend", "Develop a plan", "Review it"]) is None


def test_undotted_numbers_opening_the_action_cell_are_the_ids():
    doc = run(table(
        ["Actions", "Lead", "Due"],
        ["1 Develop a reasonable adjustments policy", "HR", "May 2012"],
        ["2 Review the complaints process", "Customer Services", "June 2012"],
        ["12 Publish the equality report", "Policy", "July 2012"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("1", "Develop a reasonable adjustments policy"),
        ("2", "Review the complaints process"), ("12", "Publish the equality report")]


def test_lettered_and_four_digit_numbers_in_another_plan():
    doc = run(table(
        ["Outcome", "What we will do", "Owner"],
        ["1000. Fair recruitment", "1000.1 Agree the new recruitment standard", "HR"],
        ["", "1000.2 Train every panel chair", "L&D"],
    ))
    assert [(a.outcome_id, a.action_id) for a in doc.actions] == [
        ("1000", "1000.1"), ("1000", "1000.2")]
    doc = run(table(
        ["Task", "Owner", "When"],
        ["A1 Agree the terms of reference", "Board", "2013"],
        ["A2 Appoint a chair", "Board", "2013"],
        ["B1 Hold the first meeting", "Chair", "2014"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("A1", "Agree the terms of reference"), ("A2", "Appoint a chair"),
        ("B1", "Hold the first meeting")]


def test_three_level_numbers_under_full_width_objective_rows():
    doc = run(table(
        ["Outcome", "Action", "Lead", "Due"],
        ["1. Leadership and Governance", "", "", ""],
        ["1.1 Staff understand their duties", "1.1.1 Develop e-learning", "HR", "May 2012"],
        ["", "1.1.2 Brief all managers", "HR", "June 2012"],
        ["1.2 Decisions use evidence", "1.2.1 Publish workforce data", "BI", "2013"],
        ["2. Service Delivery", "", "", ""],
        ["2.1 Services are accessible", "2.1.1 Audit the buildings", "Estates", "2014"],
    ))
    got = [(a.objective_id, a.objective, a.outcome_id, a.action_id) for a in doc.actions]
    assert got == [
        ("1", "Leadership and Governance", "1.1", "1.1.1"),
        ("1", "Leadership and Governance", "1.1", "1.1.2"),
        ("1", "Leadership and Governance", "1.2", "1.2.1"),
        ("2", "Service Delivery", "2.1", "2.1.1"),
    ]
    assert doc.actions[0].outcome == "Staff understand their duties"


def test_three_level_numbers_without_outcome_column_give_the_levels():
    doc = run(table(
        ["Ref", "Action", "Owner"],
        ["3.2.1", "Map community groups", "Engagement Officer"],
        ["3.2.2", "Hold two listening events", "Engagement Officer"],
    ))
    assert [(a.objective_id, a.outcome_id, a.action_id) for a in doc.actions] == [
        ("3", "3.2", "3.2.1"), ("3", "3.2", "3.2.2")]


def test_an_empty_id_cell_takes_the_number_opening_the_action_cell():
    doc = run(table(
        ["Outcome", "#", "Action(s)", "Contact"],
        ["6. Staff reflect the community", "", ("6.1 Evaluate the volunteer scheme",
                                                "6.2 Agree accessible formats"),
         ("Head of HR", "Comms Manager")],
        ["", "6.3", "Review exit interviews", "HR"],
    ))
    assert [(a.action_id, a.action, a.owners_raw) for a in doc.actions] == [
        ("6.1", "Evaluate the volunteer scheme", "Head of HR"),
        ("6.2", "Agree accessible formats", "Comms Manager"),
        ("6.3", "Review exit interviews", "HR")]
    # an undotted plan: only a number of the id column's shape is taken
    doc = run(table(
        ["No", "Task", "Lead"],
        ["1", "Hold a staff conference", "CE"],
        ["", "12 Publish the pay audit", "HR"],
        ["", "3.5 million leaflets printed in ten languages", "Comms"],
    ))
    assert [(a.action_id, a.action[:12]) for a in doc.actions] == [
        ("1", "Hold a staff"), ("12", "Publish the "), (None, "3.5 million ")]


def test_the_share_of_numbered_cells_is_a_setting():
    from dataclasses import replace

    from planextract.extract.model import RawDocument
    from planextract.normalise.document import normalise
    from planextract.settings import DEFAULT

    plan = table(["Action", "Lead"], ["1 Develop a policy", "HR"], ["2 Review it", "HR"],
                 ["Publish the results", "Comms"])  # two of three cells numbered
    strict = replace(DEFAULT, columns=replace(DEFAULT.columns, numbered_share=0.9))
    loose = normalise(RawDocument("docx", [plan]))
    assert [a.action_id for a in loose.actions] == ["1", "2", None]
    assert [a.action_id for a in normalise(RawDocument("docx", [plan]), strict).actions] == [
        None, None, None]


def test_numbered_actions_printed_as_lines_of_one_paragraph_are_split():
    doc = run(table(
        ["Action required", "Department", "Target date"],
        ["5 Publish the pay gap report", "HR", "2013"],
        ["6 Publish monitoring data\n7 Pilot a mentoring scheme", "Head of HR\nFinance",
         "TBC\n2009 – 2012"],
    ))
    assert [(a.action_id, a.action, a.owners_raw, a.due_raw) for a in doc.actions] == [
        ("5", "Publish the pay gap report", "HR", "2013"),
        ("6", "Publish monitoring data", "Head of HR", "TBC"),
        ("7", "Pilot a mentoring scheme", "Finance", "2009 – 2012")]
    # dotted numbers under an outcome; a line without a number stays with its action
    doc = run(table(
        ["Outcome", "Actions", "Lead"],
        ["2. Fair pay", "2.1 Audit pay grades\nacross all staff\n2.2 Publish the audit", "HR"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("2.1", "Audit pay grades\nacross all staff"), ("2.2", "Publish the audit")]


def test_lines_opening_with_ids_split_where_the_id_cell_is_empty():
    doc = run(table(
        ["Theme", "No", "Action agreed", "By whom"],
        ["Access", "1", "Promote the induction pack", "HR"],
        ["", "", "2 Analyse the apprenticeships\n3 Monitor complaints", "Policy\nEstates"],
    ))
    assert [(a.action_id, a.action, a.owners_raw) for a in doc.actions] == [
        ("1", "Promote the induction pack", "HR"), ("2", "Analyse the apprenticeships", "Policy"),
        ("3", "Monitor complaints", "Estates")]


def test_the_next_number_before_a_verb_cuts_two_actions_run_into_one_paragraph():
    from planextract.normalise.numbering import Numbered, split_successors

    pieces = split_successors(Numbered("12", "Train 13 Managers and 40 staff 13 Publish it"))
    assert [(p.raw, p.text) for p in pieces] == [("12", "Train 13 Managers and 40 staff"),
                                                 ("13", "Publish it")]
    doc = run(table(
        ["Task", "Lead", "Start", "End"],
        ["B 7 Pilot the policy", "HR", "2012", "2013"],
        ["B 8 Establish the dignity at work policy B 9 Publish the carers leave policy",
         "Estates", "01/04/2012", "31/03/2013"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("B7", "Pilot the policy"), ("B8", "Establish the dignity at work policy"),
        ("B9", "Publish the carers leave policy")]
    assert doc.actions[2].due_kind == "range"


# a list numbered with a bracket (Word's "%1)" label, typed "3)" in exports)

def test_numbers_closed_by_a_bracket_open_the_action_cell():
    assert split_leading("3) Agree the terms").raw == "3)"
    assert normalise_id("3)") == "3" and normalise_id("1.2)") == "1.2"
    doc = run(table(
        ["Specific action", "Lead person", "Time-bound"],
        ["1) Introduce exit interview data", "HR Manager", "May 2012"],
        ["2) Report on the induction pack", "Training Lead", "June 2012"],
        ["10) Publish the equality report", "Policy Officer", "July 2012"],
    ))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("1", "Introduce exit interview data"), ("2", "Report on the induction pack"),
        ("10", "Publish the equality report")]


def test_an_id_column_of_bracketed_numbers_in_another_plan():
    doc = run(table(
        ["Ref", "Key actions", "Responsible"],
        ["4)", "Audit partnership agreements with local groups", "Estates Head"],
        ["5)", "Extend the staff survey to contractors", "Comms Manager"],
        ["6)", "Hold two listening events a year", "Chief Executive"],
    ), fmt="html")
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("4", "Audit partnership agreements with local groups"),
        ("5", "Extend the staff survey to contractors"),
        ("6", "Hold two listening events a year")]


def test_the_column_whose_cells_open_with_bracketed_numbers_holds_the_actions():
    # neither header names the actions and the findings are sentences too: the
    # numbers opening the work programme's cells say which column holds them
    doc = run(table(
        ["Finding", "Work programme", "Timetable", "Post holder"],
        ["Disabled applicants less likely to be shortlisted",
         "1) Consultation on the parental leave entitlements alongside neighbouring "
         "organisations", "Interim June 2012; final December 2012",
         "Company Secretary/Clinical Director"],
        ["Board papers rarely consider equality impact",
         "2) We will co-ordinate job descriptions for bias in every locality",
         "Spring 2012 - Summer 2013", "Company Secretary - Hamish Etherington/Inclusion Mgr"],
        ["Older people report difficulty using the website",
         "3) Resource the shortlisting and interview arrangements with the involvement of "
         "service users", "Bi-monthly", "Delyth Gallagher (Head of Paramedic Education)"],
        ["Women under-represented in operational roles",
         "4) Introduction of the volunteer role descriptions alongside neighbouring "
         "organisations", "Company Secretary/Inclusion Mgr/Workforce Planning Manager",
         "Jan-13"],
        ["Few interpreters booked for appointments",
         "5) We will benchmark the menopause guidance for managers with the involvement of "
         "service users", "2012/13", "Performance and Information Manager/Inclusion Mgr"],
    ))
    assert [(a.action_id, a.action[:12]) for a in doc.actions] == [
        ("1", "Consultation"), ("2", "We will co-o"), ("3", "Resource the"),
        ("4", "Introduction"), ("5", "We will benc")]
    # the same columns in another plan: other words, ids with a letter
    doc = run(table(
        ["Gap identified", "Our response", "Lead", "By"],
        ["Few complaints recorded by protected characteristic",
         "B1) Recording of protected characteristics on complaint forms", "Head of Quality",
         "March 2014"],
        ["Low uptake of flexible working among men",
         "B2) Promotion of the flexible working policy to male staff", "HR Business Partner",
         "June 2014"],
        ["Interpreters rarely booked in time",
         "B3) Review of the booking process with the interpreting service",
         "Patient Experience Lead", "Autumn 2014"],
    ), fmt="html")
    assert [a.action_id for a in doc.actions] == ["B1", "B2", "B3"]
    assert doc.actions[0].action.startswith("Recording of protected")
