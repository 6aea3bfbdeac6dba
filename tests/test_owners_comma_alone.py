"""Commas separate a plan's owners where it prints an owner on each side of one
(``owner_cells.uses_comma_separators``); a post the vocabulary lacks is an owner
there when the plan prints it as a whole owner elsewhere, a cell or a line of its
own (held-out: ``Head of Legal Services, Governor`` beside a cell ``Governor``).
Written here from printed values, the canonical owners beside them."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.owner_cells import uses_comma_separators

VOCAB = load()


def _rows(cells: list[str | None]) -> list[list[str]]:
    return [list(r.owners) for r in owners.resolve(cells, {}).rows]


def test_a_post_printed_alone_in_another_cell_is_an_owner_beside_a_comma():
    cells = ["Head of Estates, Almoner", "Almoner", "Chief Nurse"]
    assert uses_comma_separators(cells, VOCAB)
    assert _rows(cells) == [["Head of Estates", "Almoner"], ["Almoner"], ["Chief Nurse"]]


def test_a_second_plan_differing_in_all_but_the_rule():
    # the unknown post first, printed alone on a line of a cell of three lines
    cells = ["Bursar, Head of Catering", "Registrar\nBursar\nHead of Catering", None]
    assert uses_comma_separators(cells, VOCAB)
    assert _rows(cells) == [["Bursar", "Head of Catering"],
                            ["Registrar", "Bursar", "Head of Catering"], []]


def test_with_no_such_evidence_the_comma_is_no_separator():
    cells = ["Head of Estates, Almoner", "Chief Nurse"]
    assert not uses_comma_separators(cells, VOCAB)
