"""Rules of the row repairs, each on a small document written here."""

HEAD = "Outcomes\tActions\tOwner\tTimescale\tScrutiny\n"


def by_id(doc):
    return {a["action_id"]: a for a in doc.actions}


def test_a_row_split_by_a_page_break_is_joined_in_every_cell(normalise_text):
    doc = normalise_text(
        HEAD
        + "13. Staff are trained\t13.5 Provide training\tT&D Manager\tDecember 2010\tET\n"
        + "\t13. 6 Provide in depth training specific to\tT & D\tDecember\tHR ACO/HRC\n"
        + "\n"
        + "\tindividual diversity strands for selected staff\tManager\t2010\t/DSG\n")
    action = by_id(doc)["13.6"]
    assert action["action"] == ("Provide in depth training specific to individual diversity "
                                "strands for selected staff")
    assert action["owners"] == ["Training and Development Manager"]
    assert action["due_raw"] == "December 2010" and action["due_kind"] == "date"
    assert action["scrutiny"] == ["HR ACO", "HRC", "DSG"]
    assert action["action_id_raw"] == "13. 6"
    assert "merged_split_row" in action["flags"]
    assert (action["line_start"], action["line_end"]) == (3, 5)
    assert len(doc.actions) == 2


def test_an_outcome_running_on_in_its_own_row(normalise_text):
    doc = normalise_text(
        HEAD + "5. Board is satisfied it has done everything possible to\t5.1 Consider\tBoard\t"
        "November 09\tBoard\n\nensure compliance with the DDA\t\t\t\t\n"
        "6. Next outcome\t6.1 Next action\tCE\tMarch 09\tBoard\n")
    actions = by_id(doc)
    assert actions["5.1"]["outcome"] == ("Board is satisfied it has done everything possible "
                                         "to ensure compliance with the DDA")
    assert actions["6.1"]["outcome"] == "Next outcome"
    assert len(doc.actions) == 2
    assert "merged_split_row" in actions["5.1"]["flags"]
    assert (actions["5.1"]["line_start"], actions["5.1"]["line_end"]) == (2, 4)


def test_an_outcome_running_on_beside_a_new_action_leaves_the_action_above(normalise_text):
    doc = normalise_text(
        HEAD + "45. Improve equalities in sexual\t45.1 Develop monitoring\tACO HR\t"
        "December 2010\tET\n\norientation\t45.2 Promote awareness\tACO HR\tApril 2010\tET\n")
    actions = by_id(doc)
    for number in ("45.1", "45.2"):
        assert actions[number]["outcome"] == "Improve equalities in sexual orientation"
    assert actions["45.1"]["flags"] == []
    assert (actions["45.1"]["line_start"], actions["45.1"]["line_end"]) == (2, 2)
    assert (actions["45.2"]["line_start"], actions["45.2"]["line_end"]) == (4, 4)


def test_stacked_paragraphs_with_the_tail_of_the_action_above(normalise_text):
    doc = normalise_text(
        HEAD + "3. Governance\t3.5 Provide the Board with\tHR ACO\tApril 2010\tBoard\n\n"
        "\t<p>staff information</p> <p>3.6. Board receives reports</p> <p>3.7 Review the "
        "group</p>\t<p>HR ACO</p> <p>CE</p>\t<p>April 2010</p> <p>May 2010</p>\t"
        "<p>CE/DSG</p> <p>Board/DSG</p>\n")
    actions = by_id(doc)
    assert actions["3.5"]["action"] == "Provide the Board with staff information"
    aco_hr = ["Human Resources Assistant Chief Officer"]  # HR ACO spelled out
    assert actions["3.5"]["owners"] == aco_hr and actions["3.5"]["due_raw"] == "April 2010"
    assert actions["3.6"]["owners"] == aco_hr and actions["3.6"]["scrutiny"] == ["CE", "DSG"]
    assert actions["3.7"]["owners"] == ["Chief Executive"]
    assert actions["3.7"]["due_raw"] == "May 2010"
    assert "split_stacked_cell" in actions["3.7"]["flags"]


def test_several_numbered_actions_in_one_paragraph(normalise_text):
    doc = normalise_text(
        HEAD + "25. Partnerships\t25.1. Identify partners 25. 2 Work with agencies\t\t"
        "January 2010 March 2010\tET/DSG\n")
    first, second = doc.actions
    assert (first["action_id"], first["action"]) == ("25.1", "Identify partners")
    assert (second["action_id"], second["action"]) == ("25.2", "Work with agencies")
    assert first["due_raw"] == "January 2010" and second["due_raw"] == "March 2010"
    assert first["scrutiny"] == second["scrutiny"] == ["ET", "DSG"]
    assert "split_numbered_actions" in second["flags"]


def test_tail_then_new_action_gives_the_year_to_the_month_above(normalise_text):
    doc = normalise_text(
        HEAD + "31. Representative workforce\t31.3 Train champions (to include\tACO – HR\t"
        "December\tET/HRC\n\n\trepresentatives) to proof processes 31.4 Develop a plan\t"
        "ACO HR\t2010 On-going\tET/HRC /DSG\n")
    actions = by_id(doc)
    assert actions["31.3"]["action"] == ("Train champions (to include representatives) to "
                                         "proof processes")
    assert actions["31.3"]["due_raw"] == "December 2010"
    assert actions["31.4"]["due_raw"] == "On-going"
    assert actions["31.4"]["scrutiny"] == ["ET", "HRC", "DSG"]


def test_a_number_that_contradicts_its_place_is_corrected(normalise_text):
    doc = normalise_text(
        HEAD + "31. Outcome\t31.1 One\tCE\tMarch 09\tBoard\n\t32.2 Two\tCE\tMarch 09\tBoard\n"
        "\t31.3 Three\tCE\tMarch 09\tBoard\n")
    ids = [(a["action_id"], a["action_id_raw"], "renumbered" in a["flags"]) for a in doc.actions]
    assert ids == [("31.1", "31.1", False), ("31.2", "32.2", True), ("31.3", "31.3", False)]


def test_repeated_headers_separators_and_subheadings_are_not_actions(normalise_text):
    doc = normalise_text(
        HEAD + "1. O\t1.1 A\tCE\tMarch 09\tBoard\n--\t--\t--\t--\t--\n" + HEAD
        + "Service Delivery\t\t\t\t\n2. P\t2.1 B\tCE\tMarch 09\tBoard\n")
    assert [a["action_id"] for a in doc.actions] == ["1.1", "2.1"]


def test_swapped_owner_and_date_are_repaired(normalise_text):
    doc = normalise_text(
        "Outcome\tActions\tBy when\tBy whom\n1.1 O\tDo it\tJuly 2011\tDiversity Manager\n"
        "2.2 P\tEIA is conducted\tDiversity Manager\tJuly 2011\n")
    swapped = doc.actions[1]
    assert swapped["owners"] == ["Diversity Manager"] and swapped["due_raw"] == "July 2011"
    assert swapped["flags"] == ["columns_swapped"]
    assert doc.actions[0]["flags"] == []


def test_headings_give_section_objective_and_strands(normalise_text):
    doc = normalise_text(
        "SECTION ONE: SES COMMON OBJECTIVES\n\nOBJECTIVE 1: LEADERSHIP AND GOVERNANCE\n\n"
        + HEAD + "1. O\t1.1 A\tCE\tMarch 09\tBoard\n\n"
        "SECTION 2: ACTIONS SPECIFIC TO PARTICULAR EQUALITY STRANDS\n\n"
        "(3) GENDER EQUALITY: Take actions on gender\n\n"
        + HEAD + "42. Q\t42.1 B\tACO HR\tDecember 2009\tBoard\n")
    first, second = doc.actions
    assert (first["section"], first["objective_id"], first["objective"], first["strands"]) == (
        "SECTION ONE: SES COMMON OBJECTIVES", "1", "Leadership and Governance", ["All"])
    assert (second["objective_id"], second["strands"]) == ("3", ["Sex"])
    assert second["section"].startswith("SECTION 2")


def test_different_tables_are_kept_apart_and_named(normalise_text):
    doc = normalise_text(
        "Delivery Plan\n\nBoard Plan\n\nNo\tAction Required\tAction Owner\tDate to be Completed\n"
        "1.1\tDo A\tHead of HR\t1/4/2012\n\nStaff Survey Plan\n\n"
        "Action\tIssues\tContact\tCurrent position\n1\tAn issue\tChris Rowson\twork in progress\n")
    assert [(a["table"], a["action_id"]) for a in doc.actions] == [
        ("Board Plan", "1.1"), ("Staff Survey Plan", "1")]
    second = doc.actions[1]
    assert second["action"] == "An issue" and second["owner_people"] == ["Chris Rowson"]
    assert second["progress"] == "work in progress" and second["due_kind"] == "none"


def test_the_plans_key_is_read_and_conflicts_warned(normalise_text):
    doc = normalise_text(
        "Key to Abbreviations:\n\nDSG\tDiversity Strategy Group\nDSG\tDisability Issues Group\n"
        "T&DM\tTraining and Development Manager\nET\tExecutive Team\n\n"
        + HEAD + "1. O\t1.1 A\tT&D Manager\tMarch 09\tET\n\t1.2 B\tT&DM\tMarch 09\tET\n")
    assert [a["owners"] for a in doc.actions] == [["Training and Development Manager"]] * 2
    assert len(doc.glossary) == 4
    assert any("DSG" in w for w in doc.warnings)


def test_narrative_contents_and_colour_keys_are_not_actions(normalise_text):
    doc = normalise_text(
        "# Plan\n\n1. We are committed to equality. This is narrative.\n\n"
        "\tPage\nSection 1 - Principles\t1\nSection 2 - Plan\t4\n\n"
        "\tNarrative Objective\tNumerical Target\n■\tObjective met\tTarget met\n\n"
        "Objective\tAim\n1. To embed the duty.\tBetter outcomes\n")
    assert doc.actions == []
