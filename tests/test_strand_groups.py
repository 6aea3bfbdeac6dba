"""Strands a plan names by the group of people a characteristic protects (``Older
people`` for Age, ``Women`` for Sex): the class ``strand_groups`` writes from the
Equality Act 2010, alone or before a noun for people, in strand cells and strand
headings; never a group word inside an action's text or a heading about something
else. Small plans written here from printed values, the canonical strands beside."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise.document import normalise
from planextract.normalise.strand_groups import group_of
from planextract.normalise.strands import heading_strands, map_strands, names_strands


def test_a_characteristics_group_words_name_its_strand():
    assert map_strands("Women")[0] == ["Sex"]
    assert map_strands("Girls and boys")[0] == ["Sex"]
    assert map_strands("Pensioners; Muslims")[0] == ["Age", "Religion or belief"]
    assert map_strands("Gay, Pregnant")[0] == ["Sexual orientation", "Pregnancy and maternity"]
    assert map_strands("Civil partners / Deaf")[0] == [
        "Marriage and civil partnership", "Disability"]
    # an exact word of the class: no fuzzy match, and no flag saying there was one
    assert map_strands("Elderly") == (["Age"], False)
    assert map_strands("Menu")[0] == ["Menu"]


def test_a_group_word_before_a_noun_for_people_names_the_group():
    assert map_strands("Older people")[0] == ["Age"]
    assert map_strands("Women employees, Young people")[0] == ["Sex", "Age"]
    assert map_strands("Minority ethnic staff")[0] == ["Race"]
    assert group_of(["new", "mothers"]) == ["Pregnancy and maternity"]
    # a noun for something else after the group word: the plan's own name, kept
    assert map_strands("Young carers")[0] == ["Young carers"]
    assert map_strands("Black history month")[0] == ["Black history month"]
    assert group_of(["older", "buildings"]) is None


def test_a_heading_naming_a_group_is_a_strand_heading():
    assert heading_strands("Women") == ["Sex"]
    assert heading_strands("Older people") == ["Age"]
    assert heading_strands("Protected characteristic: Young people") == ["Age"]
    assert heading_strands("Older women actions") == ["Age"]
    assert heading_strands("Disabled people") == ["Disability"]  # as before
    # a group word inside a sentence, or before words that are no people
    assert heading_strands("Support young people into work") == []
    assert heading_strands("Young people into work") == []
    assert heading_strands("Older people's services") == []
    assert heading_strands("Old town centre") == []


def test_tables_under_group_headings_take_the_strand_and_actions_keep_their_words():
    head = ["Ref", "Action", "Lead", "Due"]
    doc = run("# Women", table(head, ["1", "Mentor women into senior posts", "HR Manager",
                                      "2014"]),
              "# Older people", table(head, ["2", "Support young people into work",
                                             "Skills Officer", "2015"]),
              "# Next steps", table(head, ["3", "Ask older residents and women what they "
                                            "need", "Policy Officer", "2016"]))
    assert [a.strands for a in doc.actions] == [["Sex"], ["Age"], []]


def test_group_rows_in_a_text_export_and_a_column_of_groups():
    # another format and other words: one-cell rows naming a group inside a table
    # head a strand's rows; an action row printing a group word stays an action
    lines = ["No\tWhat we will do\tOfficer\tBy",
             "Muslims",
             "1\tOpen a prayer room at the depot\tFacilities Lead\tJune 2013",
             "Young people",
             "2\tHelp young people into apprenticeships\tSkills Lead\tJuly 2013",
             "3\tWork with pensioners' forums\tCommunity Lead\tAug 2013"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.action for a in actions][1] == "Help young people into apprenticeships"
    assert [a.strands for a in actions] == [
        ["Religion or belief"], ["Age"], ["Age"]]
    # a column whose cells name groups is the strand column
    assert names_strands(["Older people", "Women", "", "Deaf staff"])
    assert not names_strands(["Young People's Officer", "Children's Services Manager"])
