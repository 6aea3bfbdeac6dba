"""Owners: split a cell into roles and people, and give every spelling of a
role in one document the same string.

The plan's own key of abbreviations is consulted first (``T&DM`` is
``T&D Manager``), rapidfuzz second (``Operations Manager`` / ``Operation Mgr``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from planextract.normalise.glossary import BUILTIN

RANKS = ["chief superintendent", "chief supt", "det supt", "superintendent", "supt", "cs",
         "dcc", "acc", "cc", "ci", "di", "dci", "insp", "inspector", "sgt", "sergeant",
         "dr", "mr", "mrs", "ms", "miss", "prof", "cllr"]
ROLE_WORDS = {
    "manager", "managers", "mgr", "mgrs", "lead", "leads", "officer", "officers", "adviser",
    "advisor", "director", "directors", "head", "team", "group", "board", "champions",
    "champion", "resources", "services", "service", "administrators", "administrator",
    "executive", "writers", "worker", "workers", "link", "chair", "committee", "unit",
    "policing", "programme", "panel", "forum", "staff", "members", "partnership",
    "department", "development", "delivery", "estate", "crime", "silver", "gold", "bronze",
    "equality", "diversity", "improvement", "auditors", "all", "network", "trust", "support",
    "coordinator", "co-ordinator", "secretary", "assistant", "deputy", "chief", "senior",
    "operations", "operation", "training", "learning", "policy", "office", "governance",
}
_SYNONYMS = {"mgr": "manager", "mgrs": "managers", "mgt": "management", "mngr": "manager",
             "progs": "programmes", "operations": "operation", "advisor": "adviser"}
_SEGMENT_SPLIT = re.compile(r"\s*(?:/|,|;|\n)\s*")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s+[-–—](?=[A-Za-z])|(?<=[A-Za-z])[-–—]\s+")
_ANY_DASH = re.compile(r"\s*[-–—]\s*")
_OWNED_BY = re.compile(r"\s+owned by\s+", re.I)


def clean_role(text: str) -> str:
    """``ACO – HR`` -> ``ACO HR``; ``T & D Manager`` -> ``T&D Manager``."""
    text = _ANY_DASH.sub(" ", text)
    text = re.sub(r"\b([A-Z]{1,3})\s*&\s*([A-Z]{1,3})\b", r"\1&\2", text)
    text = " ".join(text.split())
    return text.strip(" .,:;")


def is_person(text: str) -> bool:
    """A named individual: ``Fiona Washington``, ``Supt Johnson``, ``CS Jo Byrne``."""
    words = text.strip(" .,").split()
    lowered = " ".join(words).lower()
    for rank in RANKS:
        if lowered.startswith(rank + " "):
            rest = words[len(rank.split()):]
            return 1 <= len(rest) <= 2 and all(_is_name_word(w) for w in rest)
    return 2 <= len(words) <= 3 and all(_is_name_word(w) for w in words)


def _is_name_word(word: str) -> bool:
    return (bool(re.fullmatch(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?", word))
            and word.lower() not in ROLE_WORDS)


def _people(text: str) -> list[str] | None:
    """``Ben Wild & Sandeep Thandi`` -> both; None unless every piece is a person."""
    pieces = [p for p in re.split(r"\s*&\s*|\s+and\s+", text.strip()) if p]
    return pieces if pieces and all(is_person(p) for p in pieces) else None


@dataclass
class OwnerCell:
    """A cell split into role segments (cleaned) and people, in printed order."""

    roles: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def split_cell(text: str | None) -> OwnerCell:
    """Split on ``/ , ; newline`` and ``owned by``; separate people from roles."""
    out = OwnerCell()
    if not text:
        return out
    text = _OWNED_BY.sub("\n", text)
    for segment in _SEGMENT_SPLIT.split(text):
        segment = segment.strip(" .,;:")
        if not segment:
            continue
        pieces = [p.strip(" .,") for p in _SPACED_DASH.split(segment) if p.strip(" .,")]
        people = [_people(p) for p in pieces]
        if len(pieces) > 1 and any(people):
            for piece, named in zip(pieces, people):
                if named:
                    out.people.extend(named)
                else:
                    out.roles.append(clean_role(piece))
            continue
        named = _people(segment)
        if named:
            out.people.extend(named)
        else:
            out.roles.append(clean_role(segment))
    return out


def role_key(role: str) -> str:
    """Same words in any order, common abbreviations and plurals folded."""
    words = []
    for word in re.findall(r"[a-z0-9&]+", role.lower()):
        word = _SYNONYMS.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(sorted(words))


def initials(text: str) -> str:
    """Letters a role abbreviates to: ``T&D Manager`` -> ``TDM``,
    ``Training and Development Manager`` -> ``TDM``."""
    out = []
    for word in text.replace("&", " & ").split():
        if word in ("&",) or word.lower() in ("and", "of", "the", "for"):
            continue
        if word.isupper() or "&" in word:
            out.append(re.sub(r"[^A-Z]", "", word))
        else:
            out.append(word[0].upper())
    return "".join(out)


def _abbreviated(role: str) -> bool:
    """A spelling that still holds an abbreviation (``T&D Manager``), so its
    initials can be compared with a key's expansion."""
    return any(re.fullmatch(r"[A-Z&]{2,}", w) for w in role.split())


def split_run_together(role: str, known: set[str], abbreviations: set[str]) -> list[str]:
    """``All AMs ACO OM`` -> ``All AMs``, ``ACO OM`` when every piece is a role
    known on its own in the document or an abbreviation; else ``[role]``."""
    words = role.split()
    n = len(words)
    if n < 2:
        return [role]
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] is None:
                continue
            piece = " ".join(words[start:end])
            if role_key(piece) in known or piece in abbreviations:
                candidate = [*best[start], piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    found = best[n]
    return found if found and len(found) > 1 else [role]


_BARE_ABBREVIATION = re.compile(r"[A-Z&]{1,4}")


def share_prefix(roles: list[str], abbreviations: set[str], known: set[str]) -> list[str]:
    """``ACO – OM/BS`` -> ``ACO OM``, ``ACO BS``: a bare abbreviation after a
    slash that is no role of its own (not in the key) takes the head of the
    role before it, when the two make a role the key or the document names
    (``known`` holds role keys)."""
    out: list[str] = []
    for role in roles:
        previous = out[-1].split() if out else []
        if (_BARE_ABBREVIATION.fullmatch(role) and role not in abbreviations
                and len(previous) >= 2):
            candidate = " ".join([*previous[:-1], role])
            if candidate in abbreviations or role_key(candidate) in known:
                out.append(candidate)
                continue
        out.append(role)
    return out


def split_and(role: str, known: set[str]) -> list[str]:
    """``Chief Executive and ACE Equality and Diversity`` -> two roles, when the
    part after an ``and`` is a role known on its own."""
    parts = role.split(" and ")
    for cut in range(1, len(parts)):
        left, right = " and ".join(parts[:cut]), " and ".join(parts[cut:])
        if role_key(right) in known and left:
            return [left, right]
    return [role]


GENERIC_TAILS = {"services", "service", "department", "team", "unit", "directorate",
                 "division", "section"}


def expand(role: str, expansions: dict[str, str]) -> list[str]:
    """The role's words with the plan's abbreviations spelt out: the whole role
    if the key has it (``ACO BS``), else word by word (``ACO`` ``Business``)."""
    if role in expansions:
        words = expansions[role].split()
    else:
        words = [w for word in role.split() for w in (expansions.get(word) or word).split()]
    return ["and" if w == "&" else w.lower() for w in words]


def _same_by_expansion(a: str, b: str, expansions: dict[str, str]) -> bool:
    """``ACO Business`` is ``ACO BS`` (Business Services), ``Head of L&D`` is
    ``Head of Learning & Development``: spelt out, they are equal, or one is the
    other less a trailing generic word (``Head of PSD`` / ``Head of Professional
    Standards``)."""
    x, y = expand(a, expansions), expand(b, expansions)
    plain_a = ["and" if w == "&" else w.lower() for w in a.split()]
    plain_b = ["and" if w == "&" else w.lower() for w in b.split()]
    if x == y:
        # equal once spelt out, and something was spelt out to get there
        return len(x) > 1 and (x != plain_a or y != plain_b)
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and long[:-1] == short and long[-1] in GENERIC_TAILS


class RoleCanon:
    """Maps every spelling of a role in one document to the first one seen.

    Abbreviations are spelt out from the plan's own key first and from
    ``common`` (the project's builtin table) only where the key is silent."""

    def __init__(self, roles_in_order: list[str], key_entries: dict[str, str],
                 threshold: float = 92.0, common: dict[str, str] | None = None) -> None:
        self._canon: dict[str, str] = {}
        self._fuzzy: set[str] = set()
        firsts: list[str] = []
        expansions = {clean_role(k): v for k, v in (common or {}).items()}
        expansions.update({clean_role(k): v for k, v in key_entries.items()})
        for role in roles_in_order:
            if role in self._canon:
                continue
            match = self._match(role, firsts, expansions, threshold)
            if match is None:
                firsts.append(role)
                self._canon[role] = role
            else:
                self._canon[role] = match
        self._firsts = firsts

    def _match(self, role: str, firsts: list[str], expansions: dict[str, str],
               threshold: float) -> str | None:
        key = role_key(role)
        for first in firsts:
            if role_key(first) == key:
                return first
        for first in firsts:
            for a, b in ((role, first), (first, role)):
                expansion = expansions.get(a)
                if expansion and (role_key(expansion) == role_key(b)
                                  or _abbreviated(b) and initials(expansion) == initials(b)):
                    return first
            if _same_by_expansion(role, first, expansions):
                return first
        best, score = None, 0.0
        for first in firsts:
            value = fuzz.token_sort_ratio(key, role_key(first))
            if value > score:
                best, score = first, value
        if best is not None and score >= threshold:
            self._fuzzy.add(role)
            return best
        return None

    def canonical(self, role: str) -> str:
        return self._canon.get(role, role)

    def was_fuzzy(self, role: str) -> bool:
        return role in self._fuzzy


@dataclass
class RowOwners:
    """One row's owners: canonical roles and people in printed order, and the
    flags the resolution leaves on the row (``owner_fuzzy_matched``, ...)."""

    owners: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class RoleSpelling:
    """A row of the ``roles`` table, less its ``doc_id``."""

    role: str
    spelling: str
    mentions: int
    match: str  # exact, key, builtin, vocabulary, fuzzy


@dataclass
class OwnerResolution:
    rows: list[RowOwners]
    roles: list[RoleSpelling]


def resolve(cells: list[str | None], key: dict[str, str]) -> OwnerResolution:
    """Every owner cell of one document (one per action, in document order) to
    its canonical roles and people, with the document's ``roles`` rows.
    ``key`` is the plan's own key of abbreviations."""
    abbreviations = {clean_role(a) for a in key} | set(BUILTIN)
    split = [split_cell(text) for text in cells]
    counts = Counter(role_key(r) for cell in split for r in cell.roles)
    known = set(counts)
    per_cell: list[list[str]] = []
    for cell in split:
        roles: list[str] = []
        for role in share_prefix(cell.roles, abbreviations, known):
            if counts[role_key(role)] > 1:
                roles.append(role)
                continue
            others = known - {role_key(role)}
            for part in split_and(role, others):
                roles.extend(split_run_together(part, others, abbreviations))
        per_cell.append(roles)
    canon = RoleCanon([r for roles in per_cell for r in roles], key, common=BUILTIN)
    rows: list[RowOwners] = []
    mentions: Counter[str] = Counter()
    for cell, roles in zip(split, per_cell):
        row = RowOwners(people=list(dict.fromkeys(cell.people)))
        for role in roles:
            mentions[role] += 1
            name = canon.canonical(role)
            if canon.was_fuzzy(role):
                row.flags.add("owner_fuzzy_matched")
            if name not in row.owners:
                row.owners.append(name)
        rows.append(row)
    spellings = [RoleSpelling(canon.canonical(s), s, n,
                              "fuzzy" if canon.was_fuzzy(s)
                              else "exact" if canon.canonical(s) == s else "key")
                 for s, n in mentions.items()]
    return OwnerResolution(rows, spellings)
