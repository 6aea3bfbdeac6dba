"""A title the title list lacks, read from a surname the census list holds.

Held-out plans print ``Governor Hendry`` once, with no other evidence in the plan
(no ``Alan Hendry``, no second ``Governor`` surname): a capitalised word no role
uses, closing a piece of two or three such words and found in the surname list the
``names`` package ships, makes the words before it a title. Positive evidence only:
the role-word veto keeps ``Planning Head`` a role (Head is a surname too), and a
word in no list stays a role."""

import subprocess
import sys
from importlib import resources

import pytest

from planextract.lexicon import surnames
from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.people import is_person

VOCAB = load()


def _rows(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    resolved = owners.resolve(cells, {})
    return [(list(r.owners), list(r.people)) for r in resolved.rows]


def test_governor_hendry_with_no_other_evidence_is_a_person():
    rows = _rows(["Procurement Mgr and Governor Hendry", "Inclusion Manager"])
    assert rows[0] == (["Procurement Manager"], ["Governor Hendry"])
    assert rows[1] == (["Inclusion Manager"], [])


def test_a_second_document_differing_in_all_but_the_rule():
    # another title, another surname, a slash for the separator
    rows = _rows(["Director of Nursing/Almoner Kowalczyk", "Chief Nurse"])
    assert rows[0] == (["Director of Nursing"], ["Almoner Kowalczyk"])
    assert rows[1] == (["Chief Nurse"], [])


def test_a_titled_person_on_the_line_after_a_role():
    rows = _rows(["Head of Estates\nAlmoner Iqbal", "Estates Officer"])
    assert rows[0] == (["Head of Estates"], ["Almoner Iqbal"])


def test_the_role_word_veto_keeps_surnames_that_roles_use_roles():
    # Head and Officer are in the census list, and every vocabulary role uses them
    for piece in ("Planning Head", "Chief Officer", "Manager Hendry"):
        assert not is_person(piece, VOCAB, VOCAB.role_words)
    assert is_person("Almoner Hendry", VOCAB, VOCAB.role_words)
    assert not is_person("Almoner Hendry", VOCAB, VOCAB.role_words, listed=False)


def test_a_surname_in_no_list_is_no_evidence():
    assert not is_person("Almoner Fitzmorrow", VOCAB, VOCAB.role_words)


def test_the_words_after_of_or_a_kept_comma_are_the_posts_object():
    # Marrow and People are census surnames; here they close the post's object
    assert _rows(["Head of Quill Marrow"])[0] == (["Head of Quill Marrow"], [])
    cells = ["Officer, Learning Disabilities Support", "Head of HR/Officer, Older People"]
    assert _rows(cells)[1] == (["Head of Human Resources", "Officer Older People"], [])


def test_the_list_is_loaded_only_when_a_piece_asks():
    code = ("from planextract.lexicon.role_vocab import load\n"
            "from planextract.lexicon.surnames import listed_surnames\n"
            "from planextract.normalise.people import is_person\n"
            "v = load()\n"
            "assert not is_person('Head of Finance', v, v.role_words)\n"
            "print(listed_surnames.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "0"


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """listed_surnames() with its cache file in ``tmp_path``, and remembered afresh."""
    path = tmp_path / "cache" / "surnames.bin"
    monkeypatch.setattr(surnames, "cache_path", lambda source: path)
    surnames.listed_surnames.cache_clear()
    yield path
    surnames.listed_surnames.cache_clear()


def _parsed() -> frozenset[str]:
    text = resources.files("names").joinpath("dist.all.last").read_text("utf-8")
    return frozenset(line.split()[0].lower() for line in text.splitlines() if line.strip())


def test_the_cache_gives_exactly_the_parsed_list(private_cache):
    first = surnames.listed_surnames()
    assert private_cache.exists()
    surnames.listed_surnames.cache_clear()
    again = surnames.listed_surnames()
    assert again.names() == first.names() == _parsed()
    assert len(again) == 88799
    assert all(word in again for word in ("Hendry", "iqbal", "OKAFOR", "Kowalczyk"))
    assert not any(word in again for word in ("Fitzmorrow", "", "Hendry Iqbal", "Zürich"))


def test_a_cache_cut_short_is_not_trusted(private_cache):
    whole = surnames.listed_surnames().names()
    data = private_cache.read_bytes()
    private_cache.write_bytes(data[: len(data) // 2])
    surnames.listed_surnames.cache_clear()
    assert surnames.listed_surnames().names() == whole
    assert private_cache.read_bytes() == data  # written whole again
