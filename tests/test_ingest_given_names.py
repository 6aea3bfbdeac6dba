"""The given-name list behind owner cells loads from a cache file made on first use
(issue 8: the fork server loads it before the first worker starts); what the cache
gives must be exactly what parsing gender-guesser's list gives."""

from __future__ import annotations

from importlib import resources

import pytest

from planextract.normalise import people


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """given_names() with its cache file in ``tmp_path``, and remembered afresh."""
    path = tmp_path / "cache" / "given-names.txt"
    monkeypatch.setattr(people, "cache_path", lambda source: path)
    people.given_names.cache_clear()
    yield path
    people.given_names.cache_clear()


def _parsed() -> frozenset[str]:
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text("utf-8")
    return people.parse_name_list(text)


def test_cache_is_made_on_first_use_and_gives_the_parsed_names(private_cache):
    assert not private_cache.exists()
    first = people.given_names()
    assert private_cache.exists()
    people.given_names.cache_clear()
    assert people.given_names() == first == _parsed()
    assert {"chris", "fiona", "sandeep"} <= first


def test_a_cache_cut_short_is_not_trusted(private_cache):
    people.given_names()
    text = private_cache.read_text("utf-8")
    private_cache.write_text(text[: len(text) // 2], "utf-8")  # a name list cut in half
    people.given_names.cache_clear()
    assert people.given_names() == _parsed()
    assert private_cache.read_text("utf-8") == text  # written whole again


def test_an_unwritable_cache_folder_only_means_parsing(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(people, "cache_path", lambda source: blocked / "given-names.txt")
    people.given_names.cache_clear()
    try:
        assert people.given_names() == _parsed()
    finally:
        people.given_names.cache_clear()
    assert blocked.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]  # no temporary file left


def test_cache_name_follows_the_list_it_came_from(tmp_path):
    source = tmp_path / "nam_dict.txt"
    source.write_text("M  Chris  x\n")
    before = people.cache_path(source)
    source.write_text("M  Chris  x\nF  Fiona  x\n")
    assert people.cache_path(source) != before  # another size: parsed afresh
