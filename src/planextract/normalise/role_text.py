"""A role's printed spelling as words: cleaned, spelt out, and reduced to a
fingerprint (the key-collision step of OpenRefine's clustering).

Pure functions; the plan's key and the builtin tables come in as an
``Expander`` so the same rules serve every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from sys import intern

from planextract.lexicon.fold import fold
from planextract.memo import per_document, per_document_lean, shared_strings
from planextract.settings import DEFAULT

_ANY_DASH = re.compile(r"\s*[-–—]\s*(?=\S)")
_INNER_AMP = re.compile(r"\b([A-Z]{1,3})\s*&\s*([A-Z]{1,3})\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]|[A-Z]{2,}")
_PLURAL_ACRONYM = re.compile(r"([A-Z][A-Z&]*[A-Z])s")
_SPACED_DASH = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|(?<=[A-Z])[–—](?=[A-Z])")
_JOINED_HEAD = re.compile(r"(?<=[A-Z]{2})-(?=[A-Z]{1,4}\b)")
_WORD_CHAR = re.compile(r"\w")


@per_document_lean(DEFAULT.memo.pieces)  # pure; every owner piece is cleaned by several rules
def clean_role(text: str) -> str:
    """``ACO – HR`` -> ``ACO HR``; ``T & D Manager`` -> ``T&D Manager``; a hyphen
    inside a word (``Co-ordinator``, ``Vice-Chancellor``) stays."""
    text = _SPACED_DASH.sub(" ", text)
    text = _JOINED_HEAD.sub(" ", text)  # ACO-OM, ACO-HR
    text = _INNER_AMP.sub(r"\1&\2", text)
    text = " ".join(text.split())
    return strip_ends(text)


_ABBREVIATED_END = re.compile(r"\b[A-Za-z][a-z]{1,4}\.$")


def strip_ends(text: str) -> str:
    """Trailing punctuation off, but the dot of a shortened last word kept
    (``Tenant Involvement Off.``): it is evidence of an abbreviation."""
    text = text.strip(" ,:;-–—•▪◦·*")  # bullet glyphs a list of owners may keep
    if _ABBREVIATED_END.search(text):
        return text
    return text.strip(" .,:;-–—•▪◦·*")


_WORDS = shared_strings()  # a document's words, one string each (not sys.intern: memo.py)
INTERN = False  # the reference: sys.intern, as before (the tests swap it in)


def read_words(role: str) -> tuple[str, ...]:
    """Printed words, a trailing dot and brackets dropped, a lone ``&`` as ``and``.
    A tuple: remembered (``words_of``) and shared, so nobody may change it (issue 11)."""
    out = []
    for word in role.replace("(", " ").replace(")", " ").split():
        word = word.strip(".,:;'’\"")
        if word == "&":
            word = "and"
        if word:
            # one string a distinct word: the memo holds thousands of pieces' words,
            # most of them the same few (``Manager``, ``of``, ``HR``; issue 11)
            out.append(intern(word) if INTERN else _WORDS.setdefault(word, word))
    return tuple(out)


# pure; every owner piece is read into words by several rules
words_of = per_document(DEFAULT.memo.pieces)(read_words)


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and len(word.replace("&", "")) <= 6


def fingerprint(words: list[str] | tuple[str, ...], stop_words: frozenset[str]) -> str:
    """Same role in any word order, case, plural, ``&``/``and``, punctuation."""
    return _fingerprint(tuple(words), stop_words)


def fingerprint_afresh(words: tuple[str, ...], stop_words: frozenset[str]) -> str:
    """``fingerprint`` left out of the memo: a piece the cuts try once is no answer
    worth holding for the document (issue 11)."""
    return _read_fingerprint(words, stop_words)


def _read_fingerprint(words: tuple[str, ...], stop_words: frozenset[str]) -> str:
    tokens = []
    for word in words:
        for part in word.replace("&", " and ").split():
            token = fold(part)
            if token and token not in stop_words and _WORD_CHAR.search(token):
                tokens.append(token)
    return " ".join(sorted(tokens))


# no link node nor key tuple an answer
_fingerprint = per_document_lean(DEFAULT.memo.pieces)(_read_fingerprint)


@dataclass(frozen=True, slots=True)  # one per distinct spelling and expander (issue 11)
class Expansion:
    """A spelling spelt out: its words, and where the expansions came from."""

    words: tuple[str, ...]
    sources: frozenset[str] = field(default_factory=frozenset)  # key, builtin, initials

    @property
    def expanded(self) -> bool:
        return bool(self.sources)


_SOURCE_SETS: dict[frozenset[str], frozenset[str]] = {}


def source_set(sources: set[str]) -> frozenset[str]:
    """One frozenset per distinct set of sources (at most eight), shared by every
    ``Expansion``: a fresh empty frozenset is 216 bytes, and thousands of
    spellings are read once each (issue 11)."""
    found = frozenset(sources)
    return _SOURCE_SETS.setdefault(found, found)


def _pluralise(text: str) -> str:
    words = text.split()
    if words and not words[-1].lower().endswith("s"):
        words[-1] += "s"
    return " ".join(words)


@dataclass
class Expander:
    """Spells a role out: the plan's key first, the builtin acronyms where the
    key is silent, then initials the plan itself spells out elsewhere."""

    key: dict[str, str]
    builtin: dict[str, str]
    initials: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._key = {clean_role(k): v for k, v in self.key.items()}
        self._longest = max((len(k.split()) for k in self._key), default=1)
        self._expanded: dict[str, Expansion] = {}  # one document's spellings, read once

    def expand(self, role: str) -> Expansion:
        """``role`` spelt out; remembered for this expander's tables (issue 11).
        An ``Expansion`` is frozen, so one may be handed out again."""
        found = self._expanded.get(role)
        if found is None:
            found = self._expanded[role] = self.read(role)
        return found

    def _lookup(self, word: str) -> tuple[str, str] | None:
        for table, source in ((self._key, "key"), (self.builtin, "builtin"),
                              (self.initials, "initials")):
            if word in table:
                return table[word], source
        plural = _PLURAL_ACRONYM.fullmatch(word)
        if plural:
            found = self._lookup(plural.group(1))
            if found:
                return _pluralise(found[0]), found[1]
        return None

    def read(self, role: str) -> Expansion:
        """``expand`` without the memory: the reference it is tested against."""
        words = role.split()
        out: list[str] = []
        sources: set[str] = set()
        index = 0
        while index < len(words):
            for size in range(min(self._longest, len(words) - index), 1, -1):
                phrase = " ".join(_PLURAL_ACRONYM.sub(r"\1", w) if _PLURAL_ACRONYM.fullmatch(w)
                                  else w for w in words[index:index + size])
                if phrase in self._key:
                    out.extend(self._key[phrase].split())
                    sources.add("key")
                    index += size
                    break
            else:
                word = words[index].strip(".,:;")
                found = (self._lookup(word)
                         if word in self._key or word in self.builtin
                         or is_acronym(word.rstrip("s")) else None)
                if found:
                    out.extend(found[0].split())
                    sources.add(found[1])
                else:
                    out.append(words[index])
                index += 1
        # the words read afresh: the memo would keep the joined string as a key
        # for the document, and each spelling is read once per expander (issue 11)
        return Expansion(read_words(" ".join(out)), source_set(sources))


def spelt_out_initials(spellings: list[str], known: set[str],
                       stop_words: frozenset[str]) -> dict[str, str]:
    """``E&D`` -> ``Equality and Diversity`` where the document's own owner
    cells spell exactly one run of words with those initials (``Equality and
    Diversity Manager``); acronyms the key or the builtin table know are skipped."""
    acronyms = {w for s in spellings for w in words_of(s)
                if is_acronym(w) and w not in known and len(w.replace("&", "")) >= 2}
    runs: dict[str, set[str]] = {}
    for spelling in spellings:
        words = words_of(spelling)
        for start, first in enumerate(words):
            if first.lower() in stop_words or not first[:1].isupper() or is_acronym(first):
                continue
            letters = ""
            for end in range(start, min(len(words), start + 8)):
                word = words[end]
                if word.lower() in stop_words:
                    continue
                if is_acronym(word) or not word[:1].isupper():
                    break
                letters += word[0].upper()
                if len(letters) >= 2:
                    runs.setdefault(letters, set()).add(" ".join(words[start:end + 1]))
    out = {}
    for acronym in sorted(acronyms):
        found = runs.get(acronym.replace("&", ""), set())
        if len({r.lower() for r in found}) == 1:
            out[acronym] = sorted(found)[0]
    return out
