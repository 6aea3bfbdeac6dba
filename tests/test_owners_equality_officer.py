"""`Equalities` is the British name of the field a post is named after: `Equalities
Officer` and `Equality Officer` are one post, labelled `Equality Officer` in every
plan (roles.toml), so two plans that print it differently share one owner label."""

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _owners(text: str) -> list[list[str]]:
    return [a["owners"] for a in normalise(read_document(text.encode())).actions]


def test_one_label_for_the_post_in_either_spelling():
    council = """# Northwick Council Equality Plan

| Ref | Action | Lead | By |
|---|---|---|---|
| 1 | Publish the workforce profile | Equalities Officer | March 2012 |
| 2 | Review the complaints | Head of HR and Equalities Manager | 31.3.12 |
"""
    assert _owners(council) == [["Equality Officer"], ["Head of Human Resources",
                                                       "Equality Manager"]]


def test_a_second_plan_as_a_word_text_export():
    rows = ["No.\tObjective\tResponsible\tDeadline",
            "A1\tAudit the recruitment data\tEqualities Officer\tOn-going",
            "A2\tTrain the panels\tEqualities Manager/Learning Lead\tDec 2012"]
    assert _owners("Upperdale Police Race Equality Scheme\n\n" + "\n".join(rows) + "\n") == [
        ["Equality Officer"], ["Equality Manager", "Learning Lead"]]
