"""Equality strands: a plan's words mapped onto the contract's vocabulary."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from planextract.lexicon.column_roles import role_of
from planextract.normalise.strand_groups import GROUPS, PEOPLE_NOUNS, group_of

VOCABULARY = {
    "all": ["All"], "all strands": ["All"],
    "age": ["Age"],
    "disability": ["Disability"], "disabled": ["Disability"],
    "gender reassignment": ["Gender reassignment"], "transgender": ["Gender reassignment"],
    "trans": ["Gender reassignment"],
    "marriage and civil partnership": ["Marriage and civil partnership"],
    "pregnancy and maternity": ["Pregnancy and maternity"],
    "race": ["Race"], "ethnicity": ["Race"], "bme": ["Race"], "bame": ["Race"],
    "religion or belief": ["Religion or belief"], "religion and belief": ["Religion or belief"],
    "faith": ["Religion or belief"], "religion": ["Religion or belief"],
    "sex": ["Sex"], "gender": ["Sex"],
    "sexual orientation": ["Sexual orientation"], "lgb": ["Sexual orientation"],
    "lgbt": ["Sexual orientation", "Gender reassignment"],
    "carers": ["Carers"], "carer": ["Carers"],
}
_PROTECT = re.compile(
    r"\b(religion|marriage|pregnancy)\s*(?:and|&|or)\s*(belief|civil partnership|maternity)\b",
    re.I)
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\n|\band\b)\s*", re.I)
# the words a heading or label naming strands carries besides the strands' own
_NOISE_WORDS = ("equality", "equalities", "strand", "strands")
_NOISE = re.compile(r"\b({})\b".format("|".join(_NOISE_WORDS)), re.I)
_JOINED = re.compile(r"\s+(?:and|or)\s+")
def _name(term: str) -> str:
    """The name a cell's term prints, without the numbering or punctuation around it
    (``1. Race`` -> ``Race``, ``(Age)`` -> ``Age``); empty when it holds no letter
    (``1.``, ``-``, ``n/a``'s slash): such a term names no strand."""
    letters = [i for i, ch in enumerate(term) if ch.isalpha()]
    return term[letters[0]:letters[-1] + 1] if letters else ""


# the alternatives a characteristic's name joins with ``and``/``or``, each naming it
# alone (``Belief``, ``Maternity``, ``Civil partnership``: the name, shortened)
_CONJUNCTS: dict[str, set[str]] = {}
for _names in VOCABULARY.values():
    for _canonical in _names:
        _parts = _JOINED.split(_canonical.lower())
        for _part in _parts if len(_parts) > 1 else ():
            _CONJUNCTS.setdefault(_part, set()).add(_canonical)
_NAME_WORDS = {w for names in VOCABULARY.values() for n in names for w in n.lower().split()}
# the vocabulary's abbreviations: its short one-word keys that are no word of a name
# (``lgb``, ``bme``); a list of terms whose words' initials spell one names its strands
_ABBREVIATIONS = {key: names for key, names in VOCABULARY.items()
                  if key.isalpha() and len(key) <= 4 and key not in _NAME_WORDS}


def known_term(key: str) -> list[str] | None:
    """A term's strands, no fuzzy match: a vocabulary key, one alternative of a
    name joined by ``and``/``or`` (``maternity``), or a group a characteristic
    protects (``women``: ``strand_groups``)."""
    if key in VOCABULARY:
        return VOCABULARY[key]
    if key in GROUPS:
        return GROUPS[key]
    names = _CONJUNCTS.get(key, ())
    return [next(iter(names))] if len(names) == 1 else None


def _spelled(terms: list[str], start: int) -> tuple[int, list[str]] | None:
    """The longest run of two or more terms from ``start`` whose words' initials spell
    an abbreviation of the vocabulary (``Lesbian, gay and bisexual``: LGB), as the
    number of terms it takes and its strands."""
    for end in range(len(terms), start + 1, -1):
        words = [w for t in terms[start:end] for w in t.lower().split()]
        names = _ABBREVIATIONS.get("".join(w[0] for w in words))
        if names is not None:
            return end - start, names
    return None


def _named(key: str, fuzzy: bool = False) -> list[str] | None:
    """A term's strands: known (``known_term``); a characteristic's group words
    before a noun for people (``Older staff``: ``strand_groups``); with ``fuzzy``,
    spelled near a vocabulary key (``Gender reas signment``); else a group named by a
    known word and a noun for its people (``Disabled staff``: the first word's)."""
    known = known_term(key) or group_of(key.split())
    if known is not None:
        return known
    if fuzzy and len(key) >= 4:
        match = process.extractOne(key, list(VOCABULARY), scorer=fuzz.ratio, score_cutoff=85)
        if match:
            return VOCABULARY[match[0]]
    first, _, rest = key.partition(" ")
    if rest and len(rest.split()) <= 2 and first != "all" and first in VOCABULARY:
        return VOCABULARY[first]
    return None


def _lookup(term: str) -> list[str] | None:
    return _named(" ".join(term.lower().split()), fuzzy=True)


def _terms(text: str) -> list[str]:
    text = _PROTECT.sub(lambda m: f"{m.group(1)}\x00{m.group(2)}", text)
    return [t.replace("\x00", " and ").strip() for t in _SPLIT.split(text) if t.strip()]


_PUNCTUATION = re.compile(r"[:.–—()\-]")


_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits
# every word a heading naming strands can hold: the vocabulary's, the groups' and the
# noise's; or vocabulary words run together, which ``_PROTECT`` may part
# (``religionorbelief``)
_HEADING_WORDS = frozenset([*(w for key in [*VOCABULARY, *GROUPS] for w in _WORD.findall(key)),
                            *_NOISE_WORDS])
# the words a heading naming one group may open with: a vocabulary key's or a group's
_GROUP_OPENINGS = frozenset([*VOCABULARY, *(key.split()[0] for key in GROUPS)])
_RUN_TOGETHER = re.compile("(?:{})+".format("|".join(sorted(
    {w for key in VOCABULARY for w in _WORD.findall(key)}, key=len, reverse=True))))


def _heading_word(word: str) -> bool:
    return word in _HEADING_WORDS or _RUN_TOGETHER.fullmatch(word) is not None


def heading_strands(text: str) -> list[str]:
    """The strands a heading names when it names nothing else (``Race``,
    ``Disability equality``, ``Strand: Pregnancy & Maternity``, ``Protected
    characteristic: Race``, ``Race actions``): a table under it takes them. Empty for
    any other heading: at once for one with a word no such heading holds, as printed
    and without the labels ``unlabelled`` takes off (issue 11: asked of every
    paragraph and one-cell row, most of them read to the end)."""
    if len(text.split()) > 8:
        return []
    found = _heading_terms(text)
    if not found:
        found = _heading_terms(unlabelled(text))
    return found if found else group_heading(text)


def group_heading(text: str) -> list[str]:
    """The strand of a heading naming one group of people by a known word and a
    noun or two for them (``Disabled people``, ``Transgender staff``), the form
    a strand cell may print (``_named``), with the labels ``unlabelled`` takes off
    (``Protected characteristic: Disabled people``, ``Disabled people actions``).
    Empty for a heading whose first word names no strand, at once (issue 11)."""
    head, colon, rest = text.partition(":")
    words = (rest if colon else text).split()
    if not 2 <= len(words) <= 4 or words[0].lower() not in _GROUP_OPENINGS:
        return []
    if len(words) > 2 and role_of(words[-1]) == "action":
        words = words[:-1]
    if colon and role_of(head) != "strand":
        return []
    if len(words) > 3 or not all(map(str.isalpha, words)):
        return []  # a list of strands, a number, punctuation: no one group
    key = " ".join(words).lower()
    group = group_of(key.split())
    if group is not None:
        return list(group)  # ``Older women``, ``Minority ethnic staff``: one group
    if any(w in _HEADING_WORDS and w not in PEOPLE_NOUNS for w in key.split()[1:]):
        return []  # ``Race and disability``, ``Race equality``: the terms' own rule
    found = _named(key)
    return list(found) if found is not None else []


def _heading_terms(text: str) -> list[str]:
    """``heading_strands`` of a heading as printed: every term known."""
    if not text or not all(map(_heading_word, _WORD.findall(text.lower()))):
        return []
    cleaned = _NOISE.sub(" ", text)
    cleaned = _PUNCTUATION.sub(" ", cleaned)
    found = [known_term(" ".join(t.lower().split())) for t in _terms(cleaned)]
    if not found or None in found:
        return []
    out: list[str] = []
    for names in found:
        _add(out, names)  # type: ignore[arg-type]
    return out


def unlabelled(text: str) -> str:
    """A heading without the words the column vocabulary reads as a strand label
    before a colon (``Protected characteristic: Race``) or as the actions after the
    strands (``Race actions``): a heading naming strands may carry them. Empty when
    it has neither."""
    head, colon, rest = text.partition(":")
    words = (rest if colon else text).split()
    if not all(map(_heading_word, _WORD.findall(" ".join(words[:-1] or words).lower()))):
        return ""  # a word no strand heading holds stays whatever is taken off (issue 11)
    out = rest if colon and role_of(head) == "strand" else text
    words = out.split()
    if len(words) > 1 and role_of(words[-1]) == "action":
        out = " ".join(words[:-1])
    return out if out != text else ""


def _add(out: list[str], items: list[str]) -> None:
    for item in items:
        if item not in out:
            out.append(item)


def map_strands(text: str | None) -> tuple[list[str], bool]:
    """Strands named in a strand cell. Unknown names are kept, title-cased; a
    piece with no letter (a number, a dash) is no name. Returns the strands and
    whether a spelling was matched fuzzily."""
    out: list[str] = []
    fuzzy = False
    terms = list(filter(None, map(_name, _terms(text or ""))))
    skip = 0
    for index, term in enumerate(terms):
        if skip:
            skip -= 1
            continue
        spelled = _spelled(terms, index) if len(terms) - index > 1 else None
        if spelled is not None:
            skip = spelled[0] - 1
            _add(out, spelled[1])
            continue
        key = " ".join(term.lower().split())
        found = _lookup(term)
        if found is None:
            _add(out, [term[:1].upper() + term[1:].lower()])
            continue
        fuzzy |= key not in VOCABULARY and group_of(key.split()) is None
        _add(out, found)
    return out, fuzzy


def names_strands(values: list[str], share: float = 0.5) -> bool:
    """A column's cells name strands: ``share`` of its filled cells or more are short
    terms of which one at least is known (a vocabulary key, a name shortened, an
    abbreviation spelled out: no fuzzy match), two strands at least among them."""
    filled = [v for v in values if v]
    named: set[str] = set()
    hits = 0
    for value in filled:
        terms = [" ".join(t.lower().split()) for t in filter(None, map(_name, _terms(value)))]
        if not terms or any(len(t.split()) > 4 for t in terms):
            continue
        found = [n for i in range(len(terms))
                 for n in (_named(terms[i]) or (_spelled(terms, i) or (0, []))[1])]
        if found:
            hits += 1
            named.update(found)
    return bool(filled) and hits >= share * len(filled) and len(named - {"All"}) >= 2


def strands_in_heading(label: str) -> list[str]:
    """Strands a heading's label names (``RACE EQUALITY``), vocabulary only."""
    out: list[str] = []
    cleaned = _NOISE.sub(" ", label)
    for term in _terms(cleaned):
        key = " ".join(term.lower().split())
        if key in VOCABULARY:
            _add(out, VOCABULARY[key])
    return out


def is_common_heading(text: str) -> bool:
    """A section of objectives common to all strands."""
    pattern = r"\bcommon\b|\ball (?:the )?(?:\w+ )?(?:equality )?strands\b"
    return bool(re.search(pattern, text, re.I))
