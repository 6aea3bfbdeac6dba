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
