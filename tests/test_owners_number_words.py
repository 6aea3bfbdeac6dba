"""A number word in an owner cell counts; it names no one.

gender-guesser's list holds a few English number words as given names (``One``,
``Five``, ``Nine``), so ``Head of X and Number One Y`` was cut before ``One`` and
``One Y`` read as a person (``Firstname Surname``). The number words are taken out
of the given names (``people.NUMBER_WORDS``). The words below are made up for the
rule, from no corpus pool; the canonical owners and people beside them."""

from planextract.normalise import owners
from planextract.normalise.people import NUMBER_WORDS, given_names


def _rows(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    return [(list(r.owners), list(r.people)) for r in owners.resolve(cells, {}).rows]


def test_a_post_opening_with_number_one_is_no_person():
    assert _rows(["Head of Moorings and Number One Harbourmaster", "Harbourmaster",
                  "Head of Moorings"]) == [
        (["Head of Moorings", "Number One Harbourmaster"], []),
        (["Harbourmaster"], []), (["Head of Moorings"], [])]


def test_a_number_word_opening_a_place_in_a_post_is_no_given_name():
    # another shape: no ``of`` phrase, a number word naming a place, not a rank
    assert _rows(["Chief Ranger and One Stop Shop Supervisor", "Chief Ranger"]) == [
        (["Chief Ranger", "One Stop Shop Supervisor"], []), (["Chief Ranger"], [])]


def test_no_number_word_is_a_given_name():
    assert not NUMBER_WORDS & given_names()
    assert {"chris", "fiona", "grace"} <= given_names()  # names stay
