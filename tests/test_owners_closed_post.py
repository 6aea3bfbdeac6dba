"""An ``and`` after a closed post opens the next owner, though the vocabulary lacks
its post.

Held-out plans print ``Inclusion Manager and Number One Governor``: the second post
has no head noun the vocabulary knows, so the ``and`` was kept inside one role, and
``One Governor`` (``One`` is in the given-name list) was peeled off as a person. A
post that ends in its post noun with no ``of`` phrase (``owner_peel.closes_post``)
cannot run on past an ``and``; after an ``of`` phrase the words may (``Head of
Learning and Development``), so there the plan itself must show the words as an
owner: after a closed post's ``and`` in some cell (``role_split.proven_posts``).
The words below are made up for the rule, from no corpus pool."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.owner_cells import split_cell
from planextract.normalise.owner_peel import closes_post

VOCAB = load()


def _owners(cells: list[str | None]) -> list[list[str]]:
    return [list(r.owners) for r in owners.resolve(cells, {}).rows]


def _people(cells: list[str | None]) -> list[list[str]]:
    return [list(r.people) for r in owners.resolve(cells, {}).rows]


def test_a_closed_post_and_an_unknown_post_are_two_owners():
    cells = ["Fleet Manager and Tideway Wharfinger",
             "Fleet Manager",
             "Head of Moorings and Berths"]
    rows = _owners(cells)
    assert len(rows[0]) == 2
    assert rows[2] == ["Head of Moorings and Berths"]  # an of phrase runs on


def test_a_name_shaped_end_of_the_unknown_post_is_no_person():
    # Reeve is a given name: Reeve Almoner read as a person glued to the role
    cell = "Fleet Manager and Parish Reeve Almoner"
    assert split_cell(cell, VOCAB, VOCAB.role_words, False).people == []
    assert _people([cell]) == [[]]
    assert len(_owners([cell])[0]) == 2
    # a name glued after an of phrase's and is still peeled
    assert split_cell("Head of Moorings and Berths Ottilie Quarrie", VOCAB,
                      VOCAB.role_words, False).people == ["Ottilie Quarrie"]


def test_after_an_of_phrase_only_the_plans_own_proof_splits():
    alone = _owners(["Head of Moorings and Tideway Wharfinger", "Head of Moorings"])
    assert len(alone[0]) == 1  # nothing shows Tideway Wharfinger is an owner
    proven = _owners(["Head of Moorings and Tideway Wharfinger", "Head of Moorings",
                      "Fleet Manager and Tideway Wharfinger"])
    assert len(proven[0]) == 2
    assert len(proven[2]) == 2


def test_a_second_document_differing_in_all_but_the_rule():
    # other words, ampersands, line breaks and slashes, the unknown post first
    cells = ["Kiln Officer & Cloister Verger\nGlazing Adviser",
             "Cloister Verger & Glazing Adviser",
             "Director of Glass & Cloister Verger/Kiln Officer",
             "Director of Glass & Ceramics"]
    rows = _owners(cells)
    assert len(rows[0]) == 3
    assert len(rows[1]) == 2  # proven in the first cell: it stands on the left too
    assert len(rows[2]) == 3
    assert len(rows[3]) == 1


def test_closes_post():
    assert closes_post("Fleet Manager", VOCAB)
    assert closes_post("Glazing Mgr", VOCAB)  # a contraction of a post noun
    assert not closes_post("Head of Moorings", VOCAB)
    assert not closes_post("Deputy", VOCAB)  # a rank, not a post
    assert not closes_post("Equality", VOCAB)
    assert not closes_post("", VOCAB)
