"""A title the list lacks, read from one document: a capitalised word no role uses,
printed before two or more different surname-shaped words, is a title, so each
piece it opens is a person (``people.document_surnames``, evidence B).

Held-out plans print ``Governor Hendry`` and ``Governor Iqbal`` with ``Governor`` in
no title list. One such piece alone stays a role (unknown words default to roles).
The words below are made up for the rule, from no corpus pool."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.people import TITLE_EVIDENCE, document_surnames

VOCAB = load()


def _rows(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    return [(list(r.owners), list(r.people)) for r in owners.resolve(cells, {}).rows]


def test_one_word_before_two_surnames_is_a_title():
    cells = ["Fleet Manager and Almoner Fitzsimmons",
             "Head of Moorings/Almoner Brackenridge",
             "Fleet Manager"]
    rows = _rows(cells)
    assert rows[0][1] == ["Almoner Fitzsimmons"]
    assert rows[1] == (["Head of Moorings"], ["Almoner Brackenridge"])


def test_a_second_document_differing_in_all_but_the_rule():
    # other words, semicolons and line breaks, the titled person first
    cells = ["Sexton Oyelaran; Kiln Officer",
             "Glazing Adviser\nSexton Quarrie",
             "Kiln Officer"]
    assert TITLE_EVIDENCE == 2
    rows = _rows(cells)
    assert rows[0][1] == ["Sexton Oyelaran"]
    assert rows[1][1] == ["Sexton Quarrie"]


def test_one_surname_alone_is_no_evidence():
    rows = _rows(["Fleet Manager and Almoner Fitzmorrow", "Fleet Manager"])
    assert rows[0][1] == []


def test_a_word_roles_use_is_no_title():
    # Glazing opens a role (Glazing Adviser): Glazing Fitzsimmons is no person
    pieces = {"Glazing Adviser", "Glazing Fitzsimmons", "Glazing Brackenridge"}
    role_words = VOCAB.role_words | {"glazing"}
    assert document_surnames(pieces, VOCAB, role_words) == frozenset()
    pieces = {"Sexton Fitzsimmons", "Sexton Brackenridge", "Kiln Officer"}
    assert document_surnames(pieces, VOCAB, VOCAB.role_words) == frozenset(
        {"Fitzsimmons", "Brackenridge"})
