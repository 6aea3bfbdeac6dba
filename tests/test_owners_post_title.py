"""A post the plan prints alone, printed before a surname, is its holder's title.

Held-out plans print ``Governor`` as an owner and ``Governor Iqbal`` beside other
posts: ``Governor`` is in no title list and, printed alone, is a role word of the
plan, which vetoed it as part of a name. The cells show it: a one-word owner the plan
prints alone is a post of the plan; one surname-shaped word after it that no role of
the plan or the vocabulary uses is a surname, so the piece is a person
(``people.document_surnames``, ``Surnames.posts``). The words below are made up for
the rule, from no corpus pool; the canonical owners and people beside them."""

from planextract.normalise import owners


def _rows(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    return [(list(r.owners), list(r.people)) for r in owners.resolve(cells, {}).rows]


def test_a_post_printed_alone_before_a_surname_is_a_person():
    assert _rows(["Bursar", "Estates Manager and Bursar Quillfeather", "Estates Manager"]) == [
        (["Bursar"], []), (["Estates Manager"], ["Bursar Quillfeather"]),
        (["Estates Manager"], [])]


def test_another_post_and_separator_the_same_rule():
    assert _rows(["Harbourmaster", "Harbourmaster Okwuosa; Pier Supervisor",
                  "Pier Supervisor"]) == [
        (["Harbourmaster"], []), (["Pier Supervisor"], ["Harbourmaster Okwuosa"]),
        (["Pier Supervisor"], [])]


def test_no_evidence_no_person():
    # the post is never printed alone: unknown words stay a role
    assert _rows(["Estates Manager and Bursar Quillfeather", "Estates Manager"]) == [
        (["Estates Manager", "Bursar Quillfeather"], []), (["Estates Manager"], [])]
    # the word after the post is a word of the plan's roles: a role
    rows = _rows(["Bursar", "Bursar Estates", "Estates Manager"])
    assert rows[1][1] == []
