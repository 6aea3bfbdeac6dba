"""A title the list lacks: a capitalised word no role uses before a surname the same
document prints after a given name (or a known title) is a person's title.

Held-out plans print ``Governor Hendry`` with ``Governor`` in no title list; where
the plan also prints ``Alan Hendry``, the document itself shows ``Hendry`` is a
surname. Without that evidence the piece stays a role (unknown words default to
roles). The words below are made up for the rule, from no corpus pool."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.people import document_surnames, is_person

VOCAB = load()


def _rows(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    resolved = owners.resolve(cells, {})
    return [(list(r.owners), list(r.people)) for r in resolved.rows]


def test_warden_okafor_is_a_person_where_the_plan_prints_priya_okafor():
    cells = ["Head of Finance",
             "Estates Manager – Priya Vantrosk",
             "Head of Finance and Warden Vantrosk",
             "Estates Manager"]
    rows = _rows(cells)
    assert rows[2][1] == ["Warden Vantrosk"]
    assert rows[2][0] == ["Head of Finance"]
    assert rows[1][1] == ["Priya Vantrosk"]


def test_a_second_document_differing_in_all_but_the_rule():
    cells = ["Ward Sister: Tomasz Dremmick",
             "Chief Nurse/Provost Dremmick",
             "Director of Nursing, Ward Sister"]
    rows = _rows(cells)
    assert rows[1] == (["Chief Nurse"], ["Provost Dremmick"])


def test_without_the_surname_elsewhere_the_piece_stays_a_role():
    cells = ["Head of Finance", "Head of Finance and Warden Vantrosk", "Estates Manager"]
    rows = _rows(cells)
    assert rows[1][1] == []


def test_the_surnames_come_from_people_on_their_own_evidence():
    pieces = {"Priya Vantrosk", "Dr Lowe", "Head of Finance", "Warden Vantrosk", "Estates"}
    assert document_surnames(pieces, VOCAB, VOCAB.role_words) == frozenset({"Vantrosk", "Lowe"})


def test_the_word_before_the_surname_must_be_no_role_word():
    surnames = frozenset({"Vantrosk"})
    assert is_person("Warden Vantrosk", VOCAB, VOCAB.role_words, False, surnames)
    assert not is_person("Manager Vantrosk", VOCAB, VOCAB.role_words, False, surnames)
    assert not is_person("Warden Vantrosk", VOCAB, VOCAB.role_words)  # no evidence: a role
