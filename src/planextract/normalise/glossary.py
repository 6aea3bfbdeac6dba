"""The plan's own key of abbreviations (a table, or paragraphs under a Key
heading), and the project's builtin one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.lexicon import role_vocab

# the project's own table: the acronyms of the role vocabulary (data/roles.toml)
BUILTIN = dict(role_vocab.load().acronyms)
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]*[A-Z](?:\s*[-–]\s*[A-Z]{1,4})?:?$")


@dataclass(frozen=True)
class Entry:
    abbreviation: str
    expansion: str
    origin: str  # "document" or "builtin"


def looks_like_key(rows: list[list[str]]) -> bool:
    """A two-column table of abbreviations and their expansions."""
    pairs = [r for r in rows if len([c for c in r if c.strip()]) == 2]
    if len(pairs) < 3 or len(pairs) < 0.8 * len(rows):
        return False
    hits = sum(1 for a, *_ in ([c for c in r if c.strip()] for r in pairs)
               if _ABBREVIATION.match(a.strip()) and len(a.strip()) <= 12)
    return hits >= 0.8 * len(pairs)


def key_entries(rows: list[list[str]]) -> list[Entry]:
    entries = []
    for row in rows:
        filled = [c.strip() for c in row if c.strip()]
        if len(filled) == 2:
            abbreviation = filled[0].rstrip(":").strip()
            entries.append(Entry(abbreviation, filled[1].rstrip(":").strip(), "document"))
    return entries


def unambiguous(entries: list[Entry]) -> dict[str, str]:
    """The key as abbreviation -> expansion, less abbreviations it gives two
    meanings (``DSG``): such an abbreviation is never spelt out."""
    seen: dict[str, set[str]] = {}
    for entry in entries:
        seen.setdefault(entry.abbreviation, set()).add(entry.expansion)
    return {a: next(iter(e)) for a, e in seen.items() if len(e) == 1}


def conflicts(entries: list[Entry]) -> list[str]:
    """Warnings for an abbreviation the key expands two ways."""
    seen: dict[str, list[str]] = {}
    for entry in entries:
        seen.setdefault(entry.abbreviation, []).append(entry.expansion)
    return [f"the plan's key gives {abbr} two meanings: {' / '.join(exps)}"
            for abbr, exps in seen.items() if len(set(exps)) > 1]


# -- the key printed as paragraphs: `ACO  Assistant Chief Officer` under a `Key` heading --

_KEY_HEADING = re.compile(
    r"^(?:key|abbreviations?|acronyms?|glossary)(?:\s+(?:of|to|and|used)(?:\s+\w+)?)*\s*:?$",
    re.I)
_ABBR = r"[A-Z][A-Za-z&]*[A-Z](?:s\b)?(?:\s*[-–]\s*[A-Z]{1,4}\b)?"
_ENTRY_EXPLICIT = re.compile(rf"^(?P<abbr>{_ABBR})\s*(?:\t|\s{{2,}}|\s*[:=–—]\s*|\s+-\s+)"
                             r"\s*(?P<exp>\S.*)$")
_ENTRY_SPACED = re.compile(rf"^(?P<abbr>{_ABBR})\s+(?P<exp>[A-Za-z].*)$")
_ABBR_ONLY = re.compile(rf"^{_ABBR}:?$")


def _entry(text: str, under_heading: bool) -> Entry | None:
    text = text.strip()
    found = _ENTRY_EXPLICIT.match(text) or (under_heading and _ENTRY_SPACED.match(text))
    spaced = _ENTRY_SPACED.match(text)
    if found and spaced and re.search(r"[-–]", spaced.group("abbr")) \
            and re.match(r"[A-Z]{1,4}\s", found.group("exp")):
        found = spaced  # ACO – OM Assistant Chief Officer Offender Management
    if not found or len(found.group("abbr")) > 12:
        return None
    expansion = found.group("exp").strip().rstrip(".;,")
    if not expansion or _ABBR_ONLY.match(expansion) or len(expansion.split()) > 12:
        return None
    return Entry(found.group("abbr").strip(), expansion, "document")


def _initials_fit(entry: Entry) -> bool:
    """Without a Key heading an entry must look like one: the abbreviation's
    capitals are initials of the expansion's words, in order (``HRC`` Human
    Resources Committee; not ``OBJECTIVE 1: LEADERSHIP``)."""
    letters = [c.lower() for c in entry.abbreviation if c.isupper()]
    initials = [w[0].lower() for w in re.findall(r"[A-Za-z]+", entry.expansion)]
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return bool(letters)


def paragraph_key(texts: list[str | None], known: list[Entry] = ()) -> list[Entry]:
    """Entries of a key printed as paragraphs, in document order (``None``
    stands for a table between paragraphs). Under a heading ``Key``,
    ``Abbreviations``, ``Glossary`` (...) every ``ABBR expansion`` line counts,
    also an abbreviation and its expansion on two lines; elsewhere only a run of
    three or more lines with a tab, ``=``, ``:`` or dash between the two.
    Entries already in ``known`` (the key read as a table) are not repeated."""
    entries: list[Entry] = []
    index = 0
    while index < len(texts):
        text = texts[index]
        if text is not None and _KEY_HEADING.match(text.strip()):
            index += 1
            while index < len(texts) and texts[index] is not None:
                line = (texts[index] or "").strip()
                following = texts[index + 1] if index + 1 < len(texts) else None
                entry = _entry(line, True)
                if entry is None and _ABBR_ONLY.match(line) and following \
                        and not _ABBR_ONLY.match(following.strip()) \
                        and _entry(following, True) is None:
                    entry = Entry(line.rstrip(":"), following.strip().rstrip(".;,"), "document")
                    index += 1
                if entry is None:
                    if line:
                        break
                else:
                    entries.append(entry)
                index += 1
            continue
        run = []
        while index < len(texts) and texts[index] is not None:
            entry = _entry(texts[index] or "", False)
            if entry is None or not _initials_fit(entry):
                break
            run.append(entry)
            index += 1
        if len(run) >= 3:
            entries.extend(run)
        if not run:
            index += 1
    seen = {(e.abbreviation, e.expansion) for e in known}
    return [e for e in dict.fromkeys(entries) if (e.abbreviation, e.expansion) not in seen]
