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
from pathlib import Path

from planextract.cache_file import write_whole
from planextract.lexicon.role_vocab import Vocabulary
from planextract.lexicon.surnames import listed_surnames
from planextract.memo import per_document
from planextract.settings import DEFAULT

_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+")
_SEPARATOR = re.compile(r"\s*&\s*|\s+and\s+")


NAME_LIST = ("gender_guesser", "data/nam_dict.txt")
CACHE_FORMAT = 2  # bump when what the cache holds changes (2: no number words)

# the English number words: the list holds a few as names (``One``, ``Five``, ``Nine``),
# but in an owner cell such a word counts (``Number One Governor``), it names no one
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand".split())


def parse_name_list(text: str) -> frozenset[str]:
    """First names, lower case, from gender-guesser's ``nam_dict.txt`` (a name with
    ``+`` is written both joined and with a hyphen), less the number words."""
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
    return frozenset(names - NUMBER_WORDS)


def cache_path(source: Path) -> Path:
    """Where the parsed list of ``source`` is kept: beside this module, in
    ``__pycache__`` (derived files, never committed), named after the list's size and
    modification time, so an upgraded gender-guesser is parsed afresh."""
    stat = source.stat()
    return (Path(__file__).parent / "__pycache__"
            / f"given-names-{CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.txt")


def _read_cache(path: Path) -> frozenset[str] | None:
    """The names a cache file holds; None when it is missing or not whole (its first
    line is the count of the names after it)."""
    try:
        count, _, body = path.read_text("utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    names = body.split("\n") if body else []
    return frozenset(names) if count.isdigit() and int(count) == len(names) else None


def _write_cache(path: Path, names: frozenset[str]) -> None:
    """The parsed names, one a line after their count (``cache_file.write_whole``)."""
    write_whole(path, (f"{len(names)}\n" + "\n".join(sorted(names))).encode("utf-8"),
                ".given-names-")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names, lower case, from the name list gender-guesser ships (about
    45,000 names from many countries); read once per process. Parsing the list costs
    60-120 ms of CPU, on the path of every run's first document (the fork server loads
    it before forking a worker); the parsed names, one a line, load in about 10 ms, so
    they are kept in a cache file made on first use (``cache_path``)."""
    source = resources.files(NAME_LIST[0]).joinpath(NAME_LIST[1])
    if not isinstance(source, Path):  # inside a zip: nothing to key a cache on
        return parse_name_list(source.read_text("utf-8"))
    path = cache_path(source)
    names = _read_cache(path)
    if names is None:
        names = parse_name_list(source.read_text("utf-8"))
        _write_cache(path, names)
    return names


# endings of abstract nouns, never of surnames: Group Commander Prevention is a post
NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ology|ics)$")


def _surname(word: str, role_words: frozenset[str]) -> bool:
    return (bool(_NAME_WORD.fullmatch(word)) and word.lower() not in role_words
            and not NOUN_ENDING.search(word.lower()))


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


def _titled_listed_surname(words: list[str], role_words: frozenset[str]) -> bool:
    """A surname from the census list closing a piece of two or three capitalised
    words no role uses: the words before it are a title the title list lacks
    (``Governor Hendry`` with no other evidence in the plan). The role-word veto
    keeps ``Planning Head`` and ``Chief Officer`` roles, though both are surnames."""
    return (2 <= len(words) <= 3 and all(_surname(w, role_words) for w in words)
            and words[-1] in listed_surnames())


class Surnames(frozenset):
    """A document's surnames (``document_surnames``) and ``posts``: the one-word
    owners it prints alone (``Governor``), which it may print before a surname as a
    title the list lacks (``Governor Iqbal``)."""

    posts: frozenset[str] = frozenset()


NO_NAMES: frozenset[str] = Surnames()

# the different surname-shaped words one word must stand before, in one document, to
# be read as a title the list lacks (``document_surnames``)
TITLE_EVIDENCE = 2


@per_document(DEFAULT.memo.pieces)  # pure; the same pieces are asked about by several rules
def is_person(text: str, vocab: Vocabulary, role_words: frozenset[str],
              beside_role: bool = False, surnames: frozenset[str] = NO_NAMES,
              *, listed: bool = True) -> bool:
    """``beside_role``: the piece stands across a dash from a role, which is
    itself evidence of the ``Role – Firstname Surname`` shape. ``surnames``: the
    surnames the document prints after a given name or a known title
    (``document_surnames``): one capitalised word no role uses before one of them is
    a title the list lacks (``Governor Hendry`` where ``Alan Hendry`` is printed).
    ``listed``: a surname from the census list after such a word is evidence too
    (``_titled_listed_surname``); False where the answer decides how the whole plan
    is cut, and the plan's own evidence is wanted."""
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
    if len(words) == 2 and words[1] in surnames and (
            _surname(words[0], role_words)
            or words[0].lower() in getattr(surnames, "posts", NO_NAMES)):
        return True  # a post the plan prints alone as a title: Governor Iqbal
    if listed and _titled_listed_surname(words, role_words):
        return True
    return beside_role and all(_surname(w, role_words) for w in words)


def people_in(text: str, vocab: Vocabulary, role_words: frozenset[str],
              beside_role: bool = False, surnames: frozenset[str] = NO_NAMES
              ) -> list[str] | None:
    """``Ben Wild & Sandeep Thandi`` -> both; None unless every piece is a person."""
    pieces = [p.strip(" .,") for p in _SEPARATOR.split(text.strip()) if p.strip(" .,")]
    if pieces and all(is_person(p, vocab, role_words, beside_role, surnames) for p in pieces):
        return pieces
    return None


def titled_words(pieces: set[str], vocab: Vocabulary) -> frozenset[str]:
    """Words, lower case, that the document prints straight after a known title
    (``Ms Lindqvist``, ``Chief Supt Lindqvist``): surnames the plan shows, so a
    role piece they also stand in (``Vice Principal Curriculum, Governor
    Lindqvist``, its comma kept) does not make them role words of the document,
    which would veto them as surnames everywhere. The vocabulary's own role
    words are not touched."""
    out: set[str] = set()
    by_first = _titles_by_first_word(vocab)
    for piece in pieces:
        words = piece.replace(",", " ").split()
        for i, word in enumerate(words[:-1]):
            if not word[:1].isupper():
                continue
            for title in by_first.get(word.lower(), ()):
                end = i + len(title)
                if end < len(words) and [w.lower() for w in words[i:end]] == title \
                        and _NAME_WORD.fullmatch(words[end]):
                    out.add(words[end].lower())
                    break
    return frozenset(out)


def document_surnames(pieces: set[str], vocab: Vocabulary,
                      role_words: frozenset[str]) -> frozenset[str]:
    """The last words of the pieces that are people on their own evidence (a given
    name or a known title first): a surname the document itself shows, so the same
    surname after a word the title list lacks is a person too. And the second words
    of two-word pieces whose first word stands before two or more different such
    words (``Governor Hendry``, ``Governor Iqbal``): a word no role uses, repeated
    before different surname-shaped words, is a title, so they are surnames.
    Gathered over the whole document first, so no answer depends on the order cells
    are read."""
    person = getattr(is_person, "__wrapped__", is_person)  # asked once a piece: no memo entry
    out = set()
    after: dict[str, set[str]] = {}  # a capitalised word -> the words printed after it
    for piece in pieces:
        words = piece.strip(" .,;:").split()
        if 2 <= len(words) <= 4 and person(piece, vocab, role_words):
            out.add(words[-1])
        if len(words) == 2 and all(_surname(w, role_words) for w in words):
            # people too: Governor Hendry (a listed surname) still counts for Lindqvist
            after.setdefault(words[0], set()).add(words[1])
    for second in after.values():
        if len(second) >= TITLE_EVIDENCE:
            out.update(second)
    # a one-word owner the plan prints alone is a post of the plan (``Governor``); one
    # surname-shaped word after it that no role of the plan or the vocabulary uses is
    # its holder's surname, the post printed as a title (``Governor Iqbal``)
    posts = frozenset(w.lower() for piece in pieces for w in [piece.strip(" .,;:")]
                      if " " not in w and len(w) > 2 and w[:1].isupper() and not w.isupper())
    for piece in pieces:
        words = piece.strip(" .,;:").split()
        if len(words) == 2 and words[0].lower() in posts and _surname(words[1], role_words):
            out.add(words[1])
    if not out:
        return NO_NAMES
    found = Surnames(out)
    found.posts = posts
    return found
