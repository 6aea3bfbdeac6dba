from planextract.normalise.headings import classify, title_and_organisation
from planextract.normalise.text import smart_title


def test_objective_headings():
    h = classify("OBJECTIVE FOUR 4: EMPLOYMENT DUTIES OBJECTIVES")
    assert (h.kind, h.number, h.title) == ("objective", "4", "Employment Duties Objectives")
    h = classify("OBJECTIVE SEVEN: PUBLICATION AND REVIEWS")
    assert (h.number, h.title) == ("7", "Publication and Reviews")
    h = classify("Objective 2: Improving performance, increasing access")
    assert (h.number, h.title) == ("2", "Improving performance, increasing access")
    h = classify("(3) GENDER EQUALITY: Take actions to promote gender equality")
    title = "GENDER EQUALITY: Take actions to promote gender equality"
    assert (h.kind, h.number, h.title) == ("objective", "3", title)


def test_section_headings():
    for text in ["SECTION ONE: SES COMMON OBJECTIVES", "THEME B. PRISONERS AND OFFENDERS",
                 "Year 3: 2011-12", "SECTION 2: ACTIONS SPECIFIC TO PARTICULAR EQUALITY STRANDS"]:
        assert classify(text).kind == "section", text
    for text in ["Service Delivery", "1. The National Offender Management Service is",
                 "Key to Abbreviations:", "SECTION 10"]:
        assert classify(text) is None, text


def test_smart_title():
    assert smart_title("LEADERSHIP AND GOVERNANCE") == "Leadership and Governance"
    assert smart_title("PROCUREMENT/COMMISSIONING/CONTRACT") == "Procurement/Commissioning/Contract"


def test_title_and_organisation_from_first_lines():
    assert title_and_organisation([
        ("SECTION 10", 0),
        ("WEST MERCIA PROBATION TRUST: SINGLE EQUALITY SCHEME ACTION PLANS", 0)]) == (
        "West Mercia Probation Trust", "Single Equality Scheme Action Plans")
    assert title_and_organisation([("Cheshire Probation Single Equality Scheme", 2),
                                   ("Action Plan 2009-12", 3)]) == (
        "Cheshire Probation", "Single Equality Scheme Action Plan 2009-12")
    assert title_and_organisation([("National Offender", 0), ("Management Service", 0),
                                   ("The National Offender Management Service", 1),
                                   ("Equality Strategy 2015 - 2017", 2)]) == (
        "National Offender Management Service", "Equality Strategy 2015 - 2017")
    assert title_and_organisation([("Equality, Diversity and Human Rights Delivery Plan", 0),
                                   ("EDHR Programme Board - Delivery Plan", 0)]) == (
        None, "Equality, Diversity and Human Rights Delivery Plan")


def test_a_division_number_closed_by_a_bracketed_qualifier_is_a_section():
    # the same closes for every division word: a colon, a stop, a dash or a bracket
    for text in ["Year 2 (2014/15)", "PART 3 (REVISED)", "Priority B (carried over)"]:
        assert classify(text).kind == "section", text
    for text in ["Year 2", "Year 2015 (provisional)", "Party (b)"]:
        assert classify(text) is None, text


def test_sections_closed_by_a_bracket_in_two_plans():
    from plan_blocks import run, table

    from planextract.extract.registry import read_document
    from planextract.normalise.document import normalise

    head = ["Ref", "Action", "Lead", "Due"]
    doc = run("# Year 2 (2014/15)", table(head, ["1", "Audit the lifts", "Estates", "2015"]))
    assert [a.section for a in doc.actions] == ["Year 2 (2014/15)"]
    lines = ["Part 4 (summer term)", "",
             "No\tWhat we will do\tOfficer\tBy",
             "7\tPublish the pupil survey results\tHead of Year\tJuly 2016"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.section for a in actions] == ["Part 4 (summer term)"]
