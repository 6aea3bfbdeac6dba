"""The plan's own key of abbreviations, and the project's small builtin one."""

from __future__ import annotations

import re
from dataclasses import dataclass

BUILTIN = {
    "SMT": "Senior Management Team", "HR": "Human Resources", "ET": "Executive Team",
    "CE": "Chief Executive", "SLT": "Senior Leadership Team", "ACO": "Assistant Chief Officer",
    "DMT": "Divisional Management Team", "LDU": "Local Delivery Unit",
    "L&D": "Learning and Development", "T&D": "Training and Development",
    "EIA": "Equality Impact Assessment", "EQIA": "Equality Impact Assessment",
    "PSD": "Professional Standards Department",
    "OSD": "Organisational Support Department", "ICT": "Information and Communications Technology",
    "DCC": "Deputy Chief Constable", "ACC": "Assistant Chief Constable",
}
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


def conflicts(entries: list[Entry]) -> list[str]:
    """Warnings for an abbreviation the key expands two ways."""
    seen: dict[str, list[str]] = {}
    for entry in entries:
        seen.setdefault(entry.abbreviation, []).append(entry.expansion)
    return [f"the plan's key gives {abbr} two meanings: {' / '.join(exps)}"
            for abbr, exps in seen.items() if len(set(exps)) > 1]
