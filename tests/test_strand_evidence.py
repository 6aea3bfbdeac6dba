"""Strands a plan prints in words the vocabulary lacks (held-out corpus, session 21):
what the names themselves show (one alternative of a name joined by and/or, the
words an abbreviation stands for, a known word before a noun for people), headings
that carry the column vocabulary's strand label or action word, and a strand column
the cells prove when its header names no role. Each rule on small plans written
here from printed values."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.lexicon.column_roles import role_of
from planextract.normalise.document import normalise
from planextract.normalise.strands import heading_strands, map_strands, names_strands


def test_one_alternative_of_a_name_joined_by_and_or_names_it():
    assert map_strands("Pregnancy")[0] == ["Pregnancy and maternity"]
    assert map_strands("Civil partnership, Age")[0] == ["Marriage and civil partnership", "Age"]
    # a word inside one alternative is no name of its own
    assert map_strands("Orientation")[0] == ["Orientation"]
    assert map_strands("Partnership")[0] == ["Partnership"]


def test_terms_whose_initials_spell_an_abbreviation_name_its_strands():
    assert map_strands("Black, Asian and minority ethnic")[0] == ["Race"]
    assert map_strands("Age; black and minority ethnic")[0] == ["Age", "Race"]
    # spells nothing (``Bisexual`` alone is a group word now: ``test_strand_groups``)
    assert map_strands("Veterans, Mothers")[0] == ["Veterans", "Mothers"]


def test_a_known_word_before_a_noun_for_its_people_names_the_strand():
    assert map_strands("Transgender employees")[0] == ["Gender reassignment"]
    assert map_strands("Disabled pupils, Faith")[0] == ["Disability", "Religion or belief"]
    assert map_strands("All staff")[0] == ["All staff"]  # ``All`` alone names all


def test_a_heading_may_carry_a_strand_label_or_an_action_word():
    assert role_of("Equality group") == "strand" and role_of("tasks") == "action"
    assert heading_strands("Equality group: Faith") == ["Religion or belief"]
    assert heading_strands("Disability tasks") == ["Disability"]
    assert heading_strands("Marriage") == ["Marriage and civil partnership"]
    # anything else in it is no strand heading
    assert heading_strands("Equality group: staff survey") == []
    assert heading_strands("Next steps") == []
    assert heading_strands("Partnership") == []


def test_tables_under_labelled_strand_headings_take_their_strands():
    head = ["Ref", "Action", "Lead", "Due"]
    doc = run("# Characteristic: Religion", table(head, ["1", "Open a quiet room", "Estates",
                                                        "2014"]),
              "# Age activities", table(head, ["2", "Survey staff over 60", "HR", "2015"]))
    assert [a.strands for a in doc.actions] == [["Religion or belief"], ["Age"]]


def test_a_column_whose_cells_name_strands_is_the_strand_column():
    assert names_strands(["Faith", "", "Disabled staff, Age", "BME", "Everyone"])
    assert not names_strands(["Race", "Race", "Race"])  # one strand: no evidence
    assert not names_strands(["Head of HR", "Estates", "Race"])
    labels = ["Population", "Steps", "Lead", "Due"]
    assert role_of(labels[0]) == "extra"
    doc = run(table(
        labels,
        ["Faith", "Open a quiet room on every site", "Estates Manager", "2014"],
        ["Age, Pregnancy", "Offer phased returns from leave", "HR Manager", "2015"],
        ["Black and minority ethnic", "Mentor five managers a year", "HR Manager", "2016"],
    ))
    assert [a.strands for a in doc.actions] == [
        ["Religion or belief"], ["Age", "Pregnancy and maternity"], ["Race"]]


def test_a_strand_column_in_another_place_of_a_text_export():
    lines = ["Deliverable\tOfficer\tFinish\tAudience",
             "Caption every video on the website\tWeb Editor\tMay 2016\tDisabled users",
             "Hold a carers' drop-in each quarter\tCarer Lead\tQ2 2016\tCarers, Sex",
             "Translate the housing leaflet\tHousing Officer\t2017\tRace"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.strands for a in actions] == [["Disability"], ["Carers", "Sex"], ["Race"]]


def test_a_heading_naming_one_group_by_a_known_word_is_a_strand_heading():
    # the form a strand cell may print (``Disabled pupils``), with the labels a
    # heading may carry around it
    assert heading_strands("Disabled pupils") == ["Disability"]
    assert heading_strands("Strand: Carer groups") == ["Carers"]
    assert heading_strands("Faith communities tasks") == ["Religion or belief"]
    # no group: a first word naming no strand, a label naming no strand, a number,
    # a list of strands, more words than a group's
    assert heading_strands("Service users") == []
    assert heading_strands("Risk: Disabled pupils") == []
    assert heading_strands("Disabled 2") == []
    assert heading_strands("Race and disability staff") == []
    assert heading_strands("Age of the estate") == []


def test_tables_under_group_headings_take_their_strands():
    head = ["No", "Step", "Owner", "When"]
    doc = run("# Disabled pupils", table(head, ["1", "Fit a hearing loop in the hall",
                                                "Site Manager", "2014"]),
              "# Strand: Carer groups", table(head, ["2", "Run a carers' cafe monthly",
                                                     "Family Support Lead", "2015"]),
              "# Next steps", table(head, ["3", "Publish the annual report", "Clerk",
                                           "2016"]))
    assert [a.strands for a in doc.actions] == [["Disability"], ["Carers"], []]


def test_group_headings_in_a_text_export_end_the_strand_above():
    # another format, other words: title-like lines between tab-separated tables
    lines = ["Faith communities actions", "",
             "Ref\tWhat we will do\tLead\tBy",
             "A1\tOpen a quiet room in the library\tLibraries Officer\tMay 2013", "",
             "BME residents", "",
             "Ref\tWhat we will do\tLead\tBy",
             "B1\tTranslate the tenancy pack into Polish\tHousing Officer\tJuly 2013"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.strands for a in actions] == [["Religion or belief"], ["Race"]]


def _strands_of(lines: list[str]) -> list[list[str]]:
    return [a.strands for a in normalise(read_document(("\n".join(lines) + "\n").encode())).actions]


def test_a_line_where_the_strand_heading_stood_ends_its_tables():
    # a text export prints every heading at one level: a title-like line right over
    # a table's header, as the strand heading was, is the next table's heading
    # though it names no strand, so that table does not take the strand above
    assert _strands_of(["Faith", "", "Ref\tWhat we will do\tLead\tBy",
                        "A1\tOpen a quiet room in the library\tLibraries Officer\tMay 2013",
                        "", "Young carers' forum", "",
                        "Ref\tWhat we will do\tLead\tBy",
                        "B1\tRun a homework club on Tuesdays\tYouth Officer\tJuly 2013"]) == [
        ["Religion or belief"], []]


def test_a_line_where_the_strand_heading_stood_in_a_one_cell_a_line_export():
    assert _strands_of(["Sexual orientation", "", "\tNo", "\tStep", "\tOwner", "\tFinish", "",
                        "\t1", "\tFly the flag in February", "\tCommunications Lead",
                        "\tFeb 2015", "", "Evening classes", "", "\tNo", "\tStep", "\tOwner",
                        "\tFinish", "", "\t2", "\tMove the classes to the ground floor",
                        "\tAdult Learning Manager", "\tSept 2015"]) == [
        ["Sexual orientation"], []]


def test_a_caption_between_a_strand_heading_and_its_table_keeps_the_strand():
    # the strand heading is not right over the header: the line is no sibling
    assert _strands_of(["Disability", "", "Table 4: access plan", "",
                        "Ref\tWhat we will do\tLead\tBy",
                        "A1\tFit a hearing loop\tFacilities Manager\tFeb 2015", "",
                        "Ref\tWhat we will do\tLead\tBy",
                        "A2\tCaption the videos\tWeb Editor\tJune 2015"]) == [
        ["Disability"], ["Disability"]]
