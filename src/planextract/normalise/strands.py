"""Equality strands: a plan's words mapped onto the contract's vocabulary."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

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
def _name(term: str) -> str:
    """The name a cell's term prints, without the numbering or punctuation around it
    (``1. Race`` -> ``Race``, ``(Age)`` -> ``Age``); empty when it holds no letter
    (``1.``, ``-``, ``n/a``'s slash): such a term names no strand."""
    letters = [i for i, ch in enumerate(term) if ch.isalpha()]
    return term[letters[0]:letters[-1] + 1] if letters else ""


def _lookup(term: str) -> list[str] | None:
    key = " ".join(term.lower().split())
    if key in VOCABULARY:
        return VOCABULARY[key]
    if len(key) >= 4:
        match = process.extractOne(key, list(VOCABULARY), scorer=fuzz.ratio, score_cutoff=85)
        if match:
            return VOCABULARY[match[0]]
    return None


def _terms(text: str) -> list[str]:
    text = _PROTECT.sub(lambda m: f"{m.group(1)}\x00{m.group(2)}", text)
    return [t.replace("\x00", " and ").strip() for t in _SPLIT.split(text) if t.strip()]


_PUNCTUATION = re.compile(r"[:.–—()\-]")


_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits
# every word a heading naming strands can hold: the vocabulary's and the noise's;
# or vocabulary words run together, which ``_PROTECT`` may part (``religionorbelief``)
_HEADING_WORDS = frozenset([*(w for key in VOCABULARY for w in _WORD.findall(key)),
                            *_NOISE_WORDS])
_RUN_TOGETHER = re.compile("(?:{})+".format("|".join(sorted(
    {w for key in VOCABULARY for w in _WORD.findall(key)}, key=len, reverse=True))))


def _heading_word(word: str) -> bool:
    return word in _HEADING_WORDS or _RUN_TOGETHER.fullmatch(word) is not None


def heading_strands(text: str) -> list[str]:
    """The strands a heading names when it names nothing else (``Race``,
    ``Disability equality``, ``Strand: Pregnancy & Maternity``): a table under
    it takes them. Empty for any other heading: at once for one with a word
    no such heading holds (issue 11: asked of every paragraph and one-cell row,
    most of them read to the end)."""
    if len(text.split()) > 8:
        return []
    if not all(map(_heading_word, _WORD.findall(text.lower()))):
        return []
    cleaned = _NOISE.sub(" ", text)
    cleaned = _PUNCTUATION.sub(" ", cleaned)
    terms = [" ".join(t.lower().split()) for t in _terms(cleaned)]
    if not terms or not all(t in VOCABULARY for t in terms):
        return []
    out: list[str] = []
    for term in terms:
        _add(out, VOCABULARY[term])
    return out


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
    for term in filter(None, map(_name, _terms(text or ""))):
        key = " ".join(term.lower().split())
        found = _lookup(term)
        if found is None:
            _add(out, [term[:1].upper() + term[1:].lower()])
            continue
        fuzzy |= key not in VOCABULARY
        _add(out, found)
    return out, fuzzy


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
