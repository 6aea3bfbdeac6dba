"""Is a piece of an owner cell a named person? Only on positive evidence.

A piece is a person when it carries a title or rank before a surname (``Dr
Lowe``, ``Supt Johnson``, ``CS Jo Byrne``, ``Watch Commander Price``) or opens
with a given name (``Chris Rowson``). Next to a role across a dash (``Diversity
Manager – Fiona Washington``) the shape itself is evidence, so capitalised words
that no role uses are enough there. Anything else is a role: unknown words
default to roles, never to people.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from planextract.lexicon.role_vocab import Vocabulary

_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+")
_SEPARATOR = re.compile(r"\s*&\s*|\s+and\s+")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names, lower case, from the name list gender-guesser ships (about
    45,000 names from many countries); read once per process."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text("utf-8")
    names = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) > 1:
            name = parts[1].lower()
            if "+" in name:
                names.update({name.replace("+", sep) for sep in ("", "-")})
            else:
                names.add(name)
    return frozenset(names)


# endings of abstract nouns, never of surnames: Group Commander Prevention is a post
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ology|ics)$")


def _surname(word: str, role_words: frozenset[str]) -> bool:
    return (bool(_NAME_WORD.fullmatch(word)) and word.lower() not in role_words
            and not _NOUN_ENDING.search(word.lower()))


def _given(word: str, role_words: frozenset[str]) -> bool:
    return (bool(_NAME_WORD.fullmatch(word)) and word.lower() in given_names()
            and word.lower() not in role_words)


@lru_cache(maxsize=8)
def _titles_by_first_word(vocab: Vocabulary) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for title in vocab.titles:  # longest first
        out.setdefault(title.split()[0], []).append(title.split())
    return out


def _after_title(words: list[str], vocab: Vocabulary) -> list[str] | None:
    """The words after a leading title or rank, or None."""
    lowered = [w.lower() for w in words]
    for title in _titles_by_first_word(vocab).get(lowered[0], ()):
        if lowered[:len(title)] == title:
            return words[len(title):]
    return None


@lru_cache(maxsize=1 << 14)  # pure; the same pieces are asked about by several rules
def is_person(text: str, vocab: Vocabulary, role_words: frozenset[str],
              beside_role: bool = False) -> bool:
    """``beside_role``: the piece stands across a dash from a role, which is
    itself evidence of the ``Role – Firstname Surname`` shape."""
    words = text.strip(" .,;:").split()
    if not words or len(words) > 4:
        return False
    rest = _after_title(words, vocab)
    if rest is not None:
        # a rank with a surname no role uses: ACC Rowe (but ACC Ops is a role)
        return (1 <= len(rest) <= 3 and all(_surname(w, role_words) for w in rest))
    if len(words) > 3 or len(words) < 2:
        return False
    if _given(words[0], role_words) and all(_surname(w, role_words) for w in words[1:]):
        return True
    return beside_role and all(_surname(w, role_words) for w in words)


def people_in(text: str, vocab: Vocabulary, role_words: frozenset[str],
              beside_role: bool = False) -> list[str] | None:
    """``Ben Wild & Sandeep Thandi`` -> both; None unless every piece is a person."""
    pieces = [p.strip(" .,") for p in _SEPARATOR.split(text.strip()) if p.strip(" .,")]
    if pieces and all(is_person(p, vocab, role_words, beside_role) for p in pieces):
        return pieces
    return None
