"""Column roles the cells decide when the header's words are new (issue 6,
held-out corpus): each rule on small plans written in the test, in words the
vocabulary does not hold."""

from plan_blocks import run, table

from planextract.lexicon.column_roles import role_of
from planextract.normalise.column_evidence import action_like, owner_like, resolve


def test_a_header_worded_as_a_question_names_the_role_its_first_word_asks_for():
    assert role_of("Who will do it") == "owner"
    assert role_of("Who will deliver this?") == "owner"
    assert role_of("When will it be finished") == "due"
    assert role_of("What we will do") == "action"  # a phrase still decides


def test_skip_gives_a_headers_next_reading():
    assert role_of("Responsible staff action") == "action"
    assert role_of("Responsible staff action", skip=("action",)) == "owner"


def test_actions_worded_otherwise_than_as_imperatives():
    for text in ["Review of the pay audit", "2.1 Development of a carers policy",
                 "Continued roll-out of mentoring", "We will publish the data",
                 "Line managers should attend", "HR to refresh the guidance",
                 "To widen the shortlist", "Implementation on all wards"]:
        assert action_like(text), text
    for text in ["Staff wellbeing is equal across groups", "Head of HR",
                 "Lack of data on ethnicity", "Women under-represented in senior posts"]:
        assert not action_like(text), text


def test_a_header_of_unknown_labels_over_cells_that_prove_a_plan_is_read():
    # no label is in the vocabulary; the cells hold numbers, sentences, dates, posts
    doc = run(table(
        ["Pillar", "", "Undertaking", "Schedule", "Service area"],
        ["Fair pay", "1", "Benchmark the grading of cleaning and catering posts against "
                          "similar employers", "Q2 2013/14", "Reward Manager"],
        ["", "2", "Publish the gender pay figures with a narrative on their causes",
         "31-Mar-14", "Head of Finance"],
        ["Safe work", "3", "Scope a reporting route for harassment by members of the public",
         "Autumn 2013", "Health and Safety Team"],
    ))
    assert [a.action_id for a in doc.actions] == ["1", "2", "3"]
    assert doc.actions[0].action.startswith("Benchmark the grading")
    assert [str(a.due_date) for a in doc.actions] == ["2013-09-30", "2014-03-31",
                                                       "2013-11-30"]
    assert doc.actions[2].owners_raw == "Health and Safety Team"
    assert doc.actions[1].objective == "Fair pay"


def test_labels_over_rows_that_prove_nothing_are_no_header():
    doc = run(table(
        ["Pillar", "Meaning"],
        ["Red", "Behind plan"],
        ["Green", "On plan"],
    ))
    assert doc.actions == []


def test_an_unnamed_column_of_actions_beats_a_named_outcome_column():
    roles = resolve(
        ["Intended impact", "Particulars", "Lead", "Deadline"],
        ["outcome", "extra", "owner", "due"],
        [["1 Carers feel supported at work", "", ""],
         ["1.1 Review of the carers leave entitlement with the staff side",
          "1.2 We will set up a carers network with a named sponsor",
          "1.3 Publish guidance for managers on flexible working for carers"],
         ["HR Manager", "Chief Executive", "HR Manager"],
         ["June 2013", "Sept 2013", "Dec 2013"]]).roles
    assert roles == ["outcome", "action", "owner", "due"]


def test_a_named_outcome_stays_the_action_when_no_other_column_holds_sentences():
    roles = resolve(["Aim", "Lead", "Deadline"], ["outcome", "owner", "due"],
                    [["Increase the share of disabled staff in senior grades",
                      "Improve access to the front counter at every office"],
                     ["HR Manager", "Estates Manager"], ["June 2013", "Sept 2013"]]).roles
    assert roles == ["action", "owner", "due"]


def test_a_column_headed_as_the_action_that_holds_names_gives_way():
    resolved = resolve(
        ["Ref", "Proposal", "Who will take action", "Due"],
        ["action_id", "extra", "action", "due"],
        [["1", "2", "3"],
         ["Benchmark access arrangements against neighbouring authorities",
          "Creation of a staff disability forum with its own budget",
          "Evaluation of harassment reports by protected characteristic"],
         ["Head of Planning", "Legal Services Head", "Inclusion Manager"],
         ["Q3 2011/12", "Autumn 2010", "2012"]])
    assert resolved.roles == ["action_id", "action", "owner", "due"]
    assert "holds no sentences" in resolved.notes[0]


def test_an_unnamed_column_of_post_names_is_the_owner():
    assert owner_like(["Reward Manager", "Head of Finance", "Health and Safety Team"])
    assert not owner_like(["Race", "Disability, Age", "Sex"])
    assert not owner_like(["March 2012", "Director 2013", "Q1 2012/13"][:1])
    roles = resolve(["Proposed action", "Timing", "Area"], ["action", "extra", "extra"],
                    [["Publish the pay gap report", "Train all panel chairs"],
                     ["March 2012", "Q1 2012/13"], ["Finance Director", "Training Team"]]).roles
    assert roles == ["action", "due", "owner"]


def test_two_date_columns_running_forward_are_a_start_and_an_end():
    doc = run(table(
        ["Undertaking", "Lead", "Opens", "Closes"],
        ["Pilot name-blind shortlisting in two directorates", "HR Manager",
         "Jun-12", "Dec-12"],
        ["Run listening events with older residents in each ward", "Engagement Officer",
         "Autumn 2012", "Continuing"],
    ))
    first, second = doc.actions
    assert (first.due_kind, str(first.due_start), str(first.due_date)) == (
        "range", "2012-06-01", "2012-12-31")
    assert (second.due_kind, str(second.due_start), second.due_date) == (
        "ongoing", "2012-09-01", None)


def test_two_date_columns_that_run_backwards_are_no_range():
    roles = resolve(["Action", "Review date", "Target date"], ["action", "due", "due"],
                    [["Publish the pay gap report", "Train all panel chairs"],
                     ["Dec 2013", "Dec 2013"], ["March 2013", "June 2013"]]).roles
    assert "start" not in roles


def test_an_unlisted_imperative_before_a_determiner_is_action_like():
    assert action_like("Redesign the access statements")
    assert action_like("3 Tackle all reported incidents")
    assert not action_like("Redesign")  # no determiner, no list: not known
    assert not action_like("Women in senior posts")


def test_run_together_actions_cut_before_an_unlisted_verb():
    from planextract.normalise.numbering import Numbered, split_successors

    parts = split_successors(Numbered("5", "Annual review of the networks 6 Redesign the "
                                           "access statements"))
    assert [(p.raw, p.text) for p in parts] == [
        ("5", "Annual review of the networks"), ("6", "Redesign the access statements")]
    (whole,) = split_successors(Numbered("5", "Reduce waiting by 6 Weeks on average"))
    assert whole.text == "Reduce waiting by 6 Weeks on average"


def test_a_header_naming_an_agent_with_by_is_the_owner():
    assert role_of("Led by") == role_of("Delivered by") == "owner"
    assert role_of("Completed by") == "due"  # the words say a date
    assert role_of("Monitored by") == "scrutiny"


def test_unknown_lower_labels_under_a_merged_top_cell_complete_the_header():
    from planextract.normalise.header_rows import _sub_header, combine

    top = ["Ref", "Undertaking", "Who and when", "", "Remarks"]
    lower = ["", "", "Fronted by", "Timing", ""]
    assert _sub_header(top, lower)
    assert combine(top, lower) == ["Ref", "Undertaking", "Fronted by", "Timing", "Remarks"]
    # owners and dates of a data row are no labels, nor is one unknown label alone
    assert not _sub_header(top, ["", "", "Chief Officer", "March 2012", ""])
    assert not _sub_header(["Ref", "Undertaking", "Fronted by", "Remarks"],
                           ["", "", "Timing", ""])


def test_of_two_columns_named_action_the_one_worded_as_actions_holds_them():
    resolved = resolve(
        ["ID", "Reason for action", "Tasks", "Lead"], ["action_id", "action", "action", "owner"],
        [["1", "2"],
         ["Disabled applicants less likely to be shortlisted",
          "Few interpreters booked for appointments"],
         ["We will tackle the shortlisting criteria with the staff networks",
          "Review of interpreter bookings in every clinic"],
         ["HR Manager", "Clinic Manager"]])
    assert resolved.roles == ["action_id", "extra", "action", "owner"]
    # a head word naming the action keeps it, whatever the cells (the West Midlands
    # sample: ``Concern raised`` numbered under ``Action``, ``Recommendations`` beside)
    assert resolve(["Action", "Tasks"], ["action", "action"],
                   [["Disabled applicants less likely to be shortlisted",
                     "Few interpreters booked for appointments"],
                    ["We will tackle the shortlisting criteria with the staff networks",
                     "Review of interpreter bookings in every clinic"]]).roles == [
        "action", "extra"]


def test_a_column_numbering_the_actions_parents_is_their_outcome():
    from planextract.normalise.column_shapes import numbers_parents

    assert numbers_parents(["1 Carers feel supported", "", "2 Fewer complaints"],
                           ["1.1 Review leave", "1.2 Set up a network", "2.1 Audit replies"])
    assert numbers_parents(["A1. Open recruitment", ""], ["A1.1", "A1.2"])
    # a number that is no parent, numbers that are the same, or no number at all
    assert not numbers_parents(["2 Carers feel supported"], ["1.1 Review leave"])
    assert not numbers_parents(["1.1 Carers"], ["1.1 Review leave"])
    assert not numbers_parents(["Carers feel supported"], ["1.1 Review leave"])
    assert not numbers_parents(["1 Carers feel supported"], ["Review leave"])


def test_an_unnamed_column_numbering_the_actions_parents_is_read_as_the_outcome():
    # ``Where we want to be`` names no role; its numbers are those the actions sit under
    doc = run(table(
        ["Where we want to be", "Undertaking", "Lead", "By"],
        ["1. Disabled staff progress as others do",
         "1.1 Publish promotion rates by disability each year", "HR Manager", "May 2013"],
        ["", "1.2 Offer a mentor to every disabled member of staff who asks",
         "HR Manager", "Sept 2013"],
        ["2. Residents can reach us in their own language",
         "2.1 Translate the council tax leaflet", "Revenues Manager", "2014"],
    ))
    assert [(a.action_id, a.outcome_id, a.outcome) for a in doc.actions] == [
        ("1.1", "1", "Disabled staff progress as others do"),
        ("1.2", "1", "Disabled staff progress as others do"),
        ("2.1", "2", "Residents can reach us in their own language")]


def test_parent_numbers_with_the_ids_in_their_own_column_in_a_text_export():
    from planextract.extract.registry import read_document
    from planextract.normalise.document import normalise

    lines = ["Para\tThe difference we seek\tSteps agreed\tHeld by\tTarget month",
             "B1.1\tB1 Tenants with a disability find homes faster\tShorten the adaptation "
             "queue for ground-floor lets\tLettings Officer\t06/2015",
             "B1.2\tB1 Tenants with a disability find homes faster\tKeep a register of "
             "adapted homes and who lives in them\tAsset Manager\t09/2015",
             "B2.1\tB2 Older tenants are not isolated\tPhone every tenant over 80 each "
             "winter\tSupport Worker\t12/2015"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [(a.action_id, a.outcome_id) for a in actions] == [
        ("B1.1", "B1"), ("B1.2", "B1"), ("B2.1", "B2")]
    assert actions[2].outcome == "Older tenants are not isolated"


def test_an_adjective_taking_an_infinitive_is_no_agent_to():
    # ``X to`` is an agent's action (``Wardens to``); ``-ly`` and ``-ble`` words before
    # ``to`` state a condition, as issues are worded
    assert action_like("Wardens to check the rota weekly")
    assert action_like("Tenants' panel to be consulted on the charter")
    assert not action_like("Tenants with a disability less likely to be rehoused quickly")
    assert not action_like("Night staff unable to reach the training")


def test_issues_worded_as_conditions_give_the_action_column_away():
    doc = run(table(
        ["No", "Reason for action", "Proposal", "Lead", "By"],
        ["1", "Carers less likely to be offered flexible hours",
         "Publish a flexible working guide for carers and brief every line manager on it",
         "HR Manager", "2014"],
        ["2", "Young tenants unable to reach the housing office",
         "Open a Saturday surgery in the town library with a housing officer on duty",
         "Housing Manager", "2015"],
        ["3", "Few complaints recorded by ethnicity",
         "Add an ethnicity field to the complaints form and report the figures each quarter",
         "Complaints Officer", "2014"],
        ["4", "Staff survey return rate low in depots",
         "Run survey sessions in depot canteens during paid time with a union representative",
         "HR Manager", "2016"],
        ["5", "Partially sighted visitors miss the signs",
         "Replace every reception sign with a high-contrast one and add tactile maps",
         "Facilities Officer", "2015"],
    ))
    assert [a.action[:11] for a in doc.actions] == ["Publish a f", "Open a Satu", "Add an ethn",
                                                    "Run survey ", "Replace eve"]


def test_a_letter_and_number_apart_open_an_action_as_numbering_reads_them():
    assert action_like("K 4 Benchmark the shift patterns against other forces")
    assert action_like("K4 Benchmark the shift patterns against other forces")
    doc = run(table(
        ["Barrier", "Particulars", "Contact", "Deadline"],
        ["Few women in firearms roles", "K 1 Further work on the fitness test with a coach",
         "Training Inspector", "2016"],
        ["Shift patterns deter carers", "K 2 Ongoing review of shift swaps by the rota team",
         "Duty Manager", "2017"],
        ["Shift patterns deter carers", "K 3 Trial of self-rostering on two teams",
         "Duty Manager", "2017"],
    ))
    assert [a.action_id for a in doc.actions] == ["K1", "K2", "K3"]
    assert doc.actions[0].action.startswith("Further work on the fitness test")


def test_a_cell_alone_in_its_row_is_a_heading_not_a_cell_of_its_column():
    from planextract.normalise.column_shapes import beside_others

    columns = [["Aim 4: Open hiring", "A.1 Fair panels", ""],
               ["", "Train panel chairs", "Audit shortlists"],
               ["", "HR", "HR"]]
    assert beside_others(columns, 0) == ["", "A.1 Fair panels", ""]
    assert beside_others(columns, 1) == ["", "Train panel chairs", "Audit shortlists"]


def test_objective_rows_across_an_outcome_column_leave_the_actions_beside_it():
    # the objective rows fill the outcome column alone; counted, they made it look
    # filled on more rows than the unnamed column of actions
    doc = run(table(
        ["Objective to reach", "Programme", "Lead", "When"],
        ["Aim 4: Open hiring"],
        ["4.1 Panels are fair", "4.1.1 Train every panel chair in fair selection",
         "HR Manager", "2014"],
        ["", "4.1.2 Audit a sample of shortlists against the person specification",
         "HR Manager", "2015"],
        ["Aim 5: Safe sites"],
        ["5.1 Staff report abuse", "5.1.1 Set up a confidential line to report abuse",
         "Safety Lead", "2014"],
        ["5.2 Visitors feel safe", "5.2.1 Light the car park and the footpath to it",
         "Estates Manager", "2016"],
    ))
    assert [a.action_id for a in doc.actions] == ["4.1.1", "4.1.2", "5.1.1", "5.2.1"]
    assert doc.actions[3].action.startswith("Light the car park")


def test_heading_rows_over_an_issue_column_leave_the_actions_beside_it():
    doc = run(table(
        ["Ref", "Concern", "Next", "Owner", "Target"],
        ["", "Housing"],
        ["1", "Repairs slow for disabled tenants",
         "We will fast-track adaptations for tenants with a disability",
         "Repairs Manager", "June 2015"],
        ["", "Lettings"],
        ["2", "Few bids from young people",
         "We will run bidding clinics in the youth centre every month",
         "Lettings Officer", "Sept 2015"],
        ["", "Neighbourhoods"],
        ["3", "Hate incidents reported late", "We will train wardens to log incidents on the day",
         "Community Safety Officer", "2016"],
    ))
    assert [a.action[:12] for a in doc.actions] == ["We will fast", "We will run ", "We will trai"]
