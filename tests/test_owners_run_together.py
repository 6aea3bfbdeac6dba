"""A person whose line break was lost in a drawn PDF: the next owner runs into the
name (``Customer Services Head: Hamish Bellamy Commissioning Head``), and a title of
two words ends a cell after a role (``... Education Chief Supt Gallagher``).

After ``Role:`` the shape is evidence of a name (as ``people_in`` reads it there), so
two capitalised words no role uses, followed by a role, are a person and the next
owner. A glued title keeps its first word when the longer name is a person too. The
words below are made up for the rules, from no corpus pool."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.owner_cells import split_cell

VOCAB = load()


def _cut(text: str) -> tuple[list[str], list[str]]:
    cell = split_cell(text, VOCAB, VOCAB.role_words, False)
    return cell.roles, cell.people


def test_the_next_owner_after_role_colon_name():
    assert _cut("Fleet Manager: Ottilie Quarrie Kiln Officer") == (
        ["Fleet Manager", "Kiln Officer"], ["Ottilie Quarrie"])
    # no given name: the colon's shape is the evidence
    assert _cut("Fleet Manager: Leofric Brackenridge Head of Moorings") == (
        ["Fleet Manager", "Head of Moorings"], ["Leofric Brackenridge"])


def test_a_colon_before_roles_alone_is_left_as_it_was():
    # Head of Moorings: no two name-shaped words open the rest
    roles, people = _cut("Fleet Manager: Head of Moorings Kiln Officer")
    assert people == []


def test_a_two_word_title_stays_whole_at_the_end_of_a_cell():
    assert _cut("Head of Moorings Ch Insp Brackenridge") == (
        ["Head of Moorings"], ["Ch Insp Brackenridge"])


def test_a_second_document_differing_in_all_but_the_rules():
    # other words, several cells, slashes, the title of another rank
    cells = ["Glazing Adviser: Tamsin Oyelaran Director of Glass/Kiln Officer",
             "Kiln Officer Det Supt Fitzsimmons",
             "Director of Glass"]
    rows = [(list(r.owners), list(r.people)) for r in owners.resolve(cells, {}).rows]
    assert rows[0] == (["Glazing Adviser", "Director of Glass", "Kiln Officer"],
                       ["Tamsin Oyelaran"])
    assert rows[1] == (["Kiln Officer"], ["Det Supt Fitzsimmons"])
