"""The plan's key printed as paragraphs (`ABBR  expansion` under a heading) is read
like the key printed as a table, and its expansions reach the owners."""

from planextract.normalise.glossary import Entry, paragraph_key, unambiguous

HEAD = "Outcomes\tActions\tOwner\tTimescale\n"


def test_entries_under_a_key_heading_in_every_separator():
    texts = ["Our plan for the year.", "Abbreviations used",
             "VLU  Vulnerable Lives Unit", "SPO\tSenior Probation Officer",
             "ACO – OM Assistant Chief Officer Offender Management",
             "E&D: Equality and Diversity", "PSO = Probation Services Officer",
             "CRC Community Rehabilitation Company", "HoC", "Head of Commissioning",
             "The actions below are grouped by objective."]
    found = [(e.abbreviation, e.expansion) for e in paragraph_key(texts)]
    assert found == [("VLU", "Vulnerable Lives Unit"), ("SPO", "Senior Probation Officer"),
                     ("ACO – OM", "Assistant Chief Officer Offender Management"),
                     ("E&D", "Equality and Diversity"), ("PSO", "Probation Services Officer"),
                     ("CRC", "Community Rehabilitation Company"),
                     ("HoC", "Head of Commissioning")]


def test_prose_is_not_a_key_and_a_table_ends_one():
    texts = ["Introduction", "The Trust will publish its SES report.",
             "NOMS has asked every trust to report.", "Glossary", "ET  Executive Team", None,
             "DCC Thompson leads the work"]
    assert [(e.abbreviation, e.expansion) for e in paragraph_key(texts)] == [
        ("ET", "Executive Team")]
    # without a heading, only a run of three explicit `ABBR = expansion` lines counts
    assert paragraph_key(["CE = Chief Executive", "ET = Executive Team"]) == []
    assert len(paragraph_key(["CE = Chief Executive", "ET = Executive Team",
                              "HRC = Human Resources Committee"])) == 3


def test_an_abbreviation_the_key_gives_twice_is_never_spelled_out():
    entries = [Entry("DSG", "Diversity Strategy Group", "document"),
               Entry("DSG", "Disability Issues Group", "document"),
               Entry("ET", "Executive Team", "document")]
    assert unambiguous(entries) == {"ET": "Executive Team"}


def test_a_paragraph_key_reaches_the_glossary_and_the_owners(normalise_text):
    doc = normalise_text(
        "Riverside Council Equality Action Plan\n\nKey\n\nVLU  Vulnerable Lives Unit\n"
        "CSM  Community Safety Manager\nRSL  Registered Social Landlord\n\n"
        + HEAD
        + "1. Safer streets\t1.1 Map the hate crime hot spots\tVLU Manager\tMarch 2012\n"
        + "\t1.2 Train the wardens\tCSM\tJune 2012\n"
        + "\t1.3 Agree a protocol with landlords\tVulnerable Lives Manager/CSM\t"
        + "July 2012\n")
    key = {(e.abbreviation, e.expansion) for e in doc.glossary if e.origin == "document"}
    assert key == {("VLU", "Vulnerable Lives Unit"), ("CSM", "Community Safety Manager"),
                   ("RSL", "Registered Social Landlord")}
    owners = [a["owners"] for a in doc.actions]
    assert owners[1] == ["Community Safety Manager"]
    # VLU Manager is the Vulnerable Lives (Unit) Manager: one role, one label
    assert owners[0] == [owners[2][0]] and owners[2][1] == "Community Safety Manager"


def test_a_key_in_a_one_cell_per_line_export(normalise_text):
    doc = normalise_text(
        "Riverside Trust\nKey to abbreviations\nSPO\nSenior Probation Officer\n"
        "YOT Youth Offending Team\n\n\tNo\n\tAction\n\tBy Whom\n\tDate\n\n"
        "\t1\n\tDevelop the strategy\n\tSPO\n\t31.3.11\n\n"
        "\t2\n\tReview the data\n\tYOT\n\t31.3.12\n")
    assert [(e.abbreviation, e.expansion) for e in doc.glossary] == [
        ("SPO", "Senior Probation Officer"), ("YOT", "Youth Offending Team")]
    assert [a["owners"] for a in doc.actions] == [["Senior Probation Officer"],
                                                  ["Youth Offending Team"]]


def test_builtin_rows_name_the_acronyms_the_owner_cells_print(tmp_path):
    from planextract.pipeline.document_run import run_one

    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + "1. Staff\t1.1 Train staff\tHR/SMT\tMarch 2012\n", encoding="utf-8")
    result = run_one(str(plan))
    assert result.actions[0]["owners"] == ["Human Resources", "Senior Management Team"]
    assert {(g["abbreviation"], g["origin"]) for g in result.glossary} == {
        ("HR", "builtin"), ("SMT", "builtin")}


def test_headings_in_a_row_are_not_a_key_without_a_key_heading():
    texts = ["OBJECTIVE: Leadership and governance", "OUTCOME: Staff engagement",
             "THEME: Our workforce"]
    assert paragraph_key(texts) == []
    # the same shape with initials that fit is a key
    texts = ["HRC: Human Resources Committee", "ET: Executive Team", "SMT: Senior Management Team"]
    assert len(paragraph_key(texts)) == 3
